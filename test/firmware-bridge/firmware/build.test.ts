/**
 * The committed firmware image is what the sources build to, byte for byte (Debian's gcc-avr,
 * avr-libc, arduino-core-avr; scripts/build-firmware.mjs), and it fits an ATmega328P.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { buildFirmware } from '../../../scripts/build-firmware.mjs';
import { ROBOKIT_HEX } from './line-port';

describe('RoboKit firmware build', () => {
  it('reproduces the committed hex from the sources, and fits the chip', () => {
    const built = buildFirmware() as { hex: string; flashBytes: number; sramBytes: number };
    expect(built.hex === readFileSync(ROBOKIT_HEX, 'utf8')).toBe(true);
    expect(built.flashBytes).toBeLessThanOrEqual(32256);
    // the VM of stored programs and the stack need room: keep the static SRAM well under 1 KB
    expect(built.sramBytes).toBeLessThan(1024);
  }, 120_000);
});
