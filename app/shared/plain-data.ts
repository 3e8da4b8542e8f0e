/**
 * Is this value plain JSON data of bounded size? Checked iteratively (a 100,000-deep value cannot
 * overflow the stack) before schema validation: the IPC layer can receive anything structured
 * clone carries (Maps, Dates, typed arrays), and the schema's `type: 'object'` would let those by.
 */
import { PROJECT_LIMITS } from '../core/project/project';

export interface PlainDataLimits {
  readonly maxDepth: number;
  readonly maxNodes: number;
}

/** As deep as a project file may be (a long block sequence nests deeply), plus the message around it. */
export const PLAIN_DATA_LIMITS: PlainDataLimits = { maxDepth: PROJECT_LIMITS.maxDepth + 16, maxNodes: 2_000_000 };

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
