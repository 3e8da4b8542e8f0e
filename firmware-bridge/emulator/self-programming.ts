/**
 * The ATmega328P's self-programming (SPM), which avr8js 0.21 leaves out: a bootloader such as
 * Optiboot fills a page buffer word by word, erases a 128-byte page and writes the buffer into it.
 * The machine calls `execute()` just before the CPU runs an SPM opcode (0x95E8).
 *
 * As on the chip: the command is in SPMCSR's low bits, the address in Z (r31:r30), the word in
 * r1:r0; a page write can only clear bits (an unerased page keeps its zeros); erase and write keep
 * SPMEN set (busy) for the flash write time, so the bootloader's busy-wait lasts as on a real board.
 */
import type { CPU } from 'avr8js';
import { FLASH_BYTES } from './uno-pins';

export const SPM_OPCODE = 0x95e8;
export const SPMCSR = 0x57;
export const PAGE_BYTES = 128;
/** t_WD_FLASH, ATmega328P datasheet: 3.7–4.5 ms for a page erase or write; the slow end. */
export const FLASH_WRITE_CYCLES = 4.5 * 16_000;

const SPMEN = 0x01;
const PGERS = 0x02;
const PGWRT = 0x04;
const COMMAND_BITS = 0x3f;
const FILL = SPMEN;
const ERASE = PGERS | SPMEN;
const WRITE = PGWRT | SPMEN;

export class SelfProgramming {
  private readonly buffer = new Uint8Array(PAGE_BYTES).fill(0xff);
  private corruptAt: number | null = null;

  constructor(private readonly cpu: CPU) {}

  /** Test fault: the next page write that covers `address` stores that byte with its low bit flipped. */
  corruptNextWrite(address: number): void {
    this.corruptAt = address;
  }

  /** The armed fault's address, if it has not fired yet. */
  get pendingCorruption(): number | null {
    return this.corruptAt;
  }

  /** The chip after a reset: an empty page buffer. A pending fault stays armed. */
  reset(): void {
    this.buffer.fill(0xff);
  }

  execute(): void {
    const { cpu } = this;
    const command = cpu.data[SPMCSR]! & COMMAND_BITS;
    const z = cpu.data[30]! | (cpu.data[31]! << 8);
    const page = z & ~(PAGE_BYTES - 1);
    if (page >= FLASH_BYTES) {
      this.done(); // past the chip's 32 KB: nothing there to program
      return;
    }
    switch (command) {
      case FILL: {
        const offset = z & (PAGE_BYTES - 2);
        this.buffer[offset] = cpu.data[0]!;
        this.buffer[offset + 1] = cpu.data[1]!;
        this.done();
        return;
      }
      case ERASE:
        cpu.progBytes.fill(0xff, page, page + PAGE_BYTES);
        this.busy();
        return;
      case WRITE:
        this.writePage(page);
        this.busy();
        return;
      default:
        // RWWSRE (0x11), lock bits, signature reads: nothing to model here.
        this.done();
    }
  }

  private writePage(page: number): void {
    const flash = this.cpu.progBytes;
    for (let offset = 0; offset < PAGE_BYTES; offset++) {
      let byte = this.buffer[offset]!;
      if (this.corruptAt === page + offset) {
        byte ^= 0x01;
        this.corruptAt = null;
      }
      flash[page + offset] = flash[page + offset]! & byte;
    }
    this.buffer.fill(0xff);
  }

  private busy(): void {
    this.cpu.addClockEvent(() => this.done(), FLASH_WRITE_CYCLES);
  }

  private done(): void {
    this.cpu.data[SPMCSR] = this.cpu.data[SPMCSR]! & ~COMMAND_BITS;
  }
}
