/**
 * Stored programs on the emulated Uno running the built firmware (issue #11): upload an image with
 * `prog begin/data/end`, close the link, press the robot's button (D2 low, then high): the board
 * plays the program, and its motors' PWM, directions and durations — in BOARD time — are the
 * reference VM's (docs/bytecode.md's executable spec, itself checked against the host runtime).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileBytecode } from '../../../app/core/bytecode/compile-bytecode';
import { crc16 } from '../../../app/core/bytecode/format';
import { compile } from '../../../app/core/compiler';
import type { Program } from '../../../app/core/ir';
import { findProfile } from '../../../app/core/profiles';
import { startEmulatedUno, pwmSpans, type EmulatedUno } from '../../../firmware-bridge/emulator';
import { parseAnswer } from '../../../firmware-bridge/src/line-transport';
import { uploadProgram, type ProgramLink } from '../../../firmware-bridge/src/upload-program';
import { expectedProgram, loadGoldens } from '../../core/compiler/golden-files';
import { runImage } from '../../core/bytecode/reference-vm';
import { LinePort, ROBOKIT_HEX } from './line-port';

const ROBOT = ['cfg motors hbridge D5 D4 D6 D7 1', 'cfg light D13', 'cfg buzzer D8', 'cfg button D2 0 1', 'cfg calib 20 180'];
const LEFT_PWM = 5;
const LEFT_DIR = 4;
const TOLERANCE_MS = 2;
const SEED = 7;

let rig: EmulatedUno;
let port: LinePort | null = null;

function link(p: LinePort): ProgramLink {
  return { request: async (line, patienceMs) => parseAnswer(await p.ask(line, Math.max(patienceMs ?? 0, 20_000))) };
}

async function open(): Promise<LinePort> {
  port = await LinePort.open(rig.path);
  return port;
}

async function close(): Promise<void> {
  await port?.close();
  port = null;
}

function toImage(name: string, program: Program, profileId: string): Uint8Array {
  const profile = { ...findProfile(profileId)!, calibration: { cmPerSecond: 20, degreesPerSecond: 180 } };
  const result = compileBytecode(program, profile, { seed: SEED, fixedSeed: true });
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems)}`);
  return result.image;
}

function golden(name: string): Uint8Array {
  const found = loadGoldens().find((g) => g.file.startsWith(name))!;
  return toImage(name, expectedProgram(found.golden)!, found.golden.profile);
}

function solution(path: string): Uint8Array {
  const project = JSON.parse(readFileSync(join(import.meta.dirname, '../../../lessons', path), 'utf8')) as { profile: string; workspace: unknown };
  return toImage(path, compile(project.workspace, { profile: findProfile(project.profile)! }).program!, project.profile);
}

/** The reference VM's left-motor timeline: [PWM duty, direction level, held ms]. */
function expectedLeft(image: Uint8Array, limitMs: number): Array<[number, number, number]> {
  const clock = { timeMs: 0 };
  const changes: Array<{ t: number; left: number }> = [];
  const io = {
    motors: { setMotors: (left: number) => { if (changes.at(-1)?.left !== left) changes.push({ t: clock.timeMs, left }); } },
    light: { setLight: () => {} },
    sound: { tone: () => {}, noTone: () => {} },
    pen: { setPen: () => {} },
    distance: { readDistance: () => 100 },
    line: { readLine: () => false },
    lightSensor: { readLight: () => 50 },
    button: { readButton: () => false },
    prepare: async () => {},
    stopAll: async () => {},
  };
  runImage(image, io as never, clock, limitMs);
  if (changes[0]?.left !== 0) changes.unshift({ t: 0, left: 0 });
  return changes.slice(1).map((c, i) => [Math.round((Math.abs(c.left) * 255) / 100), c.left >= 0 ? 1 : 0, (changes[i + 2]?.t ?? Infinity) - c.t]);
}

/** Board-time spans of the left motor's PWM from `fromMs`, with the direction pin's level at each start. */
function boardLeft(fromMs: number, dirLevels: Array<{ t: number; level: number }>): Array<[number, number, number]> {
  const spans = pwmSpans(rig.pwmHistory(LEFT_PWM), LEFT_PWM).filter((s) => s.fromMs >= fromMs);
  const merged: Array<[number, number, number, number]> = [];
  for (const s of spans) {
    const level = [...dirLevels].reverse().find((d) => d.t <= s.fromMs + 0.05)?.level ?? 1;
    const last = merged.at(-1);
    if (last && last[0] === s.duty && (s.duty === 0 || last[1] === level)) last[3] = s.toMs ?? Infinity;
    else merged.push([s.duty, level, s.fromMs, s.toMs ?? Infinity]);
  }
  const trimmed = merged[0]?.[0] === 0 ? merged.slice(1) : merged;
  return trimmed.map(([duty, level, from, to]) => [duty, level, to - from]);
}

