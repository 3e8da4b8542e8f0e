import { describe, expect, it } from 'vitest';
import { analogChannel, gp2y0a21ykCentimetres, lightPercent, seesDark } from '../../firmware-bridge/src/sensors';

const raw = (volts: number): number => Math.round((volts * 1023) / 5);

describe('sensor conversions', () => {
  it.each([
    [3.0, 10, 10],
    [2.0, 12, 13.5],
    [1.0, 27, 29],
    [0.4, 78, 80],
    [0.1, 80, 80],
    [0, 80, 80],
  ])('GP2Y0A21YK at %s V reads between %s and %s cm', (volts, low, high) => {
    const cm = gp2y0a21ykCentimetres(raw(volts));
    expect(cm).toBeGreaterThanOrEqual(low);
    expect(cm).toBeLessThanOrEqual(high);
  });

  it('distance is always within the sensor range, closer when the voltage is higher', () => {
    let previous = Infinity;
    for (let r = 0; r <= 1023; r += 11) {
      const cm = gp2y0a21ykCentimetres(r);
      expect(cm).toBeGreaterThanOrEqual(10);
      expect(cm).toBeLessThanOrEqual(80);
      expect(cm).toBeLessThanOrEqual(previous);
      previous = cm;
    }
    expect(gp2y0a21ykCentimetres(-5)).toBe(80);
    expect(gp2y0a21ykCentimetres(5000)).toBe(10);
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

  it.each([
    ['A0', 0],
    ['A3', 3],
    [14, 0],
    [17, 3],
    [2, 2],
  ] as const)('%s is analog channel %s', (pin, ch) => {
    expect(analogChannel(pin)).toBe(ch);
  });
});
