import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import firmataIo from 'firmata-io';
import { IncomingFilter, UNO_PIN_COUNT } from '../../firmware-bridge/src/incoming-filter';

const push = (filter: IncomingFilter, ...bytes: number[]): number[] => [...filter.push(Uint8Array.from(bytes))];

/** A tiny PRNG so the fuzz is reproducible. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('IncomingFilter', () => {
  it('passes reports, the version, the firmware name and strings', () => {
    const f = new IncomingFilter();
    const firmware = [0xf0, 0x79, 2, 5, 0x41, 0, 0xf7];
    expect(push(f, 0xe0, 0x10, 0x02, 0x90, 0x04, 0x00, 0xf9, 2, 5, ...firmware)).toEqual([
      0xe0, 0x10, 0x02, 0x90, 0x04, 0x00, 0xf9, 2, 5, ...firmware,
    ]);
    expect(push(f, 0xf0, 0x71, 0x41, 0, 0xf7)).toEqual([0xf0, 0x71, 0x41, 0, 0xf7]);
    expect(f.errors).toBe(0);
  });

  it('passes a pin state response (pin, mode, state in 1–3 bytes), not a malformed one', () => {
    const f = new IncomingFilter();
    expect(push(f, 0xf0, 0x6e, 5, 3, 0x00, 0x01, 0xf7)).toEqual([0xf0, 0x6e, 5, 3, 0x00, 0x01, 0xf7]);
    expect(push(f, 0xf0, 0x6e, 5, 0xf7)).toEqual([]); // no mode, no state: firmata-io would read garbage
    expect(f.errors).toBe(1);
  });

  it('drops a pin state response for a pin the board does not have (firmata-io indexes its pin table with it)', () => {
    const f = new IncomingFilter();
    expect(push(f, 0xf0, 0x6e, 19, 2, 0x10, 0x01, 0xf7)).toEqual([0xf0, 0x6e, 19, 2, 0x10, 0x01, 0xf7]);
    for (const pin of [20, 21, 64, 127]) expect(push(f, 0xf0, 0x6e, pin, 1, 0x01, 0xf7)).toEqual([]);
    expect(f.errors).toBe(4);
    expect(push(new IncomingFilter(64), 0xf0, 0x6e, 40, 1, 0x01, 0xf7)).toHaveLength(6);
  });

  it('fuzz through the real firmata-io: whatever the board sends, nothing throws in its parser', () => {
    const transport = new EventEmitter() as EventEmitter & { write(data: Buffer, cb?: () => void): boolean };
    transport.write = (_data, cb) => {
      cb?.();
      return true;
    };
    const firmata = new firmataIo.Firmata(transport, { skipCapabilities: true, pinCount: UNO_PIN_COUNT, analogPins: [14, 15, 16, 17, 18, 19], reportVersionTimeout: 60_000 });
    // As the session builds it: pin state replies only for the pins in firmata-io's table.
    const f = new IncomingFilter(() => firmata.pins.length);
    const rnd = random(7);
    let throws = 0;
    let pinStates = 0;
    firmata.on('error', () => {});
    for (let chunk = 0; chunk < 5000; chunk++) {
      // Half way, the board says who it is and firmata-io builds its pin table (ready).
      if (chunk === 2500) {
        transport.emit('data', Buffer.from([0xf9, 2, 5, 0xf0, 0x79, 2, 5, 0x41, 0, 0xf7]));
        expect(firmata.pins).toHaveLength(UNO_PIN_COUNT);
      }
      // Random bytes, and pin state responses for any pin 0–127, as a confused or hostile board would send.
      const bytes = rnd() < 0.3
        ? [0xf0, 0x6e, Math.floor(rnd() * 128), Math.floor(rnd() * 12), Math.floor(rnd() * 128), 0xf7]
        : Array.from({ length: 1 + Math.floor(rnd() * 40) }, () => Math.floor(rnd() * 256));
      const out = f.push(Uint8Array.from(bytes));
      if (out.length > 0 && out[1] === 0x6e) pinStates++;
      try {
        transport.emit('data', Buffer.from(out));
      } catch {
        throws++;
      }
    }
    expect(pinStates).toBeGreaterThan(100);
    expect(throws).toBe(0);
  });

  it('reassembles messages split across chunks', () => {
    const f = new IncomingFilter();
    expect(push(f, 0xe3)).toEqual([]);
    expect(push(f, 0x7f)).toEqual([]);
    expect(push(f, 0x07, 0x90)).toEqual([0xe3, 0x7f, 0x07]);
    expect(push(f, 0x01, 0x00)).toEqual([0x90, 0x01, 0x00]);
  });

  it('drops and counts what firmata-io must not see', () => {
    const f = new IncomingFilter();
    expect(push(f, 0x41, 0x42)).toEqual([]); // stray data bytes
    expect(push(f, 0xe0, 0x01, 0x90, 0x01, 0x00)).toEqual([0x90, 0x01, 0x00]); // cut short
    expect(push(f, 0xf0, 0x6c, 0x7f, 0xf7)).toEqual([]); // capability response would rebuild its pins
    expect(push(f, 0xf0, 0x79, 0xf7)).toEqual([]); // a firmware report too short (firmata-io throws on it)
    expect(push(f, 0xf0, ...new Array(300).fill(1), 0xf7)).toEqual([]); // oversized sysex
    expect(f.errors).toBeGreaterThanOrEqual(6);
  });

  it('fuzz: any bytes give only complete, well-formed messages', () => {
    const rnd = random(42);
    const f = new IncomingFilter();
    for (let chunk = 0; chunk < 2000; chunk++) {
      const bytes = Array.from({ length: 1 + Math.floor(rnd() * 40) }, () => Math.floor(rnd() * 256));
      const out = push(f, ...bytes);
      for (let i = 0; i < out.length; ) {
        const b = out[i]!;
        expect(b).toBeGreaterThanOrEqual(0x80);
        if (b === 0xf0) {
          const end = out.indexOf(0xf7, i);
          expect(end).toBeGreaterThan(i);
          expect([0x79, 0x71]).toContain(out[i + 1]);
          i = end + 1;
        } else {
          expect([0xe0, 0x90, 0xf9]).toContain(b < 0xf0 ? b & 0xf0 : b);
          expect(out[i + 1]! < 0x80 && out[i + 2]! < 0x80).toBe(true);
          i += 3;
        }
      }
    }
    expect(f.errors).toBeGreaterThan(0);
  });
});
