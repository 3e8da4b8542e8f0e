/**
 * A first, iterative walk over every block object before compiling: it checks each is a block with a
 * string type and id, that ids are unique (which also catches shared or cyclic objects), and that
 * nesting stays under MAX_DEPTH. After it passes, the recursive compiler cannot loop or overflow.
 */
import type { DiagnosticList } from './diagnostics';
import { asRecord, childObjects, ownString } from './raw';

/** Blocks nested inside blocks, levels deep; a sequence (next) stays on the same level. */
export const MAX_DEPTH = 200;

interface Pending {
  readonly object: unknown;
  readonly depth: number;
  readonly parentId: string | null;
}

/** Returns false (with diagnostics) when the workspace cannot be compiled safely. */
export function precheck(topBlocks: readonly unknown[], diagnostics: DiagnosticList): boolean {
  const seen = new Set<object>();
  const ids = new Set<string>();
  const pending: Pending[] = topBlocks.map((object) => ({ object, depth: 1, parentId: null })).reverse();
  let ok = true;
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const block = asRecord(item.object);
    if (block === undefined) {
      diagnostics.error('bad-workspace', item.parentId);
      ok = false;
      continue;
    }
    if (seen.has(block)) {
      diagnostics.error('duplicate-id', ownString(block, 'id') ?? item.parentId);
      ok = false;
      continue;
    }
    seen.add(block);
    const id = ownString(block, 'id');
    if (ownString(block, 'type') === undefined || id === undefined || id === '') {
      diagnostics.error('bad-workspace', id || item.parentId);
      ok = false;
      continue;
    }
    if (ids.has(id)) {
      diagnostics.error('duplicate-id', id);
      ok = false;
      continue;
    }
    ids.add(id);
    if (item.depth > MAX_DEPTH) {
      diagnostics.error('too-deep', id, { max: MAX_DEPTH });
      return false;
    }
    const children = childObjects(block);
    for (let i = children.length - 1; i >= 0; i--) {
      const { child, nested } = children[i]!;
      pending.push({ object: child, depth: nested ? item.depth + 1 : item.depth, parentId: id });
    }
  }
  return ok;
}
