import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../app/core/simulator/simulation';
import { wheelbaseCm } from '../../../app/core/simulator/robot-body';
import type { Profile } from '../../../app/core/profiles';
import { makeWorld, SIM_PROFILE } from './make-world';

function run(left: number, right: number, ms: number, heading = 0): Simulation {
  const sim = new Simulation(makeWorld({ robot: { x: 200, y: 150, heading } }), SIM_PROFILE);
  sim.io.motors!.setMotors(left, right);
  sim.step(ms);
  return sim;
}

describe('differential drive', () => {
  it('forward at 50 % for 1 s covers 15 cm', () => {
    const { x, y, heading } = run(50, 50, 1000).pose;
    expect(x - 200).toBeCloseTo(15, 6);
    expect(y).toBeCloseTo(150, 9);
    expect(heading).toBeCloseTo(0, 9);
  });

  it('drives along its heading (90° is +y) and backwards', () => {
    expect(run(100, 100, 1000, 90).pose.y - 150).toBeCloseTo(30, 6);
    expect(run(-50, -50, 1000).pose.x - 200).toBeCloseTo(-15, 6);
  });

  it('spins in place 90° left at 50 % for 1 s, matching the calibration', () => {
    const sim = run(-50, 50, 1000);
    expect(sim.pose.heading).toBeGreaterThan(89);
    expect(sim.pose.heading).toBeLessThan(91);
    expect(Math.hypot(sim.pose.x - 200, sim.pose.y - 150)).toBeLessThan(1e-9);
  });

  it('spins right to 270° and keeps headings in [0, 360)', () => {
    expect(run(50, -50, 1000).pose.heading).toBeCloseTo(270, 6);
    expect(run(50, -50, 3000).pose.heading).toBeCloseTo(90, 6);
  });

  it('derives the wheelbase so that 100 % spin turns at degreesPerSecond', () => {
    const b = wheelbaseCm(30, 180);
    expect((2 * 30) / b / (Math.PI / 180)).toBeCloseTo(180, 9);
  });

  it('follows an arc when one wheel is faster', () => {
    const sim = run(25, 75, 2000);
    // ω = (22.5 − 7.5) / b rad/s; the pose sits on the circle of radius v / ω.
    const b = wheelbaseCm(30, 180);
    const w = 15 / b;
    const r = 15 / w;
    const { x, y, heading } = sim.pose;
    expect(heading).toBeCloseTo(((2 * w) / Math.PI) * 180, 6);
    expect(Math.hypot(x - 200, y - (150 + r))).toBeCloseTo(r, 6);
  });

  it('clamps motor power to ±100 % and treats NaN as 0', () => {
    expect(run(500, 500, 1000).pose.x - 200).toBeCloseTo(30, 6);
    expect(run(Number.NaN, Number.NaN, 1000).pose.x).toBe(200);
  });

  it('gives the same pose however the time is split', () => {
    const a = run(40, 60, 1230);
    const b = new Simulation(makeWorld({ robot: { x: 200, y: 150, heading: 0 } }), SIM_PROFILE);
    b.io.motors!.setMotors(40, 60);
    for (let i = 0; i < 246; i++) b.step(5);
    expect(b.timeMs).toBe(1230);
    expect(b.pose).toEqual(a.pose);
  });
});

describe('differential drive with measured speeds (a class’s calibrated robot)', () => {
  const measured: Profile = {
    ...SIM_PROFILE,
    calibration: {
      cmPerSecond: 52,
      degreesPerSecond: 200,
      measured: { drive: [{ power: 50, perSecond: 24 }, { power: 100, perSecond: 52 }], spin: [{ power: 50, perSecond: 95 }, { power: 100, perSecond: 200 }] },
    },
  };
  const runMeasured = (left: number, right: number, ms: number) => {
    const sim = new Simulation(makeWorld({ robot: { x: 200, y: 150, heading: 0 } }), measured);
    sim.io.motors!.setMotors(left, right);
    sim.step(ms);
    return sim.pose;
  };

  it('drives at the measured speed for the power, not in proportion to the speed at 100 %', () => {
    expect(runMeasured(50, 50, 1000).x - 200).toBeCloseTo(24, 6);
    expect(runMeasured(75, 75, 1000).x - 200).toBeCloseTo(38, 6);
    expect(runMeasured(-100, -100, 500).x - 200).toBeCloseTo(-26, 6);
  });

  it('spins at the measured rate, and one wheel alone pivots at half of each', () => {
    expect(runMeasured(-50, 50, 1000).heading).toBeCloseTo(95, 6);
    expect(runMeasured(100, -100, 1000).heading).toBeCloseTo(160, 6);
    const pivot = runMeasured(0, 50, 1000);
    // v = 12 cm/s, ω = 47.5 °/s: the pose sits on the circle of radius v / ω around (200, 150 + r).
    const r = 12 / (47.5 * (Math.PI / 180));
    expect(pivot.heading).toBeCloseTo(47.5, 6);
    expect(Math.hypot(pivot.x - 200, pivot.y - (150 + r))).toBeCloseTo(r, 6);
  });
});
