import { describe, expect, it } from 'vitest';
import { evaluateGoal } from '../../../app/core/challenge';
import { goalTimeMs } from '../../../app/core/challenge/verdict';
import type { Goal } from '../../../app/core/lessons/types';
import type { World } from '../../../app/core/simulator/world';
import { enter, leave, makeTrace, makeWorld } from './traces';

const world = makeWorld();
const judge = (goal: Goal, trace = makeTrace()) => evaluateGoal(goal, trace, world);
const only = (goal: Goal, trace = makeTrace()) => {
  const v = judge(goal, trace);
  expect(v.conditions).toHaveLength(1);
  return v.conditions[0]!;
};

describe('reachZone', () => {
  it('holds from the first entry, even if the robot leaves again', () => {
    const c = only({ reachZone: 'arrivee' }, makeTrace({ zoneEvents: [enter('arrivee', 4200), leave('arrivee', 5000)] }));
    expect(c).toMatchObject({ kind: 'reachZone', passed: true, doneAtMs: 4200 });
    expect(c.detail.fr).toContain('4,2 s');
    expect(c.detail.en).toContain('4.2 s');
  });

  it('fails kindly when the zone was never entered (another zone does not count)', () => {
    const c = only({ reachZone: 'arrivee' }, makeTrace({ zoneEvents: [enter('a', 0)] }));
    expect(c.passed).toBe(false);
    expect(c.detail.fr).toMatch(/Essaie/);
    expect(c.detail.en).toMatch(/Try/);
  });
});

describe('endInZone', () => {
  it('holds when the last event of the zone is an entry, done at that entry', () => {
    const trace = makeTrace({ zoneEvents: [enter('arrivee', 1000), leave('arrivee', 2000), enter('arrivee', 3000)] });
    expect(only({ endInZone: 'arrivee' }, trace)).toMatchObject({ passed: true, doneAtMs: 3000 });
  });

  it('fails when the robot drove through and out, saying so', () => {
    const c = only({ endInZone: 'arrivee' }, makeTrace({ zoneEvents: [enter('arrivee', 1000), leave('arrivee', 2000)] }));
    expect(c.passed).toBe(false);
    expect(c.detail.en).toMatch(/then left/);
  });

  it('fails when the robot never got there', () => {
    const c = only({ endInZone: 'arrivee' }, makeTrace());
    expect(c.passed).toBe(false);
    expect(c.detail.en).toMatch(/never got there/);
  });
});

describe('avoidZone', () => {
  it('holds when the zone was never entered, and is not timed', () => {
    expect(only({ avoidZone: 'lave' }, makeTrace({ zoneEvents: [enter('a', 0)] }))).toMatchObject({ passed: true, doneAtMs: null });
  });

  it('fails on any entry, naming when', () => {
    const c = only({ avoidZone: 'lave' }, makeTrace({ zoneEvents: [enter('lave', 2500), leave('lave', 2600)] }));
    expect(c.passed).toBe(false);
    expect(c.detail.fr).toContain('2,5 s');
  });
});

describe('visitZonesInOrder', () => {
  it('holds when first entries are in order, done at the last zone', () => {
    const trace = makeTrace({ zoneEvents: [enter('a', 100), leave('a', 200), enter('b', 900), enter('c', 1500)] });
    expect(only({ visitZonesInOrder: ['a', 'b', 'c'] }, trace)).toMatchObject({ passed: true, doneAtMs: 1500 });
  });

  it('counts zones entered at the same instant as in order', () => {
    const trace = makeTrace({ zoneEvents: [enter('b', 100), enter('a', 100)] });
    expect(only({ visitZonesInOrder: ['a', 'b'] }, trace).passed).toBe(true);
  });

  it('fails when a zone is first entered too early, naming both zones', () => {
    const trace = makeTrace({ zoneEvents: [enter('b', 100), enter('a', 500), enter('b', 900), enter('c', 1500)] });
    const c = only({ visitZonesInOrder: ['a', 'b', 'c'] }, trace);
    expect(c.passed).toBe(false);
    expect(c.detail.en).toBe('The robot went into "B" before "A". Try changing the order of your path.');
  });

  it('fails when a zone is missing', () => {
    const c = only({ visitZonesInOrder: ['a', 'b', 'c'] }, makeTrace({ zoneEvents: [enter('a', 100), enter('b', 200)] }));
    expect(c.passed).toBe(false);
    expect(c.detail.fr).toContain('«\u00a0C\u00a0»');
  });

  it('asks for a new entry when a zone is named twice (there and back)', () => {
    const goal: Goal = { visitZonesInOrder: ['a', 'b', 'a'] };
    expect(only(goal, makeTrace({ zoneEvents: [enter('a', 0), leave('a', 10), enter('b', 50)] })).passed).toBe(false);
    expect(only(goal, makeTrace({ zoneEvents: [enter('a', 0), leave('a', 10), enter('b', 50), enter('a', 90)] }))).toMatchObject({
      passed: true,
      doneAtMs: 90,
    });
  });
});