async function press(): Promise<number> {
  const at = rig.emulatedMs();
  rig.setDigitalInput(2, 0);
  const until = at + 60;
  await rig.waitFor(() => rig.emulatedMs() >= until, 10_000);
  rig.setDigitalInput(2, 1);
  await rig.waitFor(() => rig.emulatedMs() >= until + 40, 10_000);
  return at;
}

function expectSame(board: Array<[number, number, number]>, expected: Array<[number, number, number]>): void {
  expect(board.map(([d, l]) => [d, d === 0 ? 0 : l])).toEqual(expected.map(([d, l]) => [d, d === 0 ? 0 : l]));
  for (let i = 0; i < expected.length; i++) {
    if (expected[i]![2] === Infinity) continue;
    expect(Math.abs(board[i]![2] - expected[i]![2]), `span ${i}: board ${board[i]![2]} ms, expected ${expected[i]![2]} ms`).toBeLessThanOrEqual(TOLERANCE_MS);
  }
}

beforeAll(async () => {
  rig = await startEmulatedUno({ hexPath: ROBOKIT_HEX });
  const p = await open();
  rig.setDigitalInput(2, 1);
  rig.reset();
  await p.waitFor((line) => line.startsWith('hello '), 10_000);
  for (const line of ROBOT) expect(await p.ask(line)).toBe('ok');
  expect(await p.ask('cfg save')).toMatch(/^ok hash=/);
}, 60_000);

afterAll(async () => {
  await close();
  await rig?.stop();
});

describe('stored programs on the emulated Uno', () => {
  it('uploads, then plays on a press of the button with the link closed, as the reference VM; a second press stops it', async () => {
    const image = golden('11-repeat-square');
    const progress: number[] = [];
    await uploadProgram(link(port!), image, { autostart: false, onProgress: (p) => progress.push(p.sent) });
    expect(progress.at(-1)).toBe(image.length);
    await close();
    const dirLevels: Array<{ t: number; level: number }> = [];
    const off = rig.onPinChange((pin, level, t) => { if (pin === LEFT_DIR) dirLevels.push({ t, level }); });
    dirLevels.push({ t: 0, level: rig.digital(LEFT_DIR) });
    const expected = expectedLeft(image, 60_000);
    const total = expected.reduce((sum, [, , ms]) => sum + (Number.isFinite(ms) ? ms : 0), 0);
    const pressedAt = await press();
    await rig.waitFor(() => rig.emulatedMs() >= pressedAt + total + 300, 120_000);
    off();
    expectSame(boardLeft(pressedAt, dirLevels), expected);
    expect(expected.length).toBeGreaterThanOrEqual(4);
  }, 180_000);

  it('a second press stops a running program: motors 0 at once', async () => {
    const pressedAt = await press();
    await rig.waitFor(() => rig.pwm(LEFT_PWM) > 0, 10_000);
    const stopAt = await press();
    await rig.waitFor(() => rig.pwm(LEFT_PWM) === 0, 10_000);
    const stoppedAt = pwmSpans(rig.pwmHistory(LEFT_PWM), LEFT_PWM).at(-1)!.fromMs;
    expect(stoppedAt).toBeGreaterThan(pressedAt);
    expect(stoppedAt - stopAt).toBeLessThan(100);   // debounce is 20 ms
    const later = rig.emulatedMs() + 1500;
    await rig.waitFor(() => rig.emulatedMs() >= later, 20_000);
    expect(rig.pwm(LEFT_PWM)).toBe(0);
  }, 60_000);

  it('autostart runs it after a board reset', async () => {
    const p = await open();
    expect(await p.ask('prog autostart 1')).toBe('ok');
    const resetAt = rig.emulatedMs();
    rig.reset();
    await p.waitFor((line) => line === 'evt prog start', 10_000);
    await rig.waitFor(() => rig.pwm(LEFT_PWM) > 0, 10_000);
    expect(pwmSpans(rig.pwmHistory(LEFT_PWM), LEFT_PWM).at(-1)!.fromMs).toBeGreaterThan(resetAt);
    expect(await p.ask('m 10 10')).toBe('err busy');
    expect(await p.ask('stop')).toBe('ok');
    expect(rig.pwm(LEFT_PWM)).toBe(0);
    expect(await p.ask('prog autostart 0')).toBe('ok');
  }, 60_000);

  it('refuses a corrupted image (bad CRC) and never runs it', async () => {
    const p = port!;
    const image = golden('11-repeat-square').slice();
    image[20] = image[20]! ^ 0x01;   // a code byte changed after the CRC was taken
    const crc = crc16(image, image.length - 2).toString(16).padStart(4, '0').toUpperCase();
    await expect(uploadProgram(link(p), image)).rejects.toThrow(/err crc/);
    expect(await p.ask('prog info')).toMatch(/valid=0/);
    expect(await p.ask('prog run')).toBe('err prog none');
    const from = p.lines.length;
    await press();
    await p.waitFor((line) => line.startsWith('evt prog'), 5_000, from);
    expect(p.lines.slice(from).map((l) => l.text)).toContain('evt prog error crc');
    expect(rig.pwm(LEFT_PWM)).toBe(0);
    expect(crc).toMatch(/^[0-9A-F]{4}$/);
  }, 60_000);

  it('division by zero stops the program with motors 0 and says where', async () => {
    const p = port!;
    // ENTER 0; motors 50 50; PUSH 1; PUSH 0; DIV; END
    const code = [0x24, 0, 0x02, 50, 0x02, 50, 0x40, 0x02, 1, 0x02, 0, 0x13, 0x00];
    const image = new Uint8Array(16 + code.length + 2);
    image.set([0x52, 0x4b, 1, 1, code.length, 0, 0, 0x01]);
    image.set(code, 16);
    const crc = crc16(image, 16 + code.length);
    image[16 + code.length] = crc & 0xff;
    image[17 + code.length] = crc >> 8;
    await uploadProgram(link(p), image);
    const from = p.lines.length;
    expect(await p.ask('prog run')).toBe('ok');
    await p.waitFor((line) => line.startsWith('evt prog error'), 5_000, from);
    expect(p.lines.slice(from).map((l) => l.text)).toContain('evt prog error div0 11');
    expect(rig.pwm(LEFT_PWM)).toBe(0);
    expect(pwmSpans(rig.pwmHistory(LEFT_PWM), LEFT_PWM).some((s) => s.duty === 128)).toBe(true);
  }, 60_000);
});

