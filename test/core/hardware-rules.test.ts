import { describe, expect, it } from 'vitest';
import {
  clampPower,
  directionLevel,
  distanceFromAdc,
  distanceVolts,
  lightPercent,
  movePlan,
  pwmDuty,
  reportedDistance,
  seesDark,
  servoAngle,
  turnPlan,
} from '../../app/core/hardware-rules';

const raw = (volts: number): number => Math.round((volts * 1023) / 5);
const calibration = { cmPerSecond: 30, degreesPerSecond: 180 };

describe('hardware rules', () => {
  it('power is clamped to −100…100 %, never NaN or −0', () => {
    expect([150, -150, 42.5, NaN, Infinity, -Infinity].map(clampPower)).toEqual([100, -100, 42.5, 0, 100, -100]);
    expect(Object.is(clampPower(-0), 0)).toBe(true);
  });

  it('speed % maps linearly to PWM 0–255 whatever the sign (50 % → 128)', () => {
    expect([0, 50, 100, -50, 150, -150].map(pwmDuty)).toEqual([0, 128, 255, 128, 255, 255]);
  });

  it('an H-bridge direction pin is the forward level for power ≥ 0', () => {
    expect([directionLevel(50, 1), directionLevel(0, 1), directionLevel(-1, 1), directionLevel(-1, 0), directionLevel(1, 0)]).toEqual([1, 1, 0, 1, 0]);
  });

  it('continuous servos: 90° still, full speed 0° or 180°, mirrored turns the other way', () => {
    expect([servoAngle(0, false), servoAngle(100, false), servoAngle(-50, false), servoAngle(100, true), servoAngle(200, false)]).toEqual([90, 180, 45, 0, 180]);
  });

  it.each([
    ['forward', 50, 2, { left: 50, right: 50, ms: 2000 }],
    ['backward', 50, 1, { left: -50, right: -50, ms: 1000 }],
    ['forward', -30, 1, { left: -30, right: -30, ms: 1000 }],
    ['backward', -30, 0.5, { left: 30, right: 30, ms: 500 }],
    ['forward', 50, -1, { left: 50, right: 50, ms: 0 }],
  ] as const)('move %s at %s %% for %s s', (direction, speed, seconds, plan) => {
    expect(movePlan(direction, speed, seconds)).toEqual(plan);
  });

  it.each([
    // At 50 % the robot spins at 90 °/s: 90° takes 1 s.
    ['left', 90, { left: -50, right: 50, ms: 1000 }],
    ['right', 90, { left: 50, right: -50, ms: 1000 }],
    ['left', -90, { left: 50, right: -50, ms: 1000 }],
    ['right', -45, { left: -50, right: 50, ms: 500 }],
    ['left', 0, { left: -50, right: 50, ms: 0 }],
  ] as const)('turn %s %s° (negative angles turn the other way)', (direction, degrees, plan) => {
    expect(turnPlan(direction, degrees, calibration)).toEqual(plan);
  });

  it.each([
    [3.0, 10, 10],
    [2.0, 12, 13.5],
    [1.0, 27, 29],
    [0.4, 78, 80],
    [0.1, 80, 80],
    [0, 80, 80],
  ])('GP2Y0A21YK at %s V reads between %s and %s cm', (volts, low, high) => {
    const cm = distanceFromAdc(raw(volts));
    expect(cm).toBeGreaterThanOrEqual(low);
    expect(cm).toBeLessThanOrEqual(high);
  });

  it('distance is always within the sensor range, closer when the voltage is higher', () => {
    let previous = Infinity;
    for (let r = 0; r <= 1023; r += 11) {
      const cm = distanceFromAdc(r);
      expect(cm).toBeGreaterThanOrEqual(10);
      expect(cm).toBeLessThanOrEqual(80);
      expect(cm).toBeLessThanOrEqual(previous);
      previous = cm;
    }
    expect(distanceFromAdc(-5)).toBe(80);
    expect(distanceFromAdc(5000)).toBe(10);
  });

  it('the simulator and the sensor report the same distances: 10–80 cm to the millimetre', () => {
    expect([0, 9.99, 10, 23.456, 79.99, 80, 500, Infinity].map(reportedDistance)).toEqual([10, 10, 10, 23.5, 80, 80, 80, 80]);
    for (const cm of [12, 20, 35.5, 60]) expect(Math.abs(distanceFromAdc((distanceVolts(cm) * 1023) / 5) - cm)).toBeLessThanOrEqual(0.1);
  });

  it.each([
    [0, 0],
    [512, 50],
    [1023, 100],
    [2000, 100],
  ])('light at raw %s is %s %%', (r, percent) => {
    expect(lightPercent(r)).toBe(percent);
  });

  it('line: dark strictly above the threshold', () => {
    expect([seesDark(513, 512), seesDark(512, 512), seesDark(100, 512)]).toEqual([true, false, false]);
  });
});