describe('zone names in sentences', () => {
  const labelled: World = {
    ...world,
    zones: world.zones.map((z) => (z.name === 'arrivee' ? { ...z, label: { fr: 'Arrivée', en: 'Finish' } } : z.name === 'a' ? { ...z, label: { fr: 'Coin 1', en: 'Corner 1' } } : z)),
  };
  const say = (goal: Goal, trace: ReturnType<typeof makeTrace>) => evaluateGoal(goal, trace, labelled).conditions[0]!.detail;

  it('quote a labelled zone by its label in each language, never by its id', () => {
    const miss = say({ endInZone: 'arrivee' }, makeTrace());
    expect(miss.fr).toContain('«\u00a0Arrivée\u00a0»');
    expect(miss.en).toContain('"Finish"');
    expect(`${miss.fr} ${miss.en}`).not.toContain('arrivee');
    const order = say({ visitZonesInOrder: ['a', 'arrivee'] }, makeTrace({ zoneEvents: [enter('arrivee', 100), enter('a', 500)] }));
    expect(order.fr).toContain('«\u00a0Arrivée\u00a0» avant «\u00a0Coin 1\u00a0»');
    expect(order.en).toContain('"Finish" before "Corner 1"');
    const ok = say({ visitZonesInOrder: ['a', 'arrivee'] }, makeTrace({ zoneEvents: [enter('a', 100), enter('arrivee', 500)] }));
    expect(ok.fr).toMatch(/«\s*Coin 1\s*», «\s*Arrivée\s*»/);
    expect(ok.en).toContain('"Corner 1", "Finish"');
  });

  it('quote a zone without a label by a readable name, never the raw id', () => {
    expect(say({ reachZone: 'b' }, makeTrace()).fr).toContain('«\u00a0B\u00a0»');
    const ids: World = { ...world, zones: [{ ...world.zones[0]!, name: 'coin-1' }, { ...world.zones[0]!, name: 'arrivee' }] };
    const fr = (zone: string) => evaluateGoal({ reachZone: zone }, makeTrace(), ids).conditions[0]!.detail;
    expect(fr('coin-1').fr).toContain('«\u00a0Coin 1\u00a0»');
    expect(fr('arrivee').fr).toContain('«\u00a0Arrivée\u00a0»');
    expect(fr('arrivee').en).toContain('"Finish"');
  });
});

describe('neverTouchWall', () => {
  it('holds without collisions', () => {
    expect(only({ neverTouchWall: true }).passed).toBe(true);
  });

  it('fails with the count and the first time', () => {
    const c = only({ neverTouchWall: true }, makeTrace({ collisions: [{ t: 1400, x: 1, y: 2 }, { t: 3000, x: 1, y: 2 }] }));
    expect(c.passed).toBe(false);
    expect(c.detail.fr).toContain('2 fois (la première à 1,4 s)');
  });
});

describe('followLine', () => {
  it('compares onLineMs / totalMs with the fraction, exactly at the boundary', () => {
    expect(only({ followLine: { fraction: 0.8 } }, makeTrace({ line: { onLineMs: 8000, totalMs: 10_000 } })).passed).toBe(true);
    const c = only({ followLine: { fraction: 0.8 } }, makeTrace({ line: { onLineMs: 7990, totalMs: 10_000 } }));
    expect(c.passed).toBe(false);
    // 79.9 % is never shown rounded up to the 80 % asked.
    expect(c.detail.fr).toContain('79\u00a0%');
  });

  it('fails an empty run', () => {
    expect(only({ followLine: { fraction: 0.5 } }, makeTrace({ durationMs: 0 })).passed).toBe(false);
  });
});

