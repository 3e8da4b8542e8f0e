/**
 * RoboKit bytecode v1 (docs/bytecode.md): opcodes, the image header and its checksum. The compiler
 * (compile-bytecode.ts) writes it; the RoboKit firmware's VM runs it. Pure, no I/O.
 */
import type { Capability } from '../ir';

export const BYTECODE_VERSION = 1;
export const MAGIC = [0x52, 0x4b] as const; // "RK"
export const HEADER_BYTES = 16;
export const CRC_BYTES = 2;
/** EEPROM bytes 128…1023 of an ATmega328P. */
export const PROGRAM_MAX_BYTES = 896;
export const MAX_GLOBALS = 32;
export const MAX_LOCALS = 255;
/** `randomInt`'s range the VM computes exactly. */
export const RANDOM_LIMIT = 1_000_000;

export const OP = {
  END: 0x00,
  PUSH_F: 0x01,
  PUSH_I8: 0x02,
  PUSH_I16: 0x03,
  LOAD_G: 0x04,
  STORE_G: 0x05,
  LOAD_L: 0x06,
  STORE_L: 0x07,
  POP: 0x08,
  DUP: 0x09,
  ADD: 0x10,
  SUB: 0x11,
  MUL: 0x12,
  DIV: 0x13,
  POW: 0x14,
  BOOL: 0x15,
  NOT: 0x16,
  EQ: 0x18,
  NE: 0x19,
  LT: 0x1a,
  LE: 0x1b,
  GT: 0x1c,
  GE: 0x1d,
  RANDOM: 0x1f,
  JMP: 0x20,
  JZ: 0x21,
  CALL: 0x23,
  ENTER: 0x24,
  RET: 0x25,
  SENSOR: 0x30,
  MOTORS: 0x40,
  MOVE: 0x41,
  TURN: 0x42,
  STOP: 0x43,
  LIGHT: 0x44,
  TONE: 0x45,
  PEN: 0x46,
  WAIT: 0x47,
} as const;

export const SENSOR = { distance: 0, lineLeft: 1, lineRight: 2, light: 3, button: 4 } as const;

/** Header flag bits. */
export const FLAG_FIXED_SEED = 0x01;

/** Bit of each part in the header's "parts used" byte. */
export const CAPABILITY_BITS: Readonly<Record<Capability, number>> = {
  motors: 0x01,
  light: 0x02,
  sound: 0x04,
  pen: 0x08,
  distance: 0x10,
  line: 0x20,
  lightSensor: 0x40,
  button: 0x80,
};

/** CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection. */
export function crc16(bytes: Uint8Array, length = bytes.length): number {
  let crc = 0xffff;
  for (let i = 0; i < length; i++) {
    crc ^= bytes[i]! << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

export interface ImageHeader {
  readonly fixedSeed: boolean;
  readonly globals: number;
  readonly uses: readonly Capability[];
  /** ms per degree at the turn power, from the profile's calibration. */
  readonly turnMsPerDegree: number;
  readonly seed: number;
}

/** Header + code + CRC: the bytes the robot stores. */
export function buildImage(header: ImageHeader, code: Uint8Array): Uint8Array {
  const image = new Uint8Array(HEADER_BYTES + code.length + CRC_BYTES);
  const view = new DataView(image.buffer);
  image.set(MAGIC, 0);
  image[2] = BYTECODE_VERSION;
  image[3] = header.fixedSeed ? FLAG_FIXED_SEED : 0;
  view.setUint16(4, code.length, true);
  image[6] = header.globals;
  image[7] = header.uses.reduce((bits, c) => bits | CAPABILITY_BITS[c], 0);
  view.setFloat32(8, header.turnMsPerDegree, true);
  view.setUint32(12, header.seed >>> 0, true);
  image.set(code, HEADER_BYTES);
  view.setUint16(HEADER_BYTES + code.length, crc16(image, HEADER_BYTES + code.length), true);
  return image;
}
