/**
 * The RX line of the emulated chip under an interrupt-driven serial driver (the RoboKit
 * firmware's), which writes UCSR0B to turn its send interrupt on and off while bytes arrive: no
 * received byte may be lost (avr8js alone clears RXC on such a write, and the next byte overwrote it).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankEeprom } from '../../../firmware-bridge/emulator/eeprom-cells';
import { parseIntelHex } from '../../../firmware-bridge/src/intel-hex';
import { projectRoot } from '../../../firmware-bridge/emulator/paths';
import { CYCLES_PER_MS, FLASH_BYTES, UnoMachine } from '../../../firmware-bridge/emulator/uno-machine';

describe('emulated RX line with the RoboKit firmware', () => {
  it('keeps every byte of lines sent back to back while the board answers', async () => {
    const hex = await readFile(join(projectRoot(), 'firmware-bridge', 'firmware', 'robokit.hex'), 'utf8');
    let text = '';
    const machine = new UnoMachine(parseIntelHex(hex, FLASH_BYTES), {
      onPin: () => {},
      onPwm: () => {},
      onTransmit: (byte) => (text += String.fromCharCode(byte)),
    });
    machine.attachEeprom(blankEeprom());
    machine.runUntil(400 * CYCLES_PER_MS); // first boot: id and configuration written, hello said
    expect(text).toMatch(/^hello /);
    text = '';
    // each answer is still being sent when the next line's bytes arrive
    const lines = ['ABCD', 'm 1', 'xyz', 'm', 'hb', 'failsafe 3.5', 'QWER', 'm 1 2 3'];
    machine.receive(Buffer.from(lines.map((line) => `${line}\n`).join('')));
    machine.runUntil(machine.cycles + 60 * CYCLES_PER_MS);
    expect(text.split('\n').slice(0, -1)).toEqual([
      'err unknown ABCD',
      'err args',
      'err unknown xyz',
      'err args',
      'ok',
      'err num MS',
      'err unknown QWER',
      'err args',
    ]);
    expect(machine.lostInput).toBe(0);
  });
});