describe('lightOnFor', () => {
  it('holds with enough light time in total', () => {
    expect(only({ lightOnFor: { seconds: 3 } }, makeTrace({ lightOnMs: 3000 }))).toMatchObject({ passed: true, doneAtMs: 10_000 });
    const c = only({ lightOnFor: { seconds: 3 } }, makeTrace({ lightOnMs: 2500 }));
    expect(c.passed).toBe(false);
    expect(c.detail.fr).toContain('2,5 s\u202f; il faut au moins 3 s');
  });
});

describe('playTones', () => {
  it('counts tones started (silences do not count), done at the one that reaches the count', () => {
    const toneEvents = [
      { t: 0, hz: 440 },
      { t: 500, hz: 0 },
      { t: 600, hz: 523 },
      { t: 700, hz: 659 },
      { t: 900, hz: 0 },
    ];
    expect(only({ playTones: { atLeast: 3 } }, makeTrace({ toneEvents }))).toMatchObject({ passed: true, doneAtMs: 700 });
    const c = only({ playTones: { atLeast: 4 } }, makeTrace({ toneEvents }));
    expect(c.passed).toBe(false);
    expect(c.detail.en).toContain('3 notes; at least 4');
  });
});

describe('drawShape', () => {
  const square = [
    [0, 0],
    [30, 0],
    [30, 30],
    [0, 30],
  ] as const;
  const seg = (from: readonly [number, number], to: readonly [number, number]) => ({ from, to });
  const drawn = [seg([0, 0], [30, 0]), seg([30, 0], [30, 30]), seg([30, 30], [0, 30]), seg([0, 30], [0, 0])];

  it('holds when the trail covers the closed target and stays near it', () => {
    const c = only({ drawShape: { points: square, toleranceCm: 3, closed: true } }, makeTrace({ penSegments: drawn }));
    expect(c.passed).toBe(true);
    expect(c.detail.fr).toContain('écart maximum 0 cm');
  });

  it('holds for a trail that is off by less than the tolerance', () => {
    const shifted = drawn.map((s) => seg([s.from[0] + 2, s.from[1] + 1], [s.to[0] + 2, s.to[1] + 1]));
    expect(only({ drawShape: { points: square, toleranceCm: 3, closed: true } }, makeTrace({ penSegments: shifted })).passed).toBe(true);
  });

  it('fails when a side is missing, even though every corner was visited', () => {
    const c = only({ drawShape: { points: square, toleranceCm: 3, closed: true } }, makeTrace({ penSegments: drawn.slice(0, 3) }));
    expect(c.passed).toBe(false);
    // The first uncovered point of the closing side (0,30)→(0,0), past the last drawn corner's tolerance.
    expect(c.detail.en).toContain('missing near (0, 26)');
  });

  it('does not ask for the closing side of an open shape', () => {
    expect(only({ drawShape: { points: square, toleranceCm: 3 } }, makeTrace({ penSegments: drawn.slice(0, 3) })).passed).toBe(true);
  });

  it('fails when an extra line strays from the shape, saying how far', () => {
    const extra = [...drawn, seg([30, 30], [50, 50])];
    const c = only({ drawShape: { points: square, toleranceCm: 3, closed: true } }, makeTrace({ penSegments: extra }));
    expect(c.passed).toBe(false);
    expect(c.detail.en).toMatch(/strays 28\.3 cm from the shape near \(50, 50\)/);
  });

  const sample = (t: number, x: number) => ({ t, x, y: 10, heading: 0, left: 0, right: 0 });

  it('fails an empty drawing of a robot that moved with a hint about the pen', () => {
    const c = only({ drawShape: { points: square, toleranceCm: 3 } }, makeTrace({ samples: [sample(0, 10), sample(1000, 25)] }));
    expect(c.passed).toBe(false);
    expect(c.detail.fr).toMatch(/baisser le crayon/);
  });

  it('fails an empty drawing of a robot that never moved by saying so, not by blaming the pen', () => {
    const c = only({ drawShape: { points: square, toleranceCm: 3 } }, makeTrace({ samples: [sample(0, 10), sample(1000, 10)] }));
    expect(c.passed).toBe(false);
    expect(c.detail.fr).toMatch(/Le robot n’a pas bougé/);
    expect(c.detail.fr).not.toMatch(/crayon \?/);
  });
});

