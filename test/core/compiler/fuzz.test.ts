/**
 * Fuzz-ish: random mutations of the golden workspaces (deleted keys, garbage values, shared and
 * cyclic objects, duplicate ids, wrong types) never make the compiler throw, and its result keeps
 * its invariants. Seeded, so a failure can be replayed.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../app/core/blocks';
import { compile } from '../../../app/core/compiler';
import { isMessageCode } from '../../../app/core/i18n/messages';
import { BUILT_IN_PROFILES } from '../../../app/core/profiles';
import { createRandom } from '../../../app/core/random';
import { loadGoldens } from './golden-files';

type Node = Record<string, unknown> | unknown[];

/** Every object and array in the tree, found without recursion and without looping on cycles. */
function nodes(root: unknown): Node[] {
  const out: Node[] = [];
  const seen = new Set<unknown>();
  const todo = [root];
  for (let x = todo.pop(); x !== undefined || todo.length > 0; x = todo.pop()) {
    if (typeof x !== 'object' || x === null || seen.has(x)) continue;
    seen.add(x);
    out.push(x as Node);
    todo.push(...Object.values(x));
  }
  return out;
}

function mutate(root: Node, random: () => number): void {
  const all = nodes(root);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const target = pick(all) as Record<string, unknown>;
  const keys = Object.keys(target);
  const key = keys.length > 0 && random() < 0.8 ? pick(keys) : pick(['type', 'id', 'next', 'inputs', 'fields', 'extraState', 'x']);
  const garbage: unknown[] = [
    null, undefined, 0, -1, 1e308, Number.NaN, '', 'FORWARD', '__proto__', true, [], {}, [null], { block: null },
    { block: {} }, pick(all), root, pick(CATALOG).type, { elseIfCount: 1e9, hasElse: 'yes' },
    { name: 'x', params: [1, null, { name: '' }] }, ['MANUALLY_DISABLED'], { id: 'start' },
  ];
  switch (Math.floor(random() * 4)) {
    case 0:
      delete target[key];
      break;
    case 1:
      target[key] = pick(garbage);
      break;
    case 2:
      if ('id' in target) target['id'] = (pick(all) as Record<string, unknown>)['id'];
      break;
    default:
      target['disabledReasons'] = random() < 0.5 ? ['MANUALLY_DISABLED'] : 'x';
  }
}

const bases = loadGoldens()
  .map(({ golden }) => golden.workspace)
  .filter((w) => typeof w === 'object' && w !== null);
const profiles = Object.values(BUILT_IN_PROFILES);

describe('fuzzing the compiler', () => {
  it('never throws on 2,000 mutated workspaces, and keeps its invariants', () => {
    const random = createRandom(20_240_601);
    const codes = new Set<string>();
    for (let run = 0; run < 2000; run++) {
      const workspace = structuredClone(bases[run % bases.length]) as Node;
      const mutations = 1 + Math.floor(random() * 4);
      for (let m = 0; m < mutations; m++) mutate(workspace, random);
      const profile = profiles[run % profiles.length]!;
      let result: ReturnType<typeof compile>;
      try {
        result = compile(workspace, { profile });
      } catch (error) {
        throw new Error(`run ${run} threw`, { cause: error });
      }
      const hasError = result.diagnostics.some((d) => d.severity === 'error');
      if (result.program === null !== hasError) expect.fail(`run ${run}: program and errors disagree`);
      for (const d of result.diagnostics) codes.add(d.code);
      JSON.stringify(result.program);
    }
    expect([...codes].filter((c) => !isMessageCode(c))).toEqual([]);
    // The mutations reach deep enough to trip most checks (not a fixed list: seeds may change).
    expect(codes.size, [...codes].join(' ')).toBeGreaterThanOrEqual(10);
  });
});
