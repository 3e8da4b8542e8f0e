/**
 * The few Firmata messages RoboKit builds itself (for the stop that jumps the queue), and the
 * coalescing key of an outgoing message: a newer message with the same key carries the whole new
 * state of that pin (or 8-pin port), so it supersedes an unsent older one.
 */
export const ANALOG_MESSAGE = 0xe0;
export const DIGITAL_MESSAGE = 0x90;
export const REPORT_ANALOG = 0xc0;
export const REPORT_DIGITAL = 0xd0;
export const PIN_MODE = 0xf4;
export const START_SYSEX = 0xf0;
export const END_SYSEX = 0xf7;
export const EXTENDED_ANALOG = 0x6f;
/** The version query (1 byte) and the board's 3-byte answer start with it. */
export const REPORT_VERSION = 0xf9;

export const PIN_MODES = { INPUT: 0, OUTPUT: 1, ANALOG: 2, PWM: 3, SERVO: 4 } as const;

export interface OutgoingMessage {
  readonly bytes: Uint8Array;
  /** Same key ⇒ the newer message supersedes an unsent older one (moving to the end of the queue). */
  readonly key?: string;
  /**
   * The newer message takes the older one's place instead: it may reach the board earlier than it
   * was queued, never later. Digital ports (they hold the motors' direction pins): a direction must
   * never arrive after the PWM written after it.
   */
  readonly inPlace?: boolean;
}

/** Digital port messages supersede in place (see `OutgoingMessage.inPlace`). */
export const supersedesInPlace = (key: string): boolean => key.startsWith('port:');

/** PWM duty or servo angle/pulse on a pin (0–15: the 3-byte message). */
export function analogMessage(pin: number, value: number): OutgoingMessage {
  const v = Math.max(0, Math.min(0x3fff, Math.round(value)));
  return { bytes: Uint8Array.of(ANALOG_MESSAGE | (pin & 0x0f), v & 0x7f, (v >> 7) & 0x7f), key: `analog:${pin}` };
}

/** The whole state of one 8-pin digital port. */
export function digitalPortMessage(port: number, bits: number): OutgoingMessage {
  return {
    bytes: Uint8Array.of(DIGITAL_MESSAGE | (port & 0x0f), bits & 0x7f, (bits >> 7) & 0x01),
    key: `port:${port}`,
    inPlace: true,
  };
}

/**
 * The coalescing key of one encoded message, or undefined when it must be sent as is, in order
 * (pin modes, queries, configuration, several messages in one buffer).
 */
export function messageKey(bytes: Uint8Array): string | undefined {
  const first = bytes[0];
  if (first === undefined) return undefined;
  if (first < 0xf0) {
    const channel = first & 0x0f;
    const command = first & 0xf0;
    if (bytes.length === 3 && command === ANALOG_MESSAGE) return `analog:${channel}`;
    if (bytes.length === 3 && command === DIGITAL_MESSAGE) return `port:${channel}`;
    if (bytes.length === 2 && command === REPORT_ANALOG) return `report-analog:${channel}`;
    if (bytes.length === 2 && command === REPORT_DIGITAL) return `report-digital:${channel}`;
    return undefined;
  }
  if (
    first === START_SYSEX &&
    bytes[1] === EXTENDED_ANALOG &&
    bytes.length >= 5 &&
    bytes[bytes.length - 1] === END_SYSEX &&
    bytes.indexOf(END_SYSEX) === bytes.length - 1
  ) {
    return `analog:${bytes[2]}`;
  }
  return undefined;
}