describe('all, any and withinSeconds', () => {
  const trace = makeTrace({ zoneEvents: [enter('a', 2000), enter('arrivee', 7000)], durationMs: 9000 });

  it('flattens a top-level all into its members', () => {
    const v = judge({ all: [{ reachZone: 'a' }, { all: [{ reachZone: 'arrivee' }, { neverTouchWall: true }] }] }, trace);
    expect(v.passed).toBe(true);
    expect(v.conditions.map((c) => c.kind)).toEqual(['reachZone', 'reachZone', 'neverTouchWall']);
  });

  it('withinSeconds holds when its siblings are all done by then', () => {
    const v = judge({ all: [{ reachZone: 'a' }, { reachZone: 'arrivee' }, { withinSeconds: 7 }] }, trace);
    expect(v.passed).toBe(true);
    expect(v.conditions[2]).toMatchObject({ kind: 'withinSeconds', passed: true, doneAtMs: 7000 });
  });

  it('withinSeconds fails when the last sibling is late, saying the time', () => {
    const v = judge({ all: [{ reachZone: 'arrivee' }, { withinSeconds: 6 }] }, trace);
    expect(v.passed).toBe(false);
    expect(v.conditions[1]!.detail.fr).toBe('Il a fallu 7 s\u202f; le défi en demande 6 au plus. Essaie d’aller plus vite ou plus droit.');
  });

  it('withinSeconds waits for its siblings (it cannot pass alone)', () => {
    const v = judge({ all: [{ reachZone: 'c' }, { withinSeconds: 60 }] }, trace);
    expect(v.conditions.map((c) => c.passed)).toEqual([false, false]);
  });

  it('untimed siblings (walls, avoid) do not push the time', () => {
    const v = judge({ all: [{ reachZone: 'a' }, { avoidZone: 'lave' }, { neverTouchWall: true }, { withinSeconds: 2 }] }, trace);
    expect(v.passed).toBe(true);
  });

  it('any holds with one member, keeps its members, and is done at the earliest one', () => {
    const v = judge({ any: [{ reachZone: 'c' }, { reachZone: 'arrivee' }, { reachZone: 'a' }] }, trace);
    expect(v.passed).toBe(true);
    expect(v.conditions[0]).toMatchObject({ kind: 'any', doneAtMs: 2000 });
    expect(v.conditions[0]!.conditions!.map((c) => c.passed)).toEqual([false, true, true]);
    expect(judge({ any: [{ reachZone: 'c' }, { avoidZone: 'a' }] }, trace).passed).toBe(false);
  });

  it('an all inside an any is timed by its latest member', () => {
    const v = judge({ all: [{ any: [{ all: [{ reachZone: 'a' }, { reachZone: 'arrivee' }] }, { reachZone: 'c' }] }, { withinSeconds: 6.5 }] }, trace);
    expect(v.conditions[0]).toMatchObject({ kind: 'any', passed: true, doneAtMs: 7000 });
    expect(v.conditions[1]!.passed).toBe(false);
  });

  it('a zone the world lacks fails instead of throwing', () => {
    const c = only({ reachZone: 'nulle-part' });
    expect(c.passed).toBe(false);
    expect(c.detail.en).toContain('does not exist');
  });

  it('gives the same verdict for the same trace (pure)', () => {
    const goal: Goal = { all: [{ visitZonesInOrder: ['a', 'arrivee'] }, { withinSeconds: 8 }] };
    expect(judge(goal, trace)).toEqual(judge(goal, trace));
  });
});

describe('goalTimeMs: the one time a verdict says', () => {
  it('is when the timed goal was met, not when the run ended', () => {
    const trace = makeTrace({ zoneEvents: [enter('arrivee', 4000)], durationMs: 5000 });
    const verdict = evaluateGoal({ all: [{ reachZone: 'arrivee' }, { withinSeconds: 10 }] }, trace, makeWorld());
    expect(goalTimeMs({ timeMs: 5000, conditions: verdict.conditions })).toBe(4000);
    expect(goalTimeMs({ timeMs: 5000, conditions: [] })).toBe(5000);
  });
});
