import { describe, expect, it } from 'vitest';
import { allowedBlockTypes, checkChallenge, starsFor, surveyBlocks } from '../../../app/core/challenge';
import type { Lesson } from '../../../app/core/lessons/types';
import { findProfile } from '../../../app/core/profiles';
import type { World } from '../../../app/core/simulator/world';
import { makeWorld } from '../simulator/make-world';

const profile = findProfile('arduino-2wd')!;

/** A corridor: the robot starts at x = 20 and must end in a zone from x = 80 to 120 (15 cm/s at 50 %). */
const world: World = makeWorld({
  name: { fr: 'Couloir', en: 'Corridor' },
  size: { width: 200, height: 60 },
  robot: { x: 20, y: 30, heading: 0 },
  zones: [{ type: 'rect', x: 80, y: 10, width: 40, height: 40, name: 'arrivee' }],
});

const lesson: Lesson = {
  id: 'avancer',
  title: { fr: 'Avancer', en: 'Drive' },
  mode: 'solo',
  minutes: 10,
  toolbox: [{ category: 'movement', blocks: ['robot_move', 'robot_turn'] }, 'controls_repeat_ext', 'robokit_forever'],
  starter: 'projects/depart.robokit',
  steps: [{ file: { fr: 'steps/1.fr.md', en: 'steps/1.en.md' } }],
  challenge: {
    world: 'worlds/couloir.json',
    goal: { all: [{ endInZone: 'arrivee' }, { neverTouchWall: true }, { withinSeconds: 10 }] },
    timeLimitSeconds: 12,
    stars: { three: 1, two: 3 },
  },
};

let ids = 0;
const n = (value: number) => ({ shadow: { type: 'math_number', id: `n${ids++}`, fields: { NUM: value } } });
const move = (seconds: number, next?: object): object => ({
  type: 'robot_move',
  id: `move${ids++}`,
  fields: { DIRECTION: 'FORWARD' },
  inputs: { SPEED: n(50), SECONDS: n(seconds) },
  ...(next ? { next: { block: next } } : {}),
});
const program = (first?: object, ...others: object[]) => ({
  blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', x: 0, y: 0, ...(first ? { next: { block: first } } : {}) }, ...others] },
});

