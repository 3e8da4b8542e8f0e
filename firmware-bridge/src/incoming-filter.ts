/**
 * A guard in front of firmata-io's parser. It frames the bytes coming from the board and lets
 * through only complete, well-formed messages of the kinds RoboKit uses: analog and digital
 * reports, the version, the firmware name and strings. Everything else is a protocol error.
 *
 * Why: firmata-io trusts the board. A stray capability or analog-mapping response rebuilds its pin
 * tables (later writes then throw), a short firmware report makes it throw inside the serial
 * 'data' handler. Line noise, a board running another sketch, or a reset mid-message must not
 * crash the host nor corrupt the connection.
 */
import { ANALOG_MESSAGE, DIGITAL_MESSAGE, END_SYSEX, REPORT_VERSION, START_SYSEX } from './firmata-messages';

const REPORT_FIRMWARE = 0x79;
const STRING_DATA = 0x71;
const PIN_STATE_RESPONSE = 0x6e;
/** Longest sysex kept (a firmware name is ~40 bytes, a debug string a few dozen). */
const MAX_SYSEX = 256;
/** An Uno's pins (D0–D13, A0–A5 as 14–19): firmata-io's pin table has no others. */
export const UNO_PIN_COUNT = 20;

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'short'; readonly bytes: number[] }
  | { readonly kind: 'sysex'; readonly bytes: number[] };

export class IncomingFilter {
  /** Malformed or unexpected messages seen so far. */
  errors = 0;
  private state: State = { kind: 'idle' };

  /**
   * `pinCount`: the pins firmata-io has in its table (none before the board is ready); a pin state
   * reply for another pin is dropped, as firmata-io indexes its table with it unchecked and throws.
   */
  constructor(private readonly pinCount: number | (() => number) = UNO_PIN_COUNT) {}

  /** The complete, allowed messages in `chunk`, concatenated (possibly empty). */
  push(chunk: Uint8Array): Uint8Array {
    const out: number[] = [];
    for (const byte of chunk) this.step(byte, out);
    return Uint8Array.from(out);
  }

  private step(byte: number, out: number[]): void {
    const state = this.state;
    if (state.kind === 'short') {
      if (byte < 0x80) {
        state.bytes.push(byte);
        if (state.bytes.length === 3) {
          out.push(...state.bytes);
          this.state = { kind: 'idle' };
        }
        return;
      }
      this.errors++; // a command byte cut the message short
      this.state = { kind: 'idle' };
    } else if (state.kind === 'sysex') {
      if (byte < 0x80) {
        if (state.bytes.length >= MAX_SYSEX) {
          this.errors++;
          this.state = { kind: 'idle' };
          return;
        }
        state.bytes.push(byte);
        return;
      }
      this.state = { kind: 'idle' };
      if (byte === END_SYSEX) {
        state.bytes.push(byte);
        const pins = typeof this.pinCount === 'number' ? this.pinCount : this.pinCount();
        if (allowedSysex(state.bytes, pins)) out.push(...state.bytes);
        else this.errors++;
        return;
      }
      this.errors++; // unterminated sysex
    }
    this.start(byte);
  }

  private start(byte: number): void {
    const command = byte < START_SYSEX ? byte & 0xf0 : byte;
    if (command === ANALOG_MESSAGE || command === DIGITAL_MESSAGE || command === REPORT_VERSION) {
      this.state = { kind: 'short', bytes: [byte] };
    } else if (byte === START_SYSEX) {
      this.state = { kind: 'sysex', bytes: [byte] };
    } else {
      this.errors++; // a stray data byte or a command the board never sends
    }
  }
}

function allowedSysex(bytes: readonly number[], pinCount: number): boolean {
  const command = bytes[1];
  // F0 79 major minor name… F7: firmata-io needs major and minor, the name is 2 bytes per char.
  if (command === REPORT_FIRMWARE) return bytes.length >= 5 && (bytes.length - 5) % 2 === 0;
  if (command === STRING_DATA) return bytes.length >= 3 && (bytes.length - 3) % 2 === 0;
  // F0 6E pin mode state… F7 (asked for by `readPinState`): firmata-io reads pin, mode and state,
  // and indexes its pin table with the pin unchecked.
  if (command === PIN_STATE_RESPONSE) return bytes.length >= 5 && bytes.length <= 8 && bytes[2]! < pinCount;
  return false;
}
