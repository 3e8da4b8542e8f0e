/**
 * One Sharp curve: the firmware's table (robokit/distance_curve.h, in the committed hex) is the
 * host's rule (app/core/hardware-rules.ts), reading for reading.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distanceFromAdc } from '../../../app/core/hardware-rules';
import { projectRoot } from '../../../firmware-bridge/emulator/paths';
import { distanceCurveHeader } from '../../../firmware-bridge/firmware/distance-curve';

const HEADER = join(projectRoot(), 'firmware-bridge', 'firmware', 'robokit', 'distance_curve.h');

function tableOf(header: string): number[] {
  const body = /\{([^}]*)\}/.exec(header)![1]!;
  return body
    .split('\n')
    .map((row) => row.replace(/\/\/.*/, ''))
    .join(' ')
    .split(',')
    .map((cell) => cell.trim())
    .filter(Boolean)
    .map(Number);
}

describe('the Sharp distance curve in the firmware', () => {
  it('is the header the generator writes from the host rule (run scripts/gen-distance-curve.mjs)', () => {
    expect(readFileSync(HEADER, 'utf8') === distanceCurveHeader()).toBe(true);
  });

  it('gives the host’s distance, in mm, for every ADC reading', () => {
    const table = tableOf(readFileSync(HEADER, 'utf8'));
    expect(table).toHaveLength(1024);
    const differing = table.filter((mm, raw) => mm !== Math.round(distanceFromAdc(raw) * 10));
    expect(differing).toEqual([]);
    // the curve itself: far at low voltage, near at high, never outside 100…800 mm
    expect(table[0]).toBe(800);
    expect(table[1023]).toBe(100);
    expect(Math.min(...table)).toBe(100);
    expect(table.every((mm, raw) => raw === 0 || mm <= table[raw - 1]!)).toBe(true);
  });
});
