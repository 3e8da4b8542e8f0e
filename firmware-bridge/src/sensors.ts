/**
 * Which analog channel a profile's pin is. The conversions from raw Firmata readings to the units of
 * RobotIo (distance curve, light, line threshold) are hardware rules: app/core/hardware-rules.ts.
 */
import type { PinName } from '../../app/core/profiles';

/** "A0" or 14 → analog channel 0 on an Uno (A0–A5 are digital 14–19). */
export function analogChannel(pin: PinName): number {
  if (typeof pin === 'number') return pin >= 14 ? pin - 14 : pin;
  return Number(pin.slice(1));
}
