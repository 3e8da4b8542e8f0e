import { describe, expect, it } from 'vitest';
import { IntelHexError, parseIntelHex } from '../../firmware-bridge/src/intel-hex';

/** Builds one record with its checksum. */
function record(type: number, offset: number, data: number[]): string {
  const bytes = [data.length, offset >> 8, offset & 0xff, type, ...data];
  const checksum = (0x100 - (bytes.reduce((sum, byte) => sum + byte, 0) & 0xff)) & 0xff;
  return ':' + [...bytes, checksum].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join('');
}
const EOF_RECORD = record(1, 0, []);

describe('parseIntelHex', () => {
  it('places data records in a flash image that is otherwise erased (0xFF)', () => {
    const flash = parseIntelHex([record(0, 0x0000, [0x0c, 0x94]), record(0, 0x0010, [1, 2, 3]), EOF_RECORD].join('\r\n'), 32);
    expect(Array.from(flash.subarray(0, 3))).toEqual([0x0c, 0x94, 0xff]);
    expect(Array.from(flash.subarray(0x10, 0x13))).toEqual([1, 2, 3]);
  });

  it('honours extended linear and segment addresses', () => {
    const linear = parseIntelHex([record(4, 0, [0x00, 0x01]), record(0, 0x0002, [7]), EOF_RECORD].join('\n'), 0x10010);
    expect(linear[0x10002]).toBe(7);
    const segment = parseIntelHex([record(2, 0, [0x10, 0x00]), record(0, 0x0001, [9]), EOF_RECORD].join('\n'), 0x10010);
    expect(segment[0x10001]).toBe(9);
  });

  it('rejects a bad checksum, a record outside the flash, garbage and a missing end, naming the line', () => {
    const bad = record(0, 0, [1]).slice(0, -2) + '00';
    expect(() => parseIntelHex([bad, EOF_RECORD].join('\n'), 16)).toThrow(/line 1: bad checksum/);
    expect(() => parseIntelHex([record(0, 0x20, [1]), EOF_RECORD].join('\n'), 16)).toThrow(IntelHexError);
    expect(() => parseIntelHex(['hello', EOF_RECORD].join('\n'), 16)).toThrow(/line 1: not a HEX record/);
    expect(() => parseIntelHex(record(0, 0, [1]), 16)).toThrow(/no end-of-file record/);
  });
});
