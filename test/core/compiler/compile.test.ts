/** Compiler behaviour beyond the golden files: depth limits, sizes, messages and odd inputs. */
import { describe, expect, it } from 'vitest';
import { compile, MAX_DEPTH, MAX_DIAGNOSTICS } from '../../../app/core/compiler';
import { BUILT_IN_PROFILES } from '../../../app/core/profiles';

const sim = { profile: BUILT_IN_PROFILES['sim']! };
const servoBot = { profile: BUILT_IN_PROFILES['servo-bot']! };

type Json = Record<string, unknown>;
const workspace = (...blocks: Json[]): Json => ({ blocks: { languageVersion: 0, blocks } });
const num = (id: string, value: number): Json => ({ shadow: { type: 'math_number', id, fields: { NUM: value } } });

/** `depth` nested blocks, built without recursion. */
function nestedNot(depth: number): Json {
  let inner: Json = { type: 'logic_boolean', id: 'leaf', fields: { BOOL: 'TRUE' } };
  for (let i = 0; i < depth; i++) inner = { type: 'logic_negate', id: `not${i}`, inputs: { BOOL: { block: inner } } };
  return inner;
}

function nestedForever(depth: number): Json {
  let inner: Json = { type: 'robot_stop', id: 'leaf' };
  for (let i = 0; i < depth; i++) inner = { type: 'robokit_forever', id: `f${i}`, inputs: { DO: { block: inner } } };
  return inner;
}

describe('nesting limits', () => {
  it('reports too-deep for 100,000 nested values without overflowing the stack', () => {
    const ws = workspace({ type: 'robokit_start', id: 'start', next: { block: { type: 'robokit_wait_until', id: 'wu', inputs: { CONDITION: { block: nestedNot(100_000) } } } } });
    const result = compile(ws, sim);
    expect(result.program).toBeNull();
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['too-deep', 'error']]);
    expect(result.diagnostics[0]!.message.fr).toContain(String(MAX_DEPTH));
  });

  it('reports too-deep for 100,000 nested statements, even in a loose stack', () => {
    const ws = workspace({ type: 'robokit_start', id: 'start' }, nestedForever(100_000));
    expect(compile(ws, sim).diagnostics.map((d) => d.code)).toEqual(['too-deep']);
  });

  it('compiles a sequence of 100,000 blocks: sequences are not nesting', () => {
    let next: Json | undefined;
    for (let i = 0; i < 100_000; i++) next = { type: 'robot_stop', id: `s${i}`, ...(next ? { next: { block: next } } : {}) };
    const result = compile(workspace({ type: 'robokit_start', id: 'start', next: { block: next } }), sim);
    expect(result.diagnostics).toEqual([]);
    expect(result.program!.body).toHaveLength(100_000);
  });
});

