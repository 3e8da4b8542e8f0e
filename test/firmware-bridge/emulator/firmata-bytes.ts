/**
 * Raw Firmata bytes for the rig's tests (the Firmata adapter is tested elsewhere).
 * The avrgirl image is StandardFirmata 2.4 (protocol 2.4): it has no SET_DIGITAL_PIN_VALUE (F5)
 * and no INPUT_PULLUP mode; a pull-up is an INPUT pin written HIGH with DIGITAL_MESSAGE.
 */

export const REPORT_VERSION = 0xf9;
export const START_SYSEX = 0xf0;
export const END_SYSEX = 0xf7;
export const REPORT_FIRMWARE = 0x79;
export const SET_PIN_MODE = 0xf4;
export const ANALOG_MESSAGE = 0xe0;
export const DIGITAL_MESSAGE = 0x90;
export const REPORT_ANALOG = 0xc0;
export const REPORT_DIGITAL = 0xd0;

export const MODE = { INPUT: 0, OUTPUT: 1, ANALOG: 2, PWM: 3, SERVO: 4 } as const;

export const queryFirmware = (): number[] => [START_SYSEX, REPORT_FIRMWARE, END_SYSEX];
export const pinMode = (pin: number, mode: number): number[] => [SET_PIN_MODE, pin, mode];
/** DIGITAL_MESSAGE: the levels of one 8-pin port (port 0 = D0–D7, 1 = D8–D13). */
export const writePort = (port: number, bits: number): number[] => [DIGITAL_MESSAGE | port, bits & 0x7f, (bits >> 7) & 0x7f];
/** ANALOG_MESSAGE: analogWrite for PWM pins, the angle for servo pins (pins 0–15). */
export const analogWrite = (pin: number, value: number): number[] => [ANALOG_MESSAGE | pin, value & 0x7f, (value >> 7) & 0x7f];
export const reportAnalog = (channel: number, on: boolean): number[] => [REPORT_ANALOG | channel, on ? 1 : 0];
export const reportDigital = (port: number, on: boolean): number[] => [REPORT_DIGITAL | port, on ? 1 : 0];

/** Index of the first occurrence of `needle` in `haystack` at or after `from`, or -1. */
export function indexOfSequence(haystack: readonly number[], needle: readonly number[], from = 0): number {
  outer: for (let start = from; start + needle.length <= haystack.length; start++) {
    for (let index = 0; index < needle.length; index++) {
      if (haystack[start + index] !== needle[index]) continue outer;
    }
    return start;
  }
  return -1;
}

/** The firmware name in a REPORT_FIRMWARE reply (F0 79 major minor name… F7), or null. */
export function firmwareName(bytes: readonly number[]): { major: number; minor: number; name: string } | null {
  const start = indexOfSequence(bytes, [START_SYSEX, REPORT_FIRMWARE]);
  const end = start < 0 ? -1 : bytes.indexOf(END_SYSEX, start);
  if (end < 0) return null;
  const payload = bytes.slice(start + 4, end);
  let name = '';
  for (let index = 0; index + 1 < payload.length; index += 2) {
    name += String.fromCharCode(payload[index]! | (payload[index + 1]! << 7));
  }
  return { major: bytes[start + 2]!, minor: bytes[start + 3]!, name };
}

/** Values of every ANALOG_MESSAGE report for `channel` in `bytes`. */
export function analogReports(bytes: readonly number[], channel: number): number[] {
  const values: number[] = [];
  for (let index = 0; index + 2 < bytes.length; index++) {
    if (bytes[index] === (ANALOG_MESSAGE | channel)) values.push(bytes[index + 1]! | (bytes[index + 2]! << 7));
  }
  return values;
}

/** Port bitmaps of every DIGITAL_MESSAGE report for `port` in `bytes`. */
export function digitalReports(bytes: readonly number[], port: number): number[] {
  const values: number[] = [];
  for (let index = 0; index + 2 < bytes.length; index++) {
    if (bytes[index] === (DIGITAL_MESSAGE | port)) values.push(bytes[index + 1]! | (bytes[index + 2]! << 7));
  }
  return values;
}