describe('checkChallenge', () => {
  it('passes a program that ends in the zone, with stars by block count and the simulated time', async () => {
    const result = await checkChallenge(program(move(5)), lesson, world, profile);
    expect(result).toMatchObject({ passed: true, stars: 3, timeMs: 5000, blockCount: 1, reason: 'finished', diagnostics: [] });
    expect(result.conditions.map((c) => [c.kind, c.passed])).toEqual([
      ['endInZone', true],
      ['neverTouchWall', true],
      ['withinSeconds', true],
    ]);
    const longer = await checkChallenge(program(move(2, move(2, move(1)))), lesson, world, profile);
    expect(longer).toMatchObject({ passed: true, stars: 2, blockCount: 3 });
  });

  it('fails a program that stops short, explaining each condition', async () => {
    const result = await checkChallenge(program(move(1)), lesson, world, profile);
    expect(result).toMatchObject({ passed: false, stars: 0, timeMs: 1000, reason: 'finished' });
    expect(result.conditions.find((c) => c.kind === 'endInZone')!.detail.fr).toMatch(/«\u00a0Arrivée\u00a0»/);
  });

  it('judges what the robot did, not which blocks: a repeat of short moves passes too', async () => {
    const repeat = { type: 'controls_repeat_ext', id: 'rep', inputs: { TIMES: n(5), DO: { block: move(1) } } };
    const result = await checkChallenge(program(repeat), lesson, world, profile);
    expect(result).toMatchObject({ passed: true, blockCount: 2, stars: 2 });
  });

  it('refuses a block outside the lesson’s toolbox, naming it on its block, without running', async () => {
    const beep = { type: 'robot_beep', id: 'the-beep', inputs: { FREQUENCY: n(440), SECONDS: n(0.5) }, next: { block: move(5) } };
    const result = await checkChallenge(program(beep), lesson, world, profile);
    expect(result).toMatchObject({ passed: false, stars: 0, timeMs: 0, reason: null, conditions: [] });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ blockId: 'the-beep', code: 'challenge-block-not-allowed', severity: 'error' }),
    ]);
    expect(result.diagnostics[0]!.message.fr).toContain('«\u00a0robot_beep\u00a0»');
  });

  it('checks blocks in stacks that do not run, too (the editor would not offer them)', async () => {
    const stray = { type: 'robot_led', id: 'stray', x: 300, y: 0, fields: { STATE: 'ON' } };
    const result = await checkChallenge(program(move(5), stray), lesson, world, profile);
    expect(result.passed).toBe(false);
    expect(result.diagnostics.map((d) => d.blockId)).toContain('stray');
  });

  it('reports compile errors as diagnostics, without running', async () => {
    const result = await checkChallenge({ blocks: { languageVersion: 0, blocks: [] } }, lesson, world, profile);
    expect(result).toMatchObject({ passed: false, reason: null });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['no-start']);
  });

  it('fails a run that stops on a runtime error, with the error on its block', async () => {
    const divLesson: Lesson = { ...lesson, toolbox: [...lesson.toolbox, 'robokit_say', 'math_arithmetic'] };
    const say = {
      type: 'robokit_say',
      id: 'say',
      inputs: { TEXT: { block: { type: 'math_arithmetic', id: 'divide', fields: { OP: 'DIVIDE' }, inputs: { A: n(1), B: n(0) } } } },
    };
    const result = await checkChallenge(program(move(5, say)), divLesson, world, profile);
    expect(result).toMatchObject({ passed: false, stars: 0, reason: 'error' });
    expect(result.conditions.every((c) => c.passed)).toBe(true);
    expect(result.diagnostics).toEqual([expect.objectContaining({ blockId: 'divide', severity: 'error' })]);
  });

  it('stops a program that never ends at the challenge’s time limit', async () => {
    const forever = { type: 'robokit_forever', id: 'forever', inputs: { DO: { block: move(1) } } };
    const result = await checkChallenge(program(forever), lesson, world, profile);
    expect(result).toMatchObject({ reason: 'timeout', timeMs: 12_000, passed: false });
  });

  it('says so when the lesson has no challenge', async () => {
    const { challenge: _dropped, ...free } = lesson;
    const result = await checkChallenge(program(move(5)), free, world, profile);
    expect(result.passed).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['challenge-none']);
  });

  it('is deterministic, random blocks included: same program, world and seed ⇒ same result', async () => {
    const randLesson: Lesson = { ...lesson, toolbox: [...lesson.toolbox, 'math_random_int'] };
    const random = { type: 'math_random_int', id: 'rnd', inputs: { FROM: n(3), TO: n(8) } };
    const ws = program({ type: 'robot_move', id: 'mv', fields: { DIRECTION: 'FORWARD' }, inputs: { SPEED: n(50), SECONDS: { ...n(1), block: random } } });
    const runs = await Promise.all([1, 1, 2, 2].map((seed) => checkChallenge(ws, randLesson, world, profile, { seed })));
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[3]).toEqual(runs[2]);
    const times = new Set<number>();
    for (let seed = 1; seed <= 12; seed++) times.add((await checkChallenge(ws, randLesson, world, profile, { seed })).timeMs);
    // The seed does reach the program: different seeds drive for different times.
    expect(times.size).toBeGreaterThan(1);
  });
});

describe('lesson blocks', () => {
  it('allows the start block, and a whole dynamic category once one of its blocks is allowed', () => {
    const allowed = allowedBlockTypes(['robot_move', { category: 'variables', blocks: ['variables_get'] }]);
    expect([...allowed].sort()).toEqual(['math_change', 'robokit_start', 'robot_move', 'variables_get', 'variables_set'].sort());
    expect(allowedBlockTypes(['procedures_callnoreturn']).has('procedures_defnoreturn')).toBe(true);
  });

  it('neither checks nor counts shadows, and counts only what runs', () => {
    const ws = program(move(1, move(2)), { type: 'robot_move', id: 'loose', x: 300, y: 0, inputs: { SPEED: n(1) } });
    const survey = surveyBlocks(ws, allowedBlockTypes(['robot_move']));
    expect(survey).toEqual({ notAllowed: [], blockCount: 2, truncated: false });
  });

  it('walks a 100,000-deep chain without overflowing, and stops at its cap', () => {
    let chain: object | undefined;
    for (let i = 0; i < 100_000; i++) chain = { type: 'robot_stop', id: `s${i}`, ...(chain ? { next: { block: chain } } : {}) };
    const survey = surveyBlocks(program(chain), allowedBlockTypes(['robot_stop']));
    expect(survey.truncated).toBe(true);
    expect(survey.blockCount).toBe(49_999);
  });

  it('survives garbage', () => {
    for (const junk of [null, 42, 'x', [], { blocks: 3 }, { blocks: { blocks: [null, 1, { type: 7 }] } }]) {
      expect(() => surveyBlocks(junk, new Set())).not.toThrow();
    }
  });
});

describe('starsFor', () => {
  it('gives 0 to a fail, 3 without a star rule, else by block count', () => {
    expect(starsFor(false, 1, { stars: { three: 2, two: 4 } })).toBe(0);
    expect(starsFor(true, 99, {})).toBe(3);
    expect([2, 3, 4, 5].map((count) => starsFor(true, count, { stars: { three: 2, two: 4 } }))).toEqual([3, 2, 2, 1]);
  });
});
