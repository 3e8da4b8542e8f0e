/**
 * What the RoboKit firmware times itself, measured in board time (the emulated CPU's cycles, the
 * rig's tMs): timed moves, the failsafe. The emulator runs slower than real time on this machine;
 * none of this depends on it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatedUno, pwmSpans, type EmulatedUno } from '../../../firmware-bridge/emulator';
import { LinePort, ROBOKIT_HEX } from './line-port';

const ARDUINO_2WD = ['cfg motors hbridge D5 D4 D6 D7 1', 'cfg light D13', 'cfg buzzer D8'];
const LEFT_PWM = 5;
const RIGHT_PWM = 6;

let rig: EmulatedUno;
let port: LinePort;

/** Board ms the pin held `duty` in its last span of that duty that has ended. */
function lastHeld(pin: number, duty: number): number {
  const spans = pwmSpans(rig.pwmHistory(pin), pin).filter((span) => span.duty === duty && span.toMs !== null);
  const span = spans.at(-1);
  if (!span) throw new Error(`D${pin} never held ${duty}: ${JSON.stringify(rig.pwmHistory(pin))}`);
  return span.toMs! - span.fromMs;
}

beforeAll(async () => {
  rig = await startEmulatedUno({ hexPath: ROBOKIT_HEX });
  port = await LinePort.open(rig.path);
  rig.reset();
  await port.waitFor((line) => line.startsWith('hello '), 10_000);
  for (const line of ARDUINO_2WD) expect(await port.ask(line)).toBe('ok');
});

afterAll(async () => {
  await port?.close();
  await rig?.stop();
});

describe('RoboKit firmware: moves timed by the board', () => {
  it('lasts 1000 ± 5 ms of board time, the first move of the connection included', async () => {
    const stopBeats = port.heartbeats();
    try {
      for (const tag of [1, 2, 3]) {
        const from = port.lines.length;
        expect(await port.ask(`move 50 -50 1000 ${tag}`)).toBe('ok');
        await port.waitFor((line) => line === `done ${tag}`, 20_000, from);
        await rig.waitFor(() => rig.pwm(LEFT_PWM) === 0 && rig.pwm(RIGHT_PWM) === 0, 2000);
        expect(lastHeld(LEFT_PWM, 128)).toBeGreaterThanOrEqual(995);
        expect(lastHeld(LEFT_PWM, 128)).toBeLessThanOrEqual(1005);
        expect(lastHeld(RIGHT_PWM, 128)).toBeGreaterThanOrEqual(995);
        expect(lastHeld(RIGHT_PWM, 128)).toBeLessThanOrEqual(1005);
      }
    } finally {
      await stopBeats();
    }
  });

  it('stops at once on stop, saying which move was cancelled', async () => {
    const stopBeats = port.heartbeats();
    try {
      const from = port.lines.length;
      expect(await port.ask('move 100 100 60000 41')).toBe('ok');
      await rig.waitFor(() => rig.pwm(LEFT_PWM) === 255, 5000);
      expect(await port.ask('stop')).toBe('ok');
      await port.waitFor((line) => line === 'stopped 41', 5000, from);
      expect(rig.pwm(LEFT_PWM)).toBe(0);
      expect(port.lines.slice(from).map((line) => line.text)).not.toContain('done 41');
    } finally {
      await stopBeats();
    }
  });

  it('says which timed action a new command cancelled', async () => {
    const stopBeats = port.heartbeats();
    try {
      const from = port.lines.length;
      expect(await port.ask('move 50 50 60000 11')).toBe('ok');
      expect(await port.ask('move -50 50 60000 12')).toBe('ok'); // a new move replaces the old
      expect(await port.ask('m 20 20')).toBe('ok'); // live power ends the timed move
      expect(await port.ask('tone 440 60000 13')).toBe('ok');
      expect(await port.ask('tone 0')).toBe('ok');
      expect(await port.ask('stop')).toBe('ok');
      await port.waitFor((line) => line === 'stopped 13', 5000, from);
      const events = port.lines.slice(from).map((line) => line.text).filter((line) => line.startsWith('stopped') || line.startsWith('done'));
      expect(events).toEqual(['stopped 11', 'stopped 12', 'stopped 13']);
      await rig.waitFor(() => rig.pwm(LEFT_PWM) === 0, 2000);
    } finally {
      await stopBeats();
    }
  });

  it('times a tone by the board too', async () => {
    const stopBeats = port.heartbeats();
    try {
      const from = port.lines.length;
      const edges: number[] = [];
      const off = rig.onPinChange((pin, _level, tMs) => pin === 8 && edges.push(tMs));
      expect(await port.ask('tone 440 200 5')).toBe('ok');
      await port.waitFor((line) => line === 'done 5', 10_000, from);
      off();
      const periods = edges.slice(1).map((t, i) => t - edges[i]!);
      const halfPeriod = periods.reduce((a, b) => a + b, 0) / periods.length;
      expect(1000 / (2 * halfPeriod)).toBeCloseTo(440, -1);
      expect(edges.at(-1)! - edges[0]!).toBeGreaterThan(195);
      expect(edges.at(-1)! - edges[0]!).toBeLessThan(205);
    } finally {
      await stopBeats();
    }
  });
});

