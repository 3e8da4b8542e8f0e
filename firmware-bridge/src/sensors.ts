/**
 * From raw Firmata readings (10-bit ADC on a 5 V Uno, digital levels) to the units of RobotIo.
 * Pure functions, so the conversions are tested with tables.
 */
import type { PinName } from '../../app/core/profiles';

export const ADC_MAX = 1023;
export const ADC_VOLTS = 5;

/** Sharp GP2Y0A21YK: useful range 10–80 cm. */
export const DISTANCE_MIN_CM = 10;
export const DISTANCE_MAX_CM = 80;

/**
 * Distance in cm from the GP2Y0A21YK's output: the usual fit of its datasheet curve,
 * d ≈ 27.86 · V^−1.15 (2.0 V ≈ 12.6 cm, 0.4 V ≈ 80 cm), clamped to the sensor's range.
 */
export function gp2y0a21ykCentimetres(raw: number): number {
  const volts = (Math.max(0, Math.min(ADC_MAX, raw)) * ADC_VOLTS) / ADC_MAX;
  if (volts <= 0) return DISTANCE_MAX_CM;
  const cm = 27.86 * Math.pow(volts, -1.15);
  return Math.round(Math.max(DISTANCE_MIN_CM, Math.min(DISTANCE_MAX_CM, cm)) * 10) / 10;
}

/** Ambient light 0 (dark) … 100 (bright) from a divider reading. */
export function lightPercent(raw: number): number {
  return Math.round((Math.max(0, Math.min(ADC_MAX, raw)) * 100) / ADC_MAX);
}

/** Line sensor: a reading above the profile's threshold is the dark line. */
export function seesDark(raw: number, darkAbove: number): boolean {
  return raw > darkAbove;
}

/** "A0" or 14 → analog channel 0 on an Uno (A0–A5 are digital 14–19). */
export function analogChannel(pin: PinName): number {
  if (typeof pin === 'number') return pin >= 14 ? pin - 14 : pin;
  return Number(pin.slice(1));
}
