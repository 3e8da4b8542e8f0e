/**
 * One nesting limit for every JSON document RoboKit takes in or sends out — a project file, a pack's
 * starter, a request over Electron IPC or the `robokit serve` WebSocket, a reply, an event.
 *
 * Why 1,000: Blockly nests a block sequence (`next` → `block`), two levels a block, so a straight
 * chain of ~490 blocks under one hat reaches it (the 2,000-block benchmark workspace is 486 deep).
 * Past it the serialisers themselves give way, measured on Node 20 with the default stack:
 * structured clone (Electron IPC) overflows at ~1,930 levels, `JSON.stringify` at ~4,500 — a
 * 3,000-block chain killed the server before this limit. Every path checks depth iteratively
 * (no recursion) before parsing or serialising, so nothing can overflow.
 */
export const MAX_NESTING = 1_000;

/** Request params wrap the document in one object (`{project: …}`): one level more, not a project deeper. */
export const PARAMS_NESTING = MAX_NESTING + 1;

/** A whole message: the document plus its envelope (`{id, result: {project: …}}`, an event). */
export const MESSAGE_NESTING = MAX_NESTING + 8;

/**
 * Is `value` nested deeper than `limit` levels of objects and arrays (`{}` is one level)? Iterative,
 * so any depth is measured without touching the stack; stops at the first level past the limit.
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<{ readonly value: unknown; readonly depth: number }> = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > limit) return true;
    for (const item of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof item === 'object' && item !== null) stack.push({ value: item, depth: depth + 1 });
    }
  }
  return false;
}