describe('RoboKit firmware: the failsafe', () => {
  it('puts the motors to 0 on the board 300 ms after the last line, once', async () => {
    const from = port.lines.length;
    expect(await port.ask('m 50 50')).toBe('ok');
    await port.waitFor((line) => line === 'evt failsafe', 10_000, from);
    await rig.waitFor(() => rig.pwm(LEFT_PWM) === 0, 2000);
    // from the line that started the motors (the last one the board heard, a few µs before the
    // motors started) to motors 0
    expect(lastHeld(LEFT_PWM, 128)).toBeGreaterThanOrEqual(299.5);
    expect(lastHeld(LEFT_PWM, 128)).toBeLessThanOrEqual(305);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(port.lines.slice(from).filter((line) => line.text === 'evt failsafe')).toHaveLength(1);
  });

  it('cancels a timed move with a stopped event', async () => {
    const from = port.lines.length;
    expect(await port.ask('move 50 50 5000 77')).toBe('ok');
    await port.waitFor((line) => line === 'evt failsafe', 10_000, from);
    expect(port.lines.slice(from).map((line) => line.text)).toEqual(['ok', 'stopped 77', 'evt failsafe']);
    expect(lastHeld(LEFT_PWM, 128)).toBeLessThanOrEqual(305);
  });

  it('never fires while heartbeats flow', async () => {
    const from = port.lines.length;
    const stopBeats = port.heartbeats();
    const started = rig.emulatedMs();
    try {
      expect(await port.ask('m 50 50')).toBe('ok');
      await rig.waitFor(() => rig.emulatedMs() - started > 1500, 30_000);
      expect(rig.pwm(LEFT_PWM)).toBe(128);
      expect(await port.ask('stop')).toBe('ok');
    } finally {
      await stopBeats();
    }
    expect(port.lines.slice(from).map((line) => line.text)).not.toContain('evt failsafe');
  });

  it('waits as long as `failsafe MS` says', async () => {
    expect(await port.ask('failsafe 1000')).toBe('ok');
    const from = port.lines.length;
    expect(await port.ask('m 30 30')).toBe('ok');
    await port.waitFor((line) => line === 'evt failsafe', 20_000, from);
    expect(lastHeld(LEFT_PWM, 77)).toBeGreaterThanOrEqual(999.5);
    expect(lastHeld(LEFT_PWM, 77)).toBeLessThanOrEqual(1005);
    expect(await port.ask('failsafe 300')).toBe('ok');
  });
});

describe('RoboKit firmware: the AVR hardware watchdog', () => {
  it('resets a hung board within 250 ms of board time, motors off, and it says hello again', async () => {
    const stopBeats = port.heartbeats();
    try {
      expect(await port.ask('m 50 50')).toBe('ok');
      await rig.waitFor(() => rig.pwm(LEFT_PWM) === 128, 5000);
      const from = port.lines.length;
      const hungAtMs = rig.emulatedMs(); // the worker applies it within one chunk (≤ 4 ms)
      rig.hang();
      await port.waitFor((line) => line.startsWith('hello '), 10_000, from);
      // the motors stayed on while nothing ran; the watchdog's reset turned every pin off
      const reset = rig.pwmHistory(LEFT_PWM).at(-1)!;
      expect(reset.duty).toBe(0);
      expect(reset.tMs - hungAtMs).toBeGreaterThan(200);
      expect(reset.tMs - hungAtMs).toBeLessThan(270);
    } finally {
      await stopBeats();
    }
  });
});