/**
 * Conformance on the board: goldens and lesson solutions (loops, procedures with parameters,
 * random with a fixed seed) started with `prog run SEED`; the left motor's PWM, direction
 * and each span's length in board time equal the reference VM's (the same seed), within 2 ms, over
 * the first LIMIT_MS of the program.
 */
const LIMIT_MS = 6_000;
const PROGRAMS: Array<[string, () => Uint8Array]> = [
  ['golden 21 procedure with parameters', () => golden('21-procedure-with-params')],
  ['semaine-2-la-ronde (loops)', () => solution('a-la-maison/projects/semaine-2-la-ronde-solution.robokit')],
  ['molnar-lignes (random, fixed seed)', () => solution('art-et-culture/projects/molnar-lignes-solution.robokit')],
  ['ton-motif (procedures)', () => solution('girls-can-code-robot-artiste/projects/ton-motif-solution.robokit')],
];

describe('conformance on the emulated Uno: the board VM vs the reference VM', () => {
  for (const [label, image] of PROGRAMS) {
    it(label, async () => {
      const bytes = image();
      const p = port ?? (await open());
      await uploadProgram(link(p), bytes);
      const expected = expectedLeft(bytes, LIMIT_MS).filter(([, , ms], i, all) => {
        const start = all.slice(0, i).reduce((sum, [, , held]) => sum + held, 0);
        return start + ms < LIMIT_MS - 50;
      });
      expect(expected.length, `${label} moves the left motor`).toBeGreaterThanOrEqual(2);
      const dirLevels: Array<{ t: number; level: number }> = [{ t: 0, level: rig.digital(LEFT_DIR) }];
      const off = rig.onPinChange((pin, level, t) => { if (pin === LEFT_DIR) dirLevels.push({ t, level }); });
      const startAt = rig.emulatedMs();
      expect(await p.ask(`prog run ${SEED}`)).toBe('ok');
      await rig.waitFor(() => rig.emulatedMs() >= startAt + LIMIT_MS + 200, 120_000);
      off();
      expect(await p.ask('stop')).toBe('ok');
      const board = boardLeft(startAt, dirLevels).slice(0, expected.length);
      expectSame(board, expected);
    }, 180_000);
  }
});
