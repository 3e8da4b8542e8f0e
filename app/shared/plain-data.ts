/**
 * Is this value plain JSON data of bounded size? Checked iteratively (a 100,000-deep value cannot
 * overflow the stack) before schema validation: the IPC layer can receive anything structured
 * clone carries (Maps, Dates, typed arrays), and the schema's `type: 'object'` would let those by.
 */
import { MESSAGE_NESTING, nestedDeeperThan, PARAMS_NESTING } from '../core/nesting';

export interface PlainDataLimits {
  readonly maxDepth: number;
  readonly maxNodes: number;
}

/** Request params: a project as deep as a project file may be, inside the params object. */
export const PLAIN_DATA_LIMITS: PlainDataLimits = { maxDepth: PARAMS_NESTING, maxNodes: 2_000_000 };

/**
 * JSON text for an outgoing message, or undefined when it nests deeper than a message may (or
 * cannot be serialised at all): the depth is checked iteratively first, so `JSON.stringify` never
 * meets a value deep enough to overflow the stack.
 */
export function messageJson(value: unknown): string | undefined {
  if (nestedDeeperThan(value, MESSAGE_NESTING)) return undefined;
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** Can this go out by structured clone (Electron IPC) without overflowing its stack? */
export function fitsMessage(value: unknown): boolean {
  return !nestedDeeperThan(value, MESSAGE_NESTING);
}

export type PlainDataProblem = 'not-plain' | 'too-deep' | 'too-large';

export function checkPlainData(value: unknown, limits: PlainDataLimits = PLAIN_DATA_LIMITS): PlainDataProblem | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (++nodes > limits.maxNodes) return 'too-large';
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return 'not-plain';
      continue;
    }
    if (typeof v !== 'object') return 'not-plain';
    if (depth >= limits.maxDepth) return 'too-deep';
    if (Array.isArray(v)) {
      for (const item of v) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return 'not-plain';
    for (const item of Object.values(v)) stack.push({ value: item, depth: depth + 1 });
  }
  return null;
}
