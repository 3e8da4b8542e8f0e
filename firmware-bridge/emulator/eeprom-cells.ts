/**
 * The Uno's 1 KB EEPROM for avr8js, with cells the rig keeps: a board reset (or a new UnoMachine
 * after one) finds what the firmware stored, as on a real chip. Erased cells read 0xFF; a write
 * can only clear bits (the chip erases, then writes, unless told otherwise).
 */
import type { EEPROMBackend } from 'avr8js';

export const EEPROM_BYTES = 1024;

export function blankEeprom(): Uint8Array {
  return new Uint8Array(EEPROM_BYTES).fill(0xff);
}

export class KeptEeprom implements EEPROMBackend {
  constructor(readonly cells: Uint8Array) {
    if (cells.length !== EEPROM_BYTES) throw new RangeError(`EEPROM must be ${EEPROM_BYTES} bytes`);
  }

  readMemory(address: number): number {
    return this.cells[address % EEPROM_BYTES]!;
  }

  writeMemory(address: number, value: number): void {
    this.cells[address % EEPROM_BYTES]! &= value;
  }

  eraseMemory(address: number): void {
    this.cells[address % EEPROM_BYTES] = 0xff;
  }
}
