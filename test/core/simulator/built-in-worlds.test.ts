import { describe, expect, it } from 'vitest';
import { BUILT_IN_WORLDS, findWorld } from '../../../app/core/simulator/built-in-worlds';
import { parseWorld } from '../../../app/core/simulator/parse-world';
import { Simulation } from '../../../app/core/simulator/simulation';
import { SIM_PROFILE } from './make-world';

describe('built-in worlds', () => {
  it('are the four promised, each valid and complete as shipped', () => {
    expect(Object.keys(BUILT_IN_WORLDS).sort()).toEqual(['drawing-paper', 'empty-table', 'line-track', 'small-maze']);
    for (const [id, world] of Object.entries(BUILT_IN_WORLDS)) {
      const parsed = parseWorld(world);
      expect(parsed, id).toEqual({ ok: true, world });
      expect(world.id).toBe(id);
      expect(world.name.fr).not.toBe(world.name.en);
    }
  });

  it('are found by id, and only by an own id', () => {
    expect(findWorld('empty-table')?.size).toEqual({ width: 200, height: 150 });
    expect(findWorld('toString')).toBeUndefined();
    expect(findWorld('nope')).toBeUndefined();
  });

  it('small-maze: the corridor route reaches "arrivee" without touching a wall', () => {
    const sim = new Simulation(findWorld('small-maze')!, SIM_PROFILE);
    const m = sim.io.motors!;
    // Up, right, down, right, up, right, down: cm forward at 15 cm/s, or a 90° spin (L / R) in 1 s.
    const route = [150, 'R', 50, 'R', 150, 'L', 50, 'L', 150, 'R', 50, 'R', 150] as const;
    for (const leg of route) {
      if (leg === 'L' || leg === 'R') m.setMotors(leg === 'L' ? -50 : 50, leg === 'L' ? 50 : -50);
      else m.setMotors(50, 50);
      sim.step(typeof leg === 'number' ? Math.round((leg / 15) * 100) * 10 : 1000);
    }
    const t = sim.trace;
    expect(t.collisions).toEqual([]);
    expect(t.zoneEvents.map((e) => `${e.kind} ${e.zone}`)).toEqual(['enter depart', 'leave depart', 'enter arrivee']);
  });

  it('line-track: a two-sensor line follower goes round the whole track on the line', () => {
    const sim = new Simulation(findWorld('line-track')!, SIM_PROFILE);
    const { motors, line } = sim.io;
    for (let t = 0; t < 45_000; t += 10) {
      const l = line!.readLine('left');
      const r = line!.readLine('right');
      motors!.setMotors(l ? 10 : 40, r ? 10 : 40);
      sim.step(10);
    }
    const trace = sim.trace;
    expect(trace.line.onLineMs / trace.line.totalMs).toBeGreaterThan(0.95);
    expect(trace.zoneEvents.filter((e) => e.kind === 'enter')).toHaveLength(2);
    expect(trace.collisions).toEqual([]);
  });
});
