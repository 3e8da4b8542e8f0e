import { describe, expect, it } from 'vitest';
import { driveSpeed, speedAt, spinRate, turnPlan } from '../../../app/core/hardware-rules';
import { computeCalibration } from '../../../app/core/profile-file/calibration';

const nominal = { cmPerSecond: 35, degreesPerSecond: 220 };

describe('computeCalibration', () => {
  it('drove 1 s at 50 % and measured 24 cm: 24 cm/s at 50 %', () => {
    const result = computeCalibration({ drive: [{ power: 50, seconds: 1, cm: 24 }], turn: [] }, nominal);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(driveSpeed(result.calibration, 50)).toBe(24);
    expect(driveSpeed(result.calibration, -50)).toBe(-24);
    // One point: proportional to power on either side of it.
    expect(driveSpeed(result.calibration, 25)).toBe(12);
    expect(result.calibration.cmPerSecond).toBe(48);
    // No turn measured: the kit's nominal spin rate stays.
    expect(result.calibration.degreesPerSecond).toBe(220);
    expect(spinRate(result.calibration, 50)).toBe(110);
  });

  it('two speeds: straight lines from 0 through both, in any order, over any time', () => {
    const result = computeCalibration(
      {
        drive: [{ power: 100, seconds: 2, cm: 110 }, { power: 50, seconds: 1, cm: 24 }],
        turn: [{ power: 50, seconds: 1, degrees: 90 }, { power: 100, seconds: 0.5, degrees: 120 }],
      },
      nominal,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const c = result.calibration;
    expect(c.measured).toEqual({
      drive: [{ power: 50, perSecond: 24 }, { power: 100, perSecond: 55 }],
      spin: [{ power: 50, perSecond: 90 }, { power: 100, perSecond: 240 }],
    });
    expect([c.cmPerSecond, c.degreesPerSecond]).toEqual([55, 240]);
    expect([0, 25, 50, 75, 100].map((p) => driveSpeed(c, p))).toEqual([0, 12, 24, 39.5, 55]);
    expect([25, 75].map((p) => spinRate(c, p))).toEqual([45, 165]);
    // A quarter turn at the turn power (50 %, measured 90 °/s) takes 1 s.
    expect(turnPlan('left', 90, c)).toEqual({ left: -50, right: 50, ms: 1000 });
  });

  it('past the highest measured power the last line goes on, never slower than that point', () => {
    expect(speedAt([{ power: 40, perSecond: 20 }, { power: 60, perSecond: 30 }], 0, 80)).toBe(40);
    expect(speedAt([{ power: 40, perSecond: 30 }, { power: 60, perSecond: 20 }], 0, 100)).toBe(20);
    expect(speedAt(undefined, 30, 150)).toBe(30);
  });

  it.each([
    ['a power of 0 %', { drive: [{ power: 0, seconds: 1, cm: 10 }], turn: [] }, 'calibration-bad-power'],
    ['a power of 120 %', { drive: [], turn: [{ power: 120, seconds: 1, degrees: 10 }] }, 'calibration-bad-power'],
    ['a distance of 0', { drive: [{ power: 50, seconds: 1, cm: 0 }], turn: [] }, 'calibration-bad-measure'],
    ['no time', { drive: [{ power: 50, seconds: 0, cm: 20 }], turn: [] }, 'calibration-bad-measure'],
    ['not a number', { drive: [{ power: 50, seconds: 1, cm: Number.NaN }], turn: [] }, 'calibration-bad-measure'],
    ['two measurements at 50 %', { drive: [{ power: 50, seconds: 1, cm: 20 }, { power: 50, seconds: 1, cm: 22 }], turn: [] }, 'calibration-same-power'],
    ['five powers', { drive: [10, 20, 30, 40, 50].map((power) => ({ power, seconds: 1, cm: power })), turn: [] }, 'calibration-too-many'],
  ])('refuses %s', (_name, measurements, code) => {
    const result = computeCalibration(measurements, nominal);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });
});