describe('diagnostics', () => {
  it('names the missing robot part in each language', () => {
    const ws = workspace({ type: 'robokit_start', id: 'start', next: { block: { type: 'robot_pen', id: 'pen', fields: { STATE: 'DOWN' } } } });
    const [d] = compile(ws, servoBot).diagnostics;
    expect(d).toEqual({
      blockId: 'pen',
      code: 'not-on-profile',
      severity: 'error',
      message: {
        fr: 'Ce robot ne sait pas faire ça (il lui manque\u00a0: crayon).',
        en: 'This robot cannot do that (it has no pen).',
      },
    });
  });

  it('names the empty input, and the parameter for a call', () => {
    const ws = workspace(
      { type: 'robokit_start', id: 'start', next: { block: { type: 'procedures_callnoreturn', id: 'call', extraState: { name: 'f', params: ['pas'] } } } },
      { type: 'procedures_defnoreturn', id: 'def', fields: { NAME: 'f' }, extraState: { params: [{ name: 'pas', id: 'p' }] } },
    );
    expect(compile(ws, sim).diagnostics.map((d) => d.message.en)).toEqual(['The block "f" needs "pas". Drop a number or a block into the gap.']);
    expect(compile(ws, sim).diagnostics.map((d) => d.message.fr)).toEqual(['Il manque «\u00a0pas\u00a0» dans le bloc «\u00a0f\u00a0». Glisse un nombre ou un bloc dans le trou.']);
  });

  it('keeps warnings with a program and errors without one', () => {
    const loose = { type: 'robot_stop', id: 'loose' };
    const ok = compile(workspace({ type: 'robokit_start', id: 'start' }, loose), sim);
    expect(ok.program).not.toBeNull();
    expect(ok.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });

  it('stops listing after MAX_DIAGNOSTICS, still refusing the program', () => {
    const blocks: Json[] = [{ type: 'robokit_start', id: 'start' }];
    for (let i = 0; i < 500; i++) blocks.push({ type: 'robokit_start', id: `extra${i}` });
    const result = compile(workspace(...blocks), sim);
    expect(result.diagnostics).toHaveLength(MAX_DIAGNOSTICS);
    expect(result.program).toBeNull();
  });

  it('truncates a huge unknown type name in the message', () => {
    const ws = workspace({ type: 'robokit_start', id: 'start', next: { block: { type: 'x'.repeat(10_000), id: 'u' } } });
    expect(compile(ws, sim).diagnostics[0]!.message.en.length).toBeLessThan(200);
  });
});

describe('odd inputs never throw', () => {
  const cyclic: Json = { type: 'robot_stop', id: 'loop' };
  cyclic['next'] = { block: cyclic };
  const selfInput: Json = { type: 'logic_negate', id: 'self' };
  selfInput['inputs'] = { BOOL: { block: selfInput } };
  const cases: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a list', []],
    ['blocks: null', { blocks: null }],
    ['a cyclic next', workspace({ type: 'robokit_start', id: 'start', next: { block: cyclic } })],
    ['a block inside itself', workspace({ type: 'robokit_start', id: 'start', next: { block: { type: 'robokit_wait_until', id: 'w', inputs: { CONDITION: { block: selfInput } } } } })],
    ['__proto__ keys', JSON.parse('{"blocks":{"blocks":[{"type":"robokit_start","id":"s","next":{"block":{"type":"robot_move","id":"m","__proto__":{"x":1},"fields":{"__proto__":"FORWARD"},"inputs":{"__proto__":{"block":{}}}}}}]}}')],
    ['a procedure named __proto__', workspace({ type: 'robokit_start', id: 's' }, { type: 'procedures_defnoreturn', id: 'd', fields: { NAME: '__proto__' } })],
    ['variables garbage', { ...workspace({ type: 'robokit_start', id: 's' }), variables: [null, 3, { id: 5 }, { id: 'a', name: {} }] }],
  ];

  it.each(cases)('%s', (_name, input) => {
    const result = compile(input, sim);
    expect(Array.isArray(result.diagnostics)).toBe(true);
    expect(result.program === null).toBe(result.diagnostics.some((d) => d.severity === 'error'));
  });

  it('finds the cycle as a duplicate id', () => {
    expect(compile(cases[5]![1], sim).diagnostics.map((d) => [d.code, d.blockId])).toEqual([['duplicate-id', 'loop']]);
  });

  it('keeps a procedure named __proto__ as an own property', () => {
    const program = compile(cases[8]![1], sim).program!;
    expect(Object.keys(program.procedures)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(program.procedures)).toBe(Object.prototype);
  });

  it('uses the profile id', () => {
    expect(compile(workspace({ type: 'robokit_start', id: 's' }), servoBot).program?.profile).toBe('servo-bot');
  });

  it('reads number shadows when no block covers them', () => {
    const ws = workspace({ type: 'robokit_start', id: 's', next: { block: { type: 'robokit_wait', id: 'w', inputs: { SECONDS: num('n', 3) } } } });
    expect(compile(ws, sim).program?.body).toEqual([{ kind: 'wait', blockId: 'w', seconds: { kind: 'number', blockId: 'n', value: 3 } }]);
  });
});
