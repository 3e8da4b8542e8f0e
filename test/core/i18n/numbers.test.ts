/** The one way numbers are written for people (and read back from what a pupil typed). */
import { describe, expect, it } from 'vitest';
import { numberFromText, numberText } from '../../../app/core/i18n/numbers';

describe('numberText', () => {
  it('writes the decimal mark of the language', () => {
    expect(numberText(0.5, 'fr')).toBe('0,5');
    expect(numberText(0.5, 'en')).toBe('0.5');
    expect(numberText(-1.414, 'fr')).toBe('-1,414');
    expect(numberText(1024, 'fr')).toBe('1024');
  });

  it('rounds to at most maxDecimals, with no trailing zeros and no « -0 »', () => {
    expect(numberText(1 / 3, 'fr', 2)).toBe('0,33');
    expect(numberText(7.46, 'fr', 1)).toBe('7,5');
    expect(numberText(8, 'fr', 1)).toBe('8');
    expect(numberText(0.1 + 0.2, 'en', 2)).toBe('0.3');
    expect(numberText(-0.0000001, 'fr', 2)).toBe('0');
    expect(numberText(Infinity, 'fr', 2)).toBe('∞');
    expect(numberText(-Infinity, 'en')).toBe('-∞');
  });

  it('reads back what it writes', () => {
    for (const n of [0.5, -2.25, 1024, 0.33]) for (const l of ['fr', 'en'] as const) expect(numberFromText(numberText(n, l), l)).toBe(n);
  });
});
