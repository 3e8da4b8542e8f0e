/**
 * A first, iterative walk over every block object before compiling: it checks each is a block with a
 * string type and id, that ids are unique (which also catches shared or cyclic objects: a block met twice repeats its id), and that
 * nesting stays under MAX_DEPTH. After it passes, the recursive compiler cannot loop or overflow.
 */
import type { DiagnosticList } from './diagnostics';
import { asRecord, blockId, blockType, forEachChild } from './raw';

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
  const pushChild = (child: unknown, nested: boolean): void => {
    objects.push(child);
    depths.push(nested ? depth + 1 : depth);
    parents.push(parentId);
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
    const id = blockId(block);
    if (blockType(block) === undefined || id === undefined || id === '') {
      diagnostics.error('bad-workspace', id || parent);
      ok = false;
      continue;
    }
    const known = ids.size;
    ids.add(id);
    if (ids.size === known) {
      diagnostics.error('duplicate-id', id);
      ok = false;
      continue;
    }
    if (depth > MAX_DEPTH) {
      diagnostics.error('too-deep', id, { max: MAX_DEPTH });
      return false;
    }
    // Children are pushed in document order, then that run of the stacks is reversed, so they are
    // popped (visited) in document order.
    parentId = id;
    const from = objects.length;
    forEachChild(block, pushChild);
    reverseFrom(objects, from);
    reverseFrom(depths, from);
    reverseFrom(parents, from);
  }
  return ok;
}

function reverseFrom<T>(items: T[], from: number): void {
  for (let i = from, j = items.length - 1; i < j; i++, j--) {
    const item = items[i]!;
    items[i] = items[j]!;
    items[j] = item;
  }
}
