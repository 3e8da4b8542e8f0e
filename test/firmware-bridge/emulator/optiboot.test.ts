import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { BOOT_RESET_VECTOR, withOptiboot } from '../../../firmware-bridge/emulator/bootloader';
import { fetchFirmata } from '../../../firmware-bridge/emulator/fetch-firmata';
import { parseIntelHex } from '../../../firmware-bridge/src/intel-hex';
import { CYCLES_PER_MS, FLASH_BYTES, RESET_CAUSE, UnoMachine } from '../../../firmware-bridge/emulator/uno-machine';

/** Debian's real Optiboot on the machine alone, in this thread, spoken to in raw STK500v1 bytes. */
const INSYNC = 0x14;
const OK = 0x10;
const EOP = 0x20;

class Board {
  sent: number[] = [];
  machine: UnoMachine;

  constructor(flash: Uint8Array, cause: number) {
    this.machine = this.boot(flash, cause);
  }

  boot(flash: Uint8Array, cause: number): UnoMachine {
    this.sent = [];
    this.machine = new UnoMachine(flash, { onPin() {}, onPwm() {}, onTransmit: (byte) => this.sent.push(byte) }, 0, {
      resetVector: BOOT_RESET_VECTOR,
      resetCause: cause,
    });
    return this.machine;
  }

  run(ms: number): void {
    this.machine.runUntil(this.machine.cycles + ms * CYCLES_PER_MS);
  }

  /** Sends a command and returns what the board answered within `ms` of board time. */
  ask(bytes: number[], ms = 40): number[] {
    this.sent = [];
    this.machine.receive(bytes);
    this.run(ms);
    const answer = this.sent;
    this.sent = [];
    return answer;
  }
}

const page = (fill: (i: number) => number) => Array.from({ length: 128 }, (_, i) => fill(i) & 0xff);
const loadAddress = (byteAddress: number) => [0x55, (byteAddress >> 1) & 0xff, byteAddress >> 9, EOP];

let blank: Uint8Array;
let firmata: Uint8Array;
beforeAll(async () => {
  blank = await withOptiboot(new Uint8Array(FLASH_BYTES).fill(0xff));
  firmata = parseIntelHex(await readFile(await fetchFirmata(), 'utf8'), FLASH_BYTES);
});

describe('Optiboot (Debian arduino-core-avr) on the emulated ATmega328P', () => {
  it('after a reset-pin reset, answers sync and the signature of an ATmega328P', () => {
    const board = new Board(blank, RESET_CAUSE.external);
    board.run(500); // its LED blinks first; bytes sent meanwhile would overrun
    expect(board.ask([0x30, EOP])).toEqual([INSYNC, OK]);
    expect(board.ask([0x75, EOP])).toEqual([INSYNC, 0x1e, 0x95, 0x0f, OK]);
  });

  it('loses what arrives while it blinks, as the chip overruns (avrdude drains and retries)', () => {
    const board = new Board(blank, RESET_CAUSE.external);
    board.run(5);
    const answer = board.ask(Array.from({ length: 20 }, (_, i) => (i % 2 ? EOP : 0x30)), 600);
    expect(board.machine.lostInput).toBeGreaterThan(0);
    expect(answer.length).toBeLessThan(20);
  });

  it('writes pages with SPM and reads them back; a flipped byte stays flipped', () => {
    const board = new Board(blank, RESET_CAUSE.external);
    board.run(500);
    const data = page((i) => i * 7 + 1);
    expect(board.ask(loadAddress(0x100))).toEqual([INSYNC, OK]);
    expect(board.ask([0x64, 0, 128, 0x46, ...data, EOP])).toEqual([INSYNC, OK]);
    board.machine.corruptNextFlashWrite(0x185);
    expect(board.ask(loadAddress(0x180))).toEqual([INSYNC, OK]);
    expect(board.ask([0x64, 0, 128, 0x46, ...data, EOP])).toEqual([INSYNC, OK]);
    expect(board.ask(loadAddress(0x100))).toEqual([INSYNC, OK]);
    expect(board.ask([0x74, 0, 128, 0x46, EOP])).toEqual([INSYNC, ...data, OK]);
    const flash = board.machine.flashImage();
    expect([...flash.subarray(0x100, 0x180)]).toEqual(data);
    expect(flash[0x185]).toBe(data[5]! ^ 1);
    expect([...flash.subarray(0x7e00, 0x7e10)]).toEqual([...blank.subarray(0x7e00, 0x7e10)]);
  });

  it('a page write takes the flash write time, so the busy-wait lasts as on a real chip', () => {
    const board = new Board(blank, RESET_CAUSE.external);
    board.run(500);
    board.ask(loadAddress(0));
    board.sent = [];
    board.machine.receive([0x64, 0, 128, 0x46, ...page(() => 0), EOP]);
    const start = board.machine.cycles;
    while (!board.sent.includes(OK) && board.machine.cycles - start < 100 * CYCLES_PER_MS) board.run(0.05);
    const ms = (board.machine.cycles - start) / CYCLES_PER_MS;
    // 133 bytes at 117,647 baud (Optiboot's UBRR) ≈ 11.3 ms, then the page write ≈ 4.5 ms.
    expect(ms).toBeGreaterThan(15);
    expect(ms).toBeLessThan(18);
  });

  it('flashes StandardFirmata, leaves by the watchdog and runs it; a power-on reset runs it straight away', () => {
    const board = new Board(blank, RESET_CAUSE.external);
    board.run(500);
    for (let address = 0; address < FLASH_BYTES - 0x200; address += 128) {
      const data = [...firmata.subarray(address, address + 128)];
      if (data.every((byte) => byte === 0xff)) continue;
      expect(board.ask(loadAddress(address), 5)).toEqual([INSYNC, OK]);
      expect(board.ask([0x64, 0, 128, 0x46, ...data, EOP], 20)).toEqual([INSYNC, OK]);
    }
    expect(board.ask([0x51, EOP], 5)).toEqual([INSYNC, OK]);
    board.run(2500); // watchdog (16 ms) → Optiboot sees WDRF → StandardFirmata boots, blinks, announces
    expect(board.sent.slice(0, 3)).toEqual([0xf9, 2, expect.any(Number)]);
    const flashed = board.machine.flashImage();
    expect(flashed.subarray(0, 0x7e00)).toEqual(firmata.subarray(0, 0x7e00));
    board.boot(flashed, RESET_CAUSE.powerOn);
    board.run(2500);
    expect(board.sent.slice(0, 3)).toEqual([0xf9, 2, expect.any(Number)]);
  }, 120_000);
});
