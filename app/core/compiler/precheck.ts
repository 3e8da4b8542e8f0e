/**
 * A first, iterative walk over every block object before compiling: it checks each is a block with a
 * string type and id, that ids are unique (which also catches shared or cyclic objects: a block met twice repeats its id), and that
 * nesting stays under MAX_DEPTH. After it passes, the recursive compiler cannot loop or overflow.
 */
import type { DiagnosticList } from './diagnostics';
import { asRecord, forEachChild, ownString } from './raw';

/** Blocks nested inside blocks, levels deep; a sequence (next) stays on the same level. */
export const MAX_DEPTH = 200;


/** Returns false (with diagnostics) when the workspace cannot be compiled safely. */
export function precheck(topBlocks: readonly unknown[], diagnostics: DiagnosticList): boolean {
  const ids = new Set<string>();
  // A depth-first walk over three parallel stacks (object, depth, parent id): no allocation per block.
  const objects: unknown[] = [];
  const depths: number[] = [];
  const parents: (string | null)[] = [];
  for (let i = topBlocks.length - 1; i >= 0; i--) {
    objects.push(topBlocks[i]);
    depths.push(1);
    parents.push(null);
  }
  let ok = true;
  let depth = 0;
  let parentId: string | null = null;
  const pushChildren = (child: unknown, nested: boolean): void => {
    objects.push(child);
    depths.push(nested ? depth + 1 : depth);
    parents.push(parentId);
  };
  const children: unknown[] = [];
  const nestings: boolean[] = [];
  let count = 0;
  const collect = (child: unknown, nested: boolean): void => {
    children[count] = child;
    nestings[count++] = nested;
  };
  while (objects.length > 0) {
    const object = objects.pop();
    depth = depths.pop()!;
    const parent = parents.pop()!;
    const block = asRecord(object);
    if (block === undefined) {
      diagnostics.error('bad-workspace', parent);
      ok = false;
      continue;
    }
    const id = ownString(block, 'id');
    if (ownString(block, 'type') === undefined || id === undefined || id === '') {
      diagnostics.error('bad-workspace', id || parent);
      ok = false;
      continue;
    }
    if (ids.has(id)) {
      diagnostics.error('duplicate-id', id);
      ok = false;
      continue;
    }
    ids.add(id);
    if (depth > MAX_DEPTH) {
      diagnostics.error('too-deep', id, { max: MAX_DEPTH });
      return false;
    }
    // Children go on the stack in reverse, so they are visited in document order.
    parentId = id;
    count = 0;
    forEachChild(block, collect);
    for (let i = count - 1; i >= 0; i--) pushChildren(children[i], nestings[i]!);
  }
  return ok;
}
