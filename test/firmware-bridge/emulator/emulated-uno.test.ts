import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatedUno, type EmulatedUno } from '../../../firmware-bridge/emulator/emulated-uno';
import { pwmSpans } from '../../../firmware-bridge/emulator/pwm-history';
import * as F from './firmata-bytes';
import { PortReader } from './port-reader';

const VERSION_REPLY = (bytes: number[]) => F.indexOfSequence(bytes, [F.REPORT_VERSION, 2]) >= 0;
/** Firmata boots in ≈ 1.9 s of emulated time; far longer in wall time on a loaded machine. */
const BOOT_MS = 15_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let rig: EmulatedUno;
let app: PortReader;

beforeAll(async () => {
  rig = await startEmulatedUno();
  app = await PortReader.open(rig.path);
});

afterAll(async () => {
  await app?.close();
  await rig?.stop();
});

describe('emulated Uno over a real tty', () => {
  it('answers REPORT_VERSION and the firmware query', async () => {
    // The board may still be blinking its version at boot: its USART buffers what we send.
    const from = app.received.length;
    await app.write([F.REPORT_VERSION, ...F.queryFirmware()]);
    const bytes = await app.until((got) => VERSION_REPLY(got) && F.firmwareName(got) !== null, BOOT_MS, from);
    const version = bytes[F.indexOfSequence(bytes, [F.REPORT_VERSION, 2]) + 2]!;
    expect(version).toBeGreaterThanOrEqual(3);
    expect(F.firmwareName(bytes)?.name).toBe('StandardFirmata.ino');
  });

  it('shows D13 HIGH once Firmata sets it, and reports the edge', async () => {
    const edges: Array<[number, 0 | 1]> = [];
    const unsubscribe = rig.onPinChange((pin, level) => edges.push([pin, level]));
    await app.write([...F.pinMode(13, F.MODE.OUTPUT), ...F.writePort(1, 1 << 5)]);
    await rig.waitFor(() => rig.digital(13) === 1, 2_000);
    unsubscribe();
    expect(edges).toContainEqual([13, 1]);
  });

  it('shows PWM duty on D5 and times how long it held, in wall and emulated time', async () => {
    await app.write([...F.pinMode(5, F.MODE.PWM), ...F.analogWrite(5, 128)]);
    await rig.waitFor(() => rig.pwm(5) === 128, 2_000);
    await sleep(400);
    await app.write(F.analogWrite(5, 0));
    await rig.waitFor(() => rig.pwm(5) === 0, 2_000);
    const held = pwmSpans(rig.pwmHistory(5), 5).find((span) => span.duty === 128)!;
    const wallMs = held.toWallMs! - held.fromWallMs;
    const emulatedMs = held.toMs! - held.fromMs;
    expect(wallMs).toBeGreaterThan(390);
    expect(wallMs).toBeLessThan(700);
    // Paced to the wall clock: never more than a short catch-up ahead of it. (How far it falls
    // behind depends on the load of this machine: see rig.speed(), not asserted here.)
    expect(emulatedMs).toBeGreaterThan(0);
    expect(emulatedMs).toBeLessThanOrEqual(wallMs + 30);
    expect(rig.speed().realTimeRatio).toBeLessThanOrEqual(1.01);
  });

  it('measures a servo pulse on D9', async () => {
    await app.write([...F.pinMode(9, F.MODE.SERVO), ...F.analogWrite(9, 30)]);
    await rig.waitFor(() => (rig.servoPulseUs(9) ?? 0) > 800, 2_000);
    expect(rig.servoPulseUs(9)).toBeLessThan(900);
  });

  it('reports the voltage set on A0 as ≈ volts / 5 × 1023', async () => {
    rig.setAnalogVoltage(0, 3.3);
    const from = app.received.length;
    await app.write(F.reportAnalog(0, true));
    const bytes = await app.until((got) => F.analogReports(got, 0).length >= 3, 2_000, from);
    expect(F.analogReports(bytes, 0).at(-1)).toBeGreaterThanOrEqual(673);
    expect(F.analogReports(bytes, 0).at(-1)).toBeLessThanOrEqual(677);
    await app.write(F.reportAnalog(0, false));
  });

  it('lets a pull-up button on D2 read HIGH, then LOW when pressed', async () => {
    const d2 = (got: number[]) => F.digitalReports(got, 0).map((bits) => (bits >> 2) & 1);
    const from = app.received.length;
    await app.write([...F.pinMode(2, F.MODE.INPUT), ...F.writePort(0, 1 << 2), ...F.reportDigital(0, true)]);
    await app.until((got) => d2(got).at(-1) === 1, 2_000, from);
    expect(rig.digital(2)).toBe(1);
    rig.setDigitalInput(2, 0);
    await app.until((got) => d2(got).at(-1) === 0, 2_000, from);
    expect(rig.digital(2)).toBe(0);
  });

  it('resets the board: outputs drop, Firmata boots and announces itself again', async () => {
    expect(rig.digital(13)).toBe(1);
    const from = app.received.length;
    rig.reset();
    await rig.waitFor(() => rig.digital(13) === 0 && rig.pwm(5) === 0, 1_000);
    await app.until((got) => VERSION_REPLY(got) && F.firmwareName(got) !== null, BOOT_MS, from);
  });

  it('disconnects like a pulled cable: the port closes, the board keeps running', async () => {
    await app.write([...F.pinMode(13, F.MODE.OUTPUT), ...F.writePort(1, 1 << 5)]);
    await rig.waitFor(() => rig.digital(13) === 1, 2_000);
    await rig.disconnect();
    await expect.poll(() => app.closed, { timeout: 2_000 }).toBe(true);
    expect(rig.connected).toBe(false);
    await expect(PortReader.open(rig.path)).rejects.toThrow();
    await sleep(50);
    expect(rig.digital(13)).toBe(1);
  });

  it('reconnects at the same path without a reset when asked, and the board still answers', async () => {
    await rig.reconnect({ resetBoard: false });
    expect(rig.connected).toBe(true);
    app = await PortReader.open(rig.path);
    await app.write([F.REPORT_VERSION]);
    await app.until(VERSION_REPLY, 2_000);
    expect(rig.digital(13)).toBe(1);
  });

  it('reconnects after a replug with a board reset by default', async () => {
    await rig.disconnect();
    await rig.reconnect();
    await rig.waitFor(() => rig.digital(13) === 0, 1_000);
    app = await PortReader.open(rig.path);
    await app.write([F.REPORT_VERSION]);
    await app.until(VERSION_REPLY, BOOT_MS);
  });

  it('loses on a pulled cable what the host wrote and the board had not read yet', async () => {
    await app.write(F.pinMode(5, F.MODE.PWM));
    // 12,000 bytes: about 2 s of wire time at 57,600 baud, far more than the board reads before the pull.
    await app.write(Array.from({ length: 4000 }, (_, i) => F.analogWrite(5, i % 2 === 0 ? 100 : 200)).flat());
    await rig.waitFor(() => rig.pwm(5) > 0, BOOT_MS);
    await rig.disconnect();
    const pulledAt = rig.emulatedMs();
    await rig.reconnect({ resetBoard: false });
    await rig.waitFor(() => rig.emulatedMs() >= pulledAt + 500, BOOT_MS);
    // The bytes the chip already held (a few) may land just after the pull; nothing later does.
    expect(rig.pwmHistory(5).filter((change) => change.tMs > pulledAt + 20)).toEqual([]);
  });
});
