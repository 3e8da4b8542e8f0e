/**
 * The RoboKit firmware, built from source (firmware-bridge/firmware/robokit.hex), on the emulated
 * Uno at 115200 baud: the answers of docs/protocol.md.
 */
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatedUno, type EmulatedUno } from '../../../firmware-bridge/emulator';
import { LinePort, ROBOKIT_HEX } from './line-port';

const HELLO = /^hello fw=robokit ver=\d+\.\d+\.\d+ proto=1 board=uno id=([0-9A-F]{8}) caps=(\S+) kit=(\S+) name=(.+)$/;

let rig: EmulatedUno;
let port: LinePort;

/** Resets the board as a USB open does and waits for its boot announcement. */
async function boot(): Promise<string> {
  const from = port.lines.length;
  rig.reset();
  const index = await port.waitFor((line) => line.startsWith('hello '), 10_000, from);
  return port.lines[index]!.text;
}

beforeAll(async () => {
  rig = await startEmulatedUno({ hexPath: ROBOKIT_HEX });
  port = await LinePort.open(rig.path);
  await boot();
});

afterAll(async () => {
  await port?.close();
  await rig?.stop();
});

describe('RoboKit firmware on the emulated Uno: identity', () => {
  it('announces itself at boot within 1 s of board time, and answers hello the same', async () => {
    const before = rig.emulatedMs();
    const announced = await boot();
    expect(rig.emulatedMs() - before).toBeLessThan(1000);
    expect(announced).toMatch(HELLO);
    expect(await port.ask('hello')).toBe(announced);
  });

  it('a new board has no id (00000000) until the host gives it one; it keeps its id and name in EEPROM across a reset', async () => {
    expect(HELLO.exec(await port.ask('hello'))![1]).toBe('00000000');
    expect(await port.ask('id 3f2a9C01')).toBe('ok');
    const id = HELLO.exec(await port.ask('hello'))![1];
    expect(id).toBe('3F2A9C01');
    expect(await port.ask('name Robot Lila')).toBe('ok');
    const after = await boot();
    expect(HELLO.exec(after)!.slice(1)).toEqual([id, '-', '-', 'Robot Lila']);
    expect(await port.ask('name -')).toBe('ok');
    expect(HELLO.exec(await port.ask('hello'))![4]).toBe('-');
  });

  it('refuses a name longer than 24 bytes and keeps the old one', async () => {
    expect(await port.ask('name Lila')).toBe('ok');
    expect(await port.ask(`name ${'x'.repeat(25)}`)).toBe('err range TEXT');
    expect(HELLO.exec(await port.ask('hello'))![4]).toBe('Lila');
  });
});

describe('RoboKit firmware on the emulated Uno: errors', () => {
  it.each([
    ['moev 1', 'err unknown moev'],
    ['m 50 0', 'err nocap'],
    ['m 120 0', 'err range L'],
    ['m 1', 'err args'],
    ['m x 0', 'err num L'],
    ['failsafe 50', 'err range MS'],
    ['failsafe 3.5', 'err num MS'],
    [`hb ${'x'.repeat(70)}`, 'err long'],
    ['cfg motors hbridge D4 D5 D6 D7 1', 'err range motors'],
    ['cfg motors hbridge D5 D4 D6 D7 1 8', 'err range MIRROR'],
    ['cfg motors servo D10 D11 4', 'err range MIRROR'],
    ['cfg light D0', 'err range PIN'],
    ['cfg light A6', 'err range PIN'],
    ['id 00000000', 'err range ID'],
    ['id 3F2A9C0', 'err range ID'],
    ['id 3F2A9C011', 'err num ID'],
    ['id 3F2A9G01', 'err num ID'],
  ])('%s → %s', async (line, answer) => {
    expect(await port.ask(line)).toBe(answer);
  });
});

describe('RoboKit firmware on the emulated Uno: configuration and motors', () => {
  it('applies the arduino-2wd wiring and hashes its canonical text', async () => {
    expect(await port.ask('cfg reset')).toBe('ok');
    expect(await port.ask('cfg hash')).toBe('ok hash=00000000');
    const lines = ['cfg motors hbridge D5 D4 D6 D7 1 0', 'cfg light D13', 'cfg kit arduino-2wd'];
    for (const line of lines) expect(await port.ask(line)).toBe('ok');
    const expected = crc32(lines.map((line) => `${line}\n`).join('')).toString(16).toUpperCase().padStart(8, '0');
    expect(await port.ask('cfg save')).toBe(`ok hash=${expected}`);
    expect(await port.ask('cfg hash')).toBe(`ok hash=${expected}`);
    expect(await port.ask('hello')).toMatch(/ caps=motors,light kit=arduino-2wd /);
    // kept in EEPROM: after a reset the board has the same wiring, and the same hash
    expect(await boot()).toMatch(/ caps=motors,light kit=arduino-2wd /);
    expect(await port.ask('cfg hash')).toBe(`ok hash=${expected}`);
  });

  it('drives the motors, then stops', async () => {
    expect(await port.ask('m 50 -100')).toBe('ok');
    await rig.waitFor(() => rig.pwm(5) === 128 && rig.pwm(6) === 255, 2000);
    expect(rig.digital(4)).toBe(1);
    expect(rig.digital(7)).toBe(0);
    expect(await port.ask('stop')).toBe('ok');
    await rig.waitFor(() => rig.pwm(5) === 0 && rig.pwm(6) === 0, 2000);
  });

  it('lights the light', async () => {
    expect(await port.ask('led 1')).toBe('ok');
    await rig.waitFor(() => rig.digital(13) === 1, 2000);
    expect(await port.ask('led 0')).toBe('ok');
    await rig.waitFor(() => rig.digital(13) === 0, 2000);
  });

  it('drives a two-input driver (MIRROR bit 2, L9110): the PWM inverted while the direction pin is HIGH', async () => {
    expect(await port.ask('cfg motors hbridge D5 D4 D6 D7 0 4')).toBe('ok');
    expect(await port.ask('m 25 -25')).toBe('ok');
    // left forward: direction LOW, PWM 64/255; right backward: direction HIGH, PWM LOW 64/255 of the time
    await rig.waitFor(() => rig.pwm(5) === 64 && rig.pwm(6) === 191, 2000);
    expect([rig.digital(4), rig.digital(7)]).toEqual([0, 1]);
    expect(await port.ask('stop')).toBe('ok');
    await rig.waitFor(() => rig.pwm(5) === 0 && rig.pwm(6) === 0 && rig.digital(7) === 0, 2000);
    expect(await port.ask('cfg motors hbridge D5 D4 D6 D7 1 0')).toBe('ok');
  });
});
