import { describe, expect, it } from 'vitest';
import { analogMessage, digitalPortMessage, messageKey } from '../../firmware-bridge/src/firmata-messages';

describe('Firmata messages', () => {
  it('encodes PWM and digital ports as StandardFirmata reads them', () => {
    expect([...analogMessage(5, 128).bytes]).toEqual([0xe5, 0x00, 0x01]);
    expect([...analogMessage(6, 300).bytes]).toEqual([0xe6, 300 & 0x7f, 300 >> 7]);
    expect([...digitalPortMessage(0, 0x90).bytes]).toEqual([0x90, 0x10, 0x01]);
    expect([...digitalPortMessage(1, 0x20).bytes]).toEqual([0x91, 0x20, 0x00]);
  });

  it.each([
    [[0xe5, 0, 1], 'analog:5'],
    [[0x90, 0x10, 1], 'port:0'],
    [[0x91, 0, 0], 'port:1'],
    [[0xc3, 1], 'report-analog:3'],
    [[0xd0, 0], 'report-digital:0'],
    [[0xf0, 0x6f, 20, 1, 0, 0xf7], 'analog:20'],
    [[0xf4, 5, 3], undefined],
    [[0xf9], undefined],
    [[0xf0, 0x79, 0xf7], undefined],
    [[0xe5, 0, 1, 0xe6, 0, 1], undefined],
    [[0xf0, 0x6f, 20, 1, 0xf7, 0xf0, 0x6f, 21, 1, 0xf7], undefined],
    [[], undefined],
  ])('key of %j is %s', (bytes, key) => {
    expect(messageKey(Uint8Array.from(bytes))).toBe(key);
  });
});
