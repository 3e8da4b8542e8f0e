/**
 * The Arduino Uno (ATmega328P) pin map as data: Arduino pin number → port bit, and PWM pin → the
 * timer compare unit that drives it. Register addresses are data-space addresses (as avr8js uses).
 */

export type PortName = 'B' | 'C' | 'D';

export interface PortRegisters {
  readonly PIN: number;
  readonly DDR: number;
  readonly PORT: number;
}

export const PORT_REGISTERS: Readonly<Record<PortName, PortRegisters>> = {
  B: { PIN: 0x23, DDR: 0x24, PORT: 0x25 },
  C: { PIN: 0x26, DDR: 0x27, PORT: 0x28 },
  D: { PIN: 0x29, DDR: 0x2a, PORT: 0x2b },
};

export interface PinLocation {
  readonly port: PortName;
  readonly bit: number;
}

/** D0–D13, then A0–A5 as 14–19. */
export const UNO_PINS: readonly PinLocation[] = [
  ...[0, 1, 2, 3, 4, 5, 6, 7].map((bit) => ({ port: 'D' as const, bit })),
  ...[0, 1, 2, 3, 4, 5].map((bit) => ({ port: 'B' as const, bit })),
  ...[0, 1, 2, 3, 4, 5].map((bit) => ({ port: 'C' as const, bit })),
];

/** ATmega328P program memory, in bytes. */
export const FLASH_BYTES = 0x8000;
export const PIN_COUNT = UNO_PINS.length;
export const DIGITAL_PIN_COUNT = 14;
/** A0–A7: A6 and A7 are analog-only inputs of the TQFP ATmega328P (Nano, mBot's mCore); a DIP Uno has A0–A5. */
export const ANALOG_CHANNEL_COUNT = 8;

export interface PwmUnit {
  readonly timer: 0 | 1 | 2;
  /** TCCRnA: holds the COMnx1:COMnx0 bits of this output. */
  readonly tccrA: number;
  /** Position of COMnx0 in TCCRnA (COMnx1 is the next bit up). */
  readonly comShift: number;
  /** OCRnx (low byte for Timer1). */
  readonly ocr: number;
}

/** analogWrite() pins of the Uno, with the compare unit wiring.c uses for each. */
export const UNO_PWM: Readonly<Record<number, PwmUnit>> = {
  3: { timer: 2, tccrA: 0xb0, comShift: 4, ocr: 0xb4 },
  5: { timer: 0, tccrA: 0x44, comShift: 4, ocr: 0x48 },
  6: { timer: 0, tccrA: 0x44, comShift: 6, ocr: 0x47 },
  9: { timer: 1, tccrA: 0x80, comShift: 6, ocr: 0x88 },
  10: { timer: 1, tccrA: 0x80, comShift: 4, ocr: 0x8a },
  11: { timer: 2, tccrA: 0xb0, comShift: 6, ocr: 0xb3 },
};

export const PWM_PINS: readonly number[] = Object.keys(UNO_PWM).map(Number);

export function isPwmPin(pin: number): boolean {
  return UNO_PWM[pin] !== undefined;
}

export function pinLocation(pin: number): PinLocation {
  const location = Number.isInteger(pin) ? UNO_PINS[pin] : undefined;
  if (!location) throw new RangeError(`No Uno pin ${pin} (use 0–13 for D0–D13, 14–19 for A0–A5)`);
  return location;
}

/** Register addresses a pin-state observer must watch. */
export const WATCHED_REGISTERS: readonly number[] = [
  ...Object.values(PORT_REGISTERS).flatMap((port) => [port.PIN, port.DDR, port.PORT]),
  ...new Set(Object.values(UNO_PWM).flatMap((unit) => [unit.tccrA, unit.ocr])),
];
