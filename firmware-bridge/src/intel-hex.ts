/** Intel HEX → flash image, as avrdude would write it. Pure; used by the firmware installer and the emulated Uno. */

export class IntelHexError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`Intel HEX, line ${line}: ${message}`);
    this.name = 'IntelHexError';
  }
}

const RECORD_DATA = 0x00;
const RECORD_EOF = 0x01;
const RECORD_EXTENDED_SEGMENT = 0x02;
const RECORD_EXTENDED_LINEAR = 0x04;

/** Parses `text` into a flash image of `flashBytes` bytes (unused bytes are 0xFF, like erased flash). */
export function parseIntelHex(text: string, flashBytes: number): Uint8Array {
  const flash = new Uint8Array(flashBytes).fill(0xff);
  let base = 0;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const lineNo = index + 1;
    const line = lines[index]!.trim();
    if (line === '') continue;
    const bytes = recordBytes(line, lineNo);
    const count = bytes[0]!;
    const offset = (bytes[1]! << 8) | bytes[2]!;
    const type = bytes[3]!;
    if (bytes.length !== count + 5) throw new IntelHexError('length does not match the byte count', lineNo);
    switch (type) {
      case RECORD_DATA: {
        const start = base + offset;
        if (start + count > flashBytes) throw new IntelHexError(`data at 0x${start.toString(16)} is outside the flash`, lineNo);
        flash.set(bytes.subarray(4, 4 + count), start);
        break;
      }
      case RECORD_EOF:
        return flash;
      case RECORD_EXTENDED_SEGMENT:
        base = ((bytes[4]! << 8) | bytes[5]!) << 4;
        break;
      case RECORD_EXTENDED_LINEAR:
        base = ((bytes[4]! << 8) | bytes[5]!) << 16;
        break;
      default:
        // Start-address records (03, 05) do not change the flash image.
        break;
    }
  }
  throw new IntelHexError('no end-of-file record', lines.length);
}

function recordBytes(line: string, lineNo: number): Uint8Array {
  if (!/^:([0-9A-Fa-f]{2}){5,}$/.test(line)) throw new IntelHexError('not a HEX record', lineNo);
  const bytes = Uint8Array.from(line.slice(1).match(/../g)!, (pair) => parseInt(pair, 16));
  const sum = bytes.reduce((total, byte) => (total + byte) & 0xff, 0);
  if (sum !== 0) throw new IntelHexError('bad checksum', lineNo);
  return bytes;
}
