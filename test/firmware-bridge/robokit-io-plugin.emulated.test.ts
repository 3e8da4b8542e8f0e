/**
 * Johnny-Five components over the RoboKit firmware's IO plugin, on the emulated Uno running the
 * built firmware: a J5 Led and two J5 Motors (PWM + direction pins of the arduino-2wd profile) drive
 * the board's pins; a J5 Sensor on A0 reads the distance sensor's voltage.
 */
import five, { type Board } from 'johnny-five';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceVolts } from '../../app/core/hardware-rules';
import { startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import { RobokitIo } from '../../firmware-bridge/src/robokit-io-plugin';
import { ROBOKIT_HEX } from './firmware/line-port';

/** The J5 components this test uses (our vendor typings declare only the Board). */
interface J5Components {
  Led: new (options: { pin: number; board: Board }) => { on(): void; off(): void };
  Motor: new (options: { pins: { pwm: number; dir: number }; board: Board }) => { forward(speed: number): void; reverse(speed: number): void; stop(): void };
  Sensor: new (options: { pin: string; freq: number; board: Board }) => { on(event: 'data', listener: (this: { value: number }) => void): void };
}
const J5 = five as unknown as J5Components;

let uno: EmulatedUno;
let io: RobokitIo;
let board: Board;

beforeAll(async () => {
  uno = await startEmulatedUno({ hexPath: ROBOKIT_HEX });
  await uno.waitFor(() => uno.emulatedMs() > 500, 30_000);
  io = new RobokitIo({ port: uno.path, profile: 'arduino-2wd', connect: { timeoutMs: 30_000, line: { lostAfterMs: 5000 } } });
  board = new five.Board({ io, repl: false, debug: false, sigint: false, timeout: 60_000 });
  await new Promise<void>((resolve, reject) => {
    board.once('ready', () => resolve());
    io.once('error', reject);
  });
}, 90_000);

afterAll(async () => {
  await io?.close();
  await uno?.stop();
});

describe('Johnny-Five over the RoboKit firmware (IO plugin, emulated Uno)', () => {
  it('a J5 Led on the light’s pin turns D13 on and off', async () => {
    const led = new J5.Led({ pin: 13, board });
    led.on();
    await uno.waitFor(() => uno.digital(13) === 1, 10_000);
    led.off();
    await uno.waitFor(() => uno.digital(13) === 0, 10_000);
  }, 30_000);

  it('J5 Motors on the H-bridge pins: forward at 128 is PWM ≈ 128 with direction HIGH; reverse lowers it; stop is 0', async () => {
    const left = new J5.Motor({ pins: { pwm: 5, dir: 4 }, board });
    const right = new J5.Motor({ pins: { pwm: 6, dir: 7 }, board });
    left.forward(128);
    right.forward(128);
    await uno.waitFor(() => Math.abs(uno.pwm(5) - 128) <= 2 && Math.abs(uno.pwm(6) - 128) <= 2, 10_000);
    expect([uno.digital(4), uno.digital(7)]).toEqual([1, 1]);
    left.reverse(255);
    await uno.waitFor(() => uno.pwm(5) >= 253 && uno.digital(4) === 0, 10_000);
    left.stop();
    right.stop();
    await uno.waitFor(() => uno.pwm(5) === 0 && uno.pwm(6) === 0, 10_000);
  }, 30_000);

  it('a J5 Sensor on A0 reads the Sharp sensor’s voltage (as the board reports the distance)', async () => {
    uno.setAnalogVoltage(0, distanceVolts(20));
    const sensor = new J5.Sensor({ pin: 'A0', freq: 25, board });
    const wanted = Math.round((distanceVolts(20) * 1023) / 5);
    const read = await new Promise<number>((resolve) => {
      sensor.on('data', function () {
        if (Math.abs(this.value - wanted) <= 25) resolve(this.value);
      });
    });
    expect(Math.abs(read - wanted)).toBeLessThanOrEqual(25);
  }, 30_000);
});
