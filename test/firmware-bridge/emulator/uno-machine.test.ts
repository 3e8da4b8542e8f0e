import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { fetchFirmata } from '../../../firmware-bridge/emulator/fetch-firmata';
import { parseIntelHex } from '../../../firmware-bridge/src/intel-hex';
import { CYCLES_PER_MS, FLASH_BYTES, UnoMachine } from '../../../firmware-bridge/emulator/uno-machine';
import * as F from './firmata-bytes';

/** The machine alone, in this thread, run as fast as it goes: no pty, no pacing. */
class Bench {
  readonly sent: number[] = [];
  readonly pins: Array<[number, 0 | 1, number]> = [];
  readonly pwms: Array<[number, number, number]> = [];
  readonly machine: UnoMachine;

  constructor(flash: Uint8Array) {
    this.machine = new UnoMachine(flash, {
      onPin: (pin, level, tMs) => this.pins.push([pin, level, tMs]),
      onPwm: (pin, duty, tMs) => this.pwms.push([pin, duty, tMs]),
      onTransmit: (byte) => this.sent.push(byte),
    });
  }

  run(ms: number): void {
    this.machine.runUntil(this.machine.cycles + ms * CYCLES_PER_MS);
  }

  /** Sends bytes and runs long enough for them to arrive at 57600 baud and be handled. */
  send(bytes: number[], settleMs = 20): void {
    this.machine.receive(bytes);
    this.run(bytes.length * 0.2 + settleMs);
  }
}

// One board for the whole file (booting costs ≈ 2 s of emulated time); each test uses its own pins.
let bench: Bench;
beforeAll(async () => {
  const flash = parseIntelHex(await readFile(await fetchFirmata(), 'utf8'), FLASH_BYTES);
  bench = new Bench(flash);
  // StandardFirmata blinks its version on D13 (≈ 1.9 s) before it announces itself.
  while (!bench.sent.includes(F.END_SYSEX) && bench.machine.timeMs < 3000) bench.run(50);
});

describe('UnoMachine running StandardFirmata', () => {
  it('blinks its version on D13, then announces protocol 2.x and its name', () => {
    expect(bench.sent.slice(0, 3)).toEqual([F.REPORT_VERSION, 2, expect.any(Number)]);
    expect(F.firmwareName(bench.sent)).toEqual({ major: 2, minor: expect.any(Number), name: 'StandardFirmata.ino' });
    expect(bench.pins.filter(([pin, level]) => pin === 13 && level === 1).length).toBeGreaterThanOrEqual(2);
  });

  it('drives D13 from SET_PIN_MODE and DIGITAL_MESSAGE, and reports the edges with emulated time', () => {
    const before = bench.pins.length;
    bench.send([...F.pinMode(13, F.MODE.OUTPUT), ...F.writePort(1, 1 << 5)]);
    expect(bench.machine.digital(13)).toBe(1);
    bench.run(100);
    bench.send(F.writePort(1, 0));
    expect(bench.machine.digital(13)).toBe(0);
    const edges = bench.pins.slice(before).filter(([pin]) => pin === 13);
    expect(edges.map(([, level]) => level)).toEqual([1, 0]);
    expect(edges[1]![2] - edges[0]![2]).toBeGreaterThan(100);
    expect(edges[1]![2] - edges[0]![2]).toBeLessThan(125);
  });

  it('reads PWM duty from the timer compare registers, and plain LOW/HIGH as 0/255', () => {
    const before = bench.pwms.length;
    bench.send([...F.pinMode(5, F.MODE.PWM), ...F.analogWrite(5, 128), ...F.pinMode(10, F.MODE.PWM), ...F.analogWrite(10, 64)]);
    expect(bench.machine.pwm(5)).toBe(128);
    expect(bench.machine.pwm(10)).toBe(64);
    expect(bench.machine.digital(5)).toBe(0);
    bench.send(F.analogWrite(5, 255));
    expect(bench.machine.pwm(5)).toBe(255);
    expect(bench.machine.digital(5)).toBe(1);
    bench.send(F.analogWrite(5, 0));
    expect(bench.machine.pwm(5)).toBe(0);
    const changes = bench.pwms.slice(before).filter(([pin]) => pin === 5);
    expect(changes.map(([, duty]) => duty)).toEqual([128, 255, 0]);
    expect(() => bench.machine.pwm(4)).toThrow(RangeError);
  });

  it('stamps a PWM span with its emulated duration', () => {
    const before = bench.pwms.length;
    bench.send([...F.pinMode(6, F.MODE.PWM), ...F.analogWrite(6, 100)]);
    bench.run(250);
    bench.send(F.analogWrite(6, 0));
    const [on, off] = bench.pwms.slice(before).filter(([pin]) => pin === 6);
    expect(on![1]).toBe(100);
    expect(off![2] - on![2]).toBeGreaterThan(250);
    expect(off![2] - on![2]).toBeLessThan(275);
  });

  it('measures the servo pulses the Servo library bit-bangs on Timer1', () => {
    expect(bench.machine.servoPulseUs(9)).toBeNull();
    bench.send([...F.pinMode(9, F.MODE.SERVO), ...F.analogWrite(9, 90)], 100);
    // Firmata's default servo range is 544–2400 µs: 90° ≈ 1472 µs, 30° ≈ 853 µs.
    expect(bench.machine.servoPulseUs(9)).toBeGreaterThan(1440);
    expect(bench.machine.servoPulseUs(9)).toBeLessThan(1500);
    bench.send(F.analogWrite(9, 30), 100);
    expect(bench.machine.servoPulseUs(9)).toBeGreaterThan(830);
    expect(bench.machine.servoPulseUs(9)).toBeLessThan(880);
  });

  it('gives a pull-up input HIGH when nothing is connected, and follows a driven level', () => {
    bench.send([...F.pinMode(2, F.MODE.INPUT), ...F.reportDigital(0, true)]);
    expect(bench.machine.digital(2)).toBe(0);
    bench.send(F.writePort(0, 1 << 2)); // INPUT written HIGH: the pull-up
    expect(bench.machine.digital(2)).toBe(1);
    const before = bench.sent.length;
    bench.machine.setDigitalInput(2, 0);
    bench.run(20);
    expect(bench.machine.digital(2)).toBe(0);
    expect(F.digitalReports(bench.sent.slice(before), 0).map((bits) => bits & 0b100)).toEqual([0]);
    bench.machine.setDigitalInput(2, 1);
    bench.run(20);
    expect(bench.machine.digital(2)).toBe(1);
  });

  it('converts analog voltages on a 5 V reference', () => {
    bench.machine.setAnalogVoltage(1, 2.5);
    const before = bench.sent.length;
    bench.send(F.reportAnalog(1, true), 100);
    const values = F.analogReports(bench.sent.slice(before), 1);
    expect(values.length).toBeGreaterThan(2);
    expect(values.at(-1)).toBeGreaterThanOrEqual(510);
    expect(values.at(-1)).toBeLessThanOrEqual(513);
    bench.machine.setAnalogVoltage(1, 9); // clamps at the reference
    bench.run(60);
    expect(F.analogReports(bench.sent, 1).at(-1)).toBe(1023);
    expect(() => bench.machine.setAnalogVoltage(8, 1)).toThrow(RangeError); // A0–A7 (A6, A7 on the TQFP chip)
  });
});
