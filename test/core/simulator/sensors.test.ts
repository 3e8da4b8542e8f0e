import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../app/core/simulator/simulation';
import type { World } from '../../../app/core/simulator/world';
import { makeWorld, SIM_PROFILE } from './make-world';

const sim = (extra: Partial<World>) => new Simulation(makeWorld(extra), SIM_PROFILE);

describe('distance sensor', () => {
  it('measures from the front of the body to a wall ahead', () => {
    // Centre at x = 100, body radius 8: the wall at x = 148 is 40 cm from the sensor.
    const s = sim({ walls: [{ from: [148, 0], to: [148, 300] }] });
    expect(s.io.distance!.readDistance()).toBeCloseTo(40, 6);
  });

  it('sees rect and circle obstacles and the arena border', () => {
    expect(sim({ obstacles: [{ type: 'rect', x: 130, y: 140, width: 10, height: 20 }] }).io.distance!.readDistance()).toBeCloseTo(22, 6);
    expect(sim({ obstacles: [{ type: 'circle', x: 150, y: 150, radius: 5 }] }).io.distance!.readDistance()).toBeCloseTo(37, 6);
    expect(sim({ robot: { x: 350, y: 150, heading: 0 } }).io.distance!.readDistance()).toBeCloseTo(42, 6);
  });

  it('ignores what is not ahead', () => {
    const s = sim({ robot: { x: 100, y: 150, heading: 180 }, walls: [{ from: [148, 0], to: [148, 300] }] });
    // Looking at the border at x = 0: 92 cm away, beyond the sensor's range.
    expect(s.io.distance!.readDistance()).toBe(80);
  });

  it('caps readings to the GP2Y0A21YK range: 10 cm when nearer, 80 cm when farther', () => {
    expect(sim({ walls: [{ from: [112, 0], to: [112, 300] }] }).io.distance!.readDistance()).toBe(10);
    expect(sim({}).io.distance!.readDistance()).toBe(80);
  });

  it('follows the robot as it moves', () => {
    const s = sim({ walls: [{ from: [148, 0], to: [148, 300] }] });
    s.io.motors!.setMotors(50, 50);
    s.step(1000);
    expect(s.io.distance!.readDistance()).toBeCloseTo(25, 6);
  });
});

describe('line sensors', () => {
  // Sensors sit 6 cm ahead of the centre, 2 cm to each side: at (106, 152) and (106, 148).
  const line = (y: number) => ({ lines: [{ points: [[0, y], [400, y]] as [number, number][], width: 2 }] });

  it('see a dark line under them and nothing elsewhere', () => {
    const left = sim(line(152.5)).io.line!;
    expect([left.readLine('left'), left.readLine('right')]).toEqual([true, false]);
    const right = sim(line(147.5)).io.line!;
    expect([right.readLine('left'), right.readLine('right')]).toEqual([false, true]);
    const none = sim(line(140)).io.line!;
    expect([none.readLine('left'), none.readLine('right')]).toEqual([false, false]);
  });

  it('use the line width (distance to the centreline at most width / 2)', () => {
    const wide = sim({ lines: [{ points: [[0, 150], [400, 150]], width: 4 }] }).io.line!;
    expect([wide.readLine('left'), wide.readLine('right')]).toEqual([true, true]);
    const thin = sim({ lines: [{ points: [[0, 150], [400, 150]], width: 3.9 }] }).io.line!;
    expect([thin.readLine('left'), thin.readLine('right')]).toEqual([false, false]);
  });

  it('see a line crossing ahead once the robot reaches it', () => {
    const s = sim({ lines: [{ points: [[121, 0], [121, 300]], width: 2 }] });
    expect(s.io.line!.readLine('left')).toBe(false);
    s.io.motors!.setMotors(50, 50);
    s.step(1000);
    expect([s.io.line!.readLine('left'), s.io.line!.readLine('right')]).toEqual([true, true]);
  });
});

describe('light sensor', () => {
  it('reads ambient 50 without light sources, or the given ambient', () => {
    expect(sim({}).io.lightSensor!.readLight()).toBe(50);
    expect(sim({ ambient: 12 }).io.lightSensor!.readLight()).toBe(12);
  });

  it('reads more near a source than far from it, within 0…100', () => {
    const lights = [{ x: 100, y: 150, intensity: 100 }];
    const near = sim({ lights }).io.lightSensor!.readLight();
    const far = sim({ lights, robot: { x: 300, y: 150, heading: 0 } }).io.lightSensor!.readLight();
    expect(near).toBe(100);
    expect(far).toBeLessThan(30);
    expect(far).toBeGreaterThanOrEqual(20);
    // Half the intensity 20 cm away, on top of the default ambient with lights (20).
    expect(sim({ lights: [{ x: 120, y: 150, intensity: 60 }] }).io.lightSensor!.readLight()).toBe(50);
  });
});

describe('button', () => {
  it('reads what the UI presses', () => {
    const s = sim({});
    expect(s.io.button!.readButton()).toBe(false);
    s.pressButton(true);
    expect(s.io.button!.readButton()).toBe(true);
    expect(s.snapshot().sensors.button).toBe(true);
  });
});
