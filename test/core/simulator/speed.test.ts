import { describe, expect, it } from 'vitest';
import { findWorld, Simulation } from '../../../app/core/simulator';
import { SIM_PROFILE } from './make-world';

describe('simulation speed', () => {
  it('runs a 60 s line-following program far faster than real time', () => {
    // Target ≈ 1,000× (60 s in ~50 ms here); the bound leaves room for a busy shared machine.
    const start = performance.now();
    const sim = new Simulation(findWorld('line-track')!, SIM_PROFILE);
    const { motors, line, distance } = sim.io;
    sim.io.pen!.setPen(true);
    for (let t = 0; t < 60_000; t += 10) {
      const near = distance!.readDistance() < 15;
      motors!.setMotors(line!.readLine('left') ? 10 : 40, line!.readLine('right') || near ? 10 : 40);
      sim.step(10);
    }
    expect(sim.trace.durationMs).toBe(60_000);
    expect(performance.now() - start).toBeLessThan(600);
  });
});
