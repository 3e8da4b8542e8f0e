/**
 * The real Optiboot of an Arduino Uno, from Debian's `arduino-core-avr` package, placed in the top
 * 512 bytes of flash (0x7E00) as the Uno's fuses (BOOTRST, BOOTSZ = 256 words) have it: every reset
 * starts there, and Optiboot runs the application unless the reset came from the reset pin.
 *
 * Debian's build of Optiboot 4.4 is 532 bytes: its last 20 (the end of watchdogConfig and appStart)
 * lie past the chip's 32 KB, and its version word (.version at 0x7FFE) lands on its own code. The
 * rig gives the CPU a shadow of program memory beyond 32 KB for that tail (no SPM reaches it) and
 * leaves the version word out, so the code runs as compiled.
 */
import { readFile } from 'node:fs/promises';
import { parseIntelHex } from '../src/intel-hex';
import { FLASH_BYTES } from './uno-pins';

export const OPTIBOOT_HEX = '/usr/share/arduino/hardware/arduino/avr/bootloaders/optiboot/optiboot_atmega328.hex';
export const BOOT_START_BYTES = 0x7e00;
/** The reset vector with BOOTRST programmed, in words (as the program counter counts). */
export const BOOT_RESET_VECTOR = BOOT_START_BYTES / 2;

/** Program memory past the chip's end, for the tail of Debian's oversized Optiboot build. */
export const BOOT_SHADOW_BYTES = 0x100;
const VERSION_RECORD = /^:027FFE00/i;

export class BootloaderMissingError extends Error {
  constructor(path: string) {
    super(`Optiboot not found at ${path} (Debian: apt-get install arduino-core-avr)`);
    this.name = 'BootloaderMissingError';
  }
}

/** `application` with Optiboot written over its boot section. */
export async function withOptiboot(application: Uint8Array, hexPath = OPTIBOOT_HEX): Promise<Uint8Array> {
  const text = await readFile(hexPath, 'utf8').catch(() => {
    throw new BootloaderMissingError(hexPath);
  });
  const code = text
    .split(/\r?\n/)
    .filter((line) => !VERSION_RECORD.test(line.trim()))
    .join('\n');
  const boot = parseIntelHex(code, FLASH_BYTES + BOOT_SHADOW_BYTES).subarray(BOOT_START_BYTES);
  const flash = new Uint8Array(FLASH_BYTES + BOOT_SHADOW_BYTES).fill(0xff);
  flash.set(application.subarray(0, BOOT_START_BYTES));
  flash.set(boot, BOOT_START_BYTES);
  return flash;
}
