import { describe, expect, it } from 'vitest';
import {
  ambient,
  arith,
  bool,
  call,
  change,
  compare,
  distance,
  get,
  ifElse,
  line,
  logic,
  not,
  num,
  procedure,
  repeat,
  say,
  set,
  text,
  whileLoop,
} from './ir';
import { driveVirtual } from '../../../app/core/runtime/drive-virtual';
import { kinds, run, says, setup } from './harness';
import { numberText } from '../../../app/core/i18n/numbers';

describe('control flow', () => {
  it('repeat runs its body n times; 2.5 counts as 3 like Blockly; 0 and -1 run nothing', async () => {
    const { events } = await run([
      repeat('r1', 3, [say('a', text('a'))]),
      repeat('r2', 2.5, [say('b', text('b'))]),
      repeat('r3', 0, [say('c', text('c'))]),
      repeat('r4', -1, [say('d', text('d'))]),
    ]);
    expect(says(events)).toEqual(['a', 'a', 'a', 'b', 'b', 'b']);
    expect(kinds(events).slice(0, 3)).toEqual(['block r1', 'block a', 'say a']);
  });

  it('while loops while true, until loops until true', async () => {
    const { events } = await run([
      set('s1', 'i', num(0)),
      whileLoop('w', false, compare('LT', get('i'), num(3)), [say('a', get('i')), change('c', 'i', num(1))]),
      whileLoop('u', true, compare('EQ', get('i'), num(0)), [say('b', get('i')), change('d', 'i', num(-1))]),
    ]);
    expect(says(events)).toEqual(['0', '1', '2', '3', '2', '1']);
  });

  it('if / else if / else takes the first true branch', async () => {
    const pick = (n: number) =>
      ifElse(
        `if${n}`,
        [
          [compare('LT', num(n), num(0)), [say('neg', text('negative'))]],
          [compare('EQ', num(n), num(0)), [say('zero', text('zero'))]],
        ],
        [say('pos', text('positive'))],
      );
    const { events } = await run([pick(-2), pick(0), pick(5), ifElse('no-else', [[bool(false), [say('x', text('x'))]]])]);
    expect(says(events)).toEqual(['negative', 'zero', 'positive']);
    expect(kinds(events)).toContain('block no-else');
  });
});

describe('variables', () => {
  it('unset variables read as 0; set and change', async () => {
    const { events } = await run([say('a', get('n')), set('s', 'n', num(5)), change('c', 'n', num(2.5)), say('b', get('n'))]);
    expect(says(events)).toEqual(['0', '7.5']);
  });

  it('math_change on text treats it as 0', async () => {
    const { events } = await run([set('s', 'n', text('hello')), change('c', 'n', num(3)), say('b', get('n'))]);
    expect(says(events)).toEqual(['3']);
  });
});

describe('procedures', () => {
  it('parameters are locals that shadow globals; globals are shared', async () => {
    const show = procedure('show', ['x'], [say('in', get('x')), set('sx', 'x', num(99)), set('sg', 'g', get('x'))]);
    const { events } = await run(
      [set('s1', 'x', num(1)), call('c', 'show', [num(42)]), say('out', get('x')), say('g', get('g'))],
      { procedures: [show] },
    );
    expect(says(events)).toEqual(['42', '1', '99']);
    expect(kinds(events).slice(0, 3)).toEqual(['block s1', 'block c', 'block in']);
  });

  it('a missing argument reads as 0; a procedure may call another', async () => {
    const inner = procedure('inner', ['a', 'b'], [say('i', arith('ADD', get('a'), get('b')))]);
    const outer = procedure('outer', ['a'], [call('ci', 'inner', [arith('MULTIPLY', get('a'), num(10))])]);
    const { events } = await run([call('co', 'outer', [num(3)])], { procedures: [inner, outer] });
    expect(says(events)).toEqual(['30']);
  });

  it('recursion within the limit works, on the frame stack (no JS stack)', async () => {
    const down = procedure('down', ['n'], [
      ifElse('if', [[compare('GT', get('n'), num(0)), [change('c', 'count', num(1)), call('again', 'down', [arith('MINUS', get('n'), num(1))])]]]),
    ]);
    const { events, reason } = await run([call('c0', 'down', [num(4999)]), say('s', get('count'))], {
      procedures: [down],
      options: { maxCallDepth: 5000, stepBudget: 100_000 },
    });
    expect(reason).toBe('finished');
    expect(says(events)).toEqual(['4999']);
  });
});

describe('expressions', () => {
  it('arithmetic, and say prints numbers plainly with at most 2 decimals', async () => {
    const { events } = await run([
      say('a', arith('DIVIDE', num(1), num(3))),
      say('b', arith('ADD', num(0.1), num(0.2))),
      say('c', arith('POWER', num(2), num(10))),
      say('d', arith('MINUS', num(3), num(3.0000001))),
      say('e', arith('DIVIDE', num(10), num(4))),
      say('f', text('Bonjour !')),
      say('g', bool(true)),
    ]);
    expect(says(events)).toEqual(['0.33', '0.3', '1024', '0', '2.5', 'Bonjour !', 'true']);
    // A number said carries the number: each screen writes it in its language (« 2,5 » in French).
    const said = events.flatMap((e) => (e.type === 'say' ? [e] : []));
    expect(said.map((e) => e.number)).toEqual([0.33, 0.3, 1024, 0, 2.5, undefined, undefined]);
    expect(said.map((e) => (e.number === undefined ? e.text : numberText(e.number, 'fr')))).toEqual(['0,33', '0,3', '1024', '0', '2,5', 'Bonjour !', 'true']);
  });

  it('compare uses numbers when both are numeric, else text', async () => {
    const { events } = await run([
      say('a', compare('GT', text('10'), text('9'))),
      say('b', compare('EQ', num(3), text('3'))),
      say('c', compare('LT', text('abc'), text('abd'))),
      say('d', compare('GT', text('10'), text('9a'))),
      say('e', compare('NEQ', num(1), num(2))),
      say('f', compare('LTE', num(2), num(2))),
      say('g', compare('GTE', num(1), num(2))),
    ]);
    expect(says(events)).toEqual(['true', 'true', 'true', 'false', 'true', 'true', 'false']);
  });

  it('and/or/not, with short-circuit (no sensor read when not needed)', async () => {
    const { events, robot } = await run([
      say('a', logic('AND', bool(false), compare('LT', distance(), num(10)))),
      say('b', logic('OR', bool(true), compare('LT', distance(), num(10)))),
      say('c', not(logic('AND', bool(true), bool(false)))),
    ]);
    expect(says(events)).toEqual(['false', 'true', 'true']);
    expect(robot.calls.filter((c) => c.op === 'readDistance')).toEqual([]);
  });

  it('reads sensors', async () => {
    const h = setup([say('d', distance()), say('l', line('left')), say('r', line('right')), say('a', ambient())]);
    h.robot.setDistance(23.456);
    h.robot.setLine('left', true);
    h.robot.setAmbientLight(80);
    await driveVirtual(h.runtime, h.world);
    expect(says(h.events)).toEqual(['23.46', 'true', 'false', '80']);
  });
});
