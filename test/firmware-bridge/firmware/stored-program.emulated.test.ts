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
const [LEFT_PWM, LEFT_DIR, RIGHT_PWM, RIGHT_DIR, LIGHT, BUZZER] = [5, 4, 6, 7, 13, 8];
/** The lowest pitch the firmware plays is 31 Hz: a half-period of 16 ms; a longer gap is a silence. */
const SILENCE_MS = 20;
/**
 * The wave is seen only at its edges: a silence shorter than about a half-period between two pitches
 * (the firmware restarting its timer) cannot be told from none; the reference has none there.
 */
const BOARD_SILENCE_MIN_MS = 4;
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

/**
 * One actuator's timeline as spans [value, held ms]: a motor's value is `duty/direction` (direction 0
 * when stopped), the light's `0`/`1`, the buzzer's pitch in Hz (`0` silent).
 */
type Span = [value: string, heldMs: number, endMs: number];
type Channel = 'left' | 'right' | 'light' | 'tone';
const CHANNELS: readonly Channel[] = ['left', 'right', 'light', 'tone'];
const motorValue = (power: number): string => {
  const duty = Math.round((Math.abs(power) * 255) / 100);
  return `${duty}/${duty === 0 ? 0 : power >= 0 ? 1 : 0}`;
};

/**
 * Changes [t, value] → spans, the first state (before any change) dropped; spans shorter than
 * `dropShorterMs` are left out and equal neighbours merged.
 */
function toSpans(changes: ReadonlyArray<[number, string]>, dropShorterMs = 0): Span[] {
  const spans: Array<[string, number, number]> = [];
  for (const [i, [t, value]] of changes.entries()) {
    const until = changes[i + 1]?.[0] ?? Infinity;
    if (i > 0 && until - t < dropShorterMs) continue;
    const last = spans.at(-1);
    if (last && last[0] === value) last[2] = until;
    else spans.push([value, t, until]);
  }
  return spans.slice(1).map(([value, from, to]) => [value, to - from, to]);
}

/** The reference VM's timelines (docs/bytecode.md's executable spec), over `limitMs`. */
function expectedTimelines(image: Uint8Array, limitMs: number): Record<Channel, Span[]> {
  const clock = { timeMs: 0 };
  const changes: Record<Channel, Array<[number, string]>> = { left: [[0, '0/0']], right: [[0, '0/0']], light: [[0, '0']], tone: [[0, '0']] };
  const set = (channel: Channel, value: string): void => {
    if (changes[channel].at(-1)![1] !== value) changes[channel].push([clock.timeMs, value]);
  };
  const io = {
    motors: { setMotors: (left: number, right: number) => { set('left', motorValue(left)); set('right', motorValue(right)); } },
    light: { setLight: (on: boolean) => set('light', on ? '1' : '0') },
    sound: { tone: (hz: number) => set('tone', String(Math.round(hz))), noTone: () => set('tone', '0') },
    pen: { setPen: () => {} },
    distance: { readDistance: () => 100 },
    line: { readLine: () => false },
    lightSensor: { readLight: () => 50 },
    button: { readButton: () => false },
    prepare: async () => {},
    stopAll: async () => {},
  };
  runImage(image, io as never, clock, limitMs);
  // A pitch followed at once by another leaves a silence of 0 ms, which no buzzer plays.
  return { left: toSpans(changes.left), right: toSpans(changes.right), light: toSpans(changes.light), tone: toSpans(changes.tone, 0.5) };
}

/** What the board's pins did from `fromMs` (board time), read by the rig. */
class BoardRecorder {
  private readonly levels = new Map<number, Array<[number, number]>>();
  private readonly off: () => void;

  constructor(private readonly fromMs: number) {
    for (const pin of [LEFT_DIR, RIGHT_DIR, LIGHT, BUZZER]) this.levels.set(pin, [[0, rig.digital(pin)]]);
    this.off = rig.onPinChange((pin, level, t) => this.levels.get(pin)?.push([t, level]));
  }

  stop(): Record<Channel, Span[]> {
    this.off();
    return { left: this.motor(LEFT_PWM, LEFT_DIR), right: this.motor(RIGHT_PWM, RIGHT_DIR), light: this.light(), tone: this.tone() };
  }

  /** One pin's [t, level] changes as recorded. */
  changes(pin: number): ReadonlyArray<[number, number]> {
    return this.levels.get(pin)!;
  }

  private levelAt(pin: number, t: number): number {
    return [...this.levels.get(pin)!].reverse().find(([at]) => at <= t + 0.05)?.[1] ?? 0;
  }

  private motor(pwmPin: number, dirPin: number): Span[] {
    const spans = pwmSpans(rig.pwmHistory(pwmPin), pwmPin).filter((s) => s.fromMs >= this.fromMs);
    const changes = spans.map((s): [number, string] => [s.fromMs, `${s.duty}/${s.duty === 0 ? 0 : this.levelAt(dirPin, s.fromMs)}`]);
    return toSpans([[this.fromMs, `${rig.pwmHistory(pwmPin).filter((c) => c.tMs < this.fromMs).at(-1)?.duty ?? 0}/0`], ...changes]);
  }

  private light(): Span[] {
    const changes = this.levels.get(LIGHT)!.filter(([t]) => t >= this.fromMs).map(([t, level]): [number, string] => [t, String(level)]);
    return toSpans([[this.fromMs, String(this.levelAt(LIGHT, this.fromMs))], ...changes]);
  }

  /** The buzzer's square wave cut into pitches: a new one at a silence or when the half-period changes by 10 %. */
  private tone(): Span[] {
    const edges = this.levels.get(BUZZER)!.filter(([t]) => t >= this.fromMs).map(([t]) => t);
    const changes: Array<[number, string]> = [[this.fromMs, '0']];
    let first = 0;
    const close = (last: number): void => {
      if (last - first < 2) return;
      const half = (edges[last]! - edges[first]!) / (last - first);
      changes.push([edges[first]!, String(Math.round(1000 / (2 * half)))], [edges[last]! + half, '0']);
    };
    for (let i = 1; i <= edges.length; i++) {
      const gap = (edges[i] ?? Infinity) - edges[i - 1]!;
      const half = i - first >= 2 ? (edges[i - 1]! - edges[first]!) / (i - 1 - first) : gap;
      if (gap > SILENCE_MS || Math.abs(gap - half) > half * 0.1) {
        close(i - 1);
        first = i;
      }
    }
    return toSpans(changes.sort((a, b) => a[0] - b[0]), BOARD_SILENCE_MIN_MS);
  }
}

const f32 = (value: number): number[] => [...new Uint8Array(Float32Array.of(value).buffer)];

/** A hand-written image: header, code, then its CRC-16. */
function withCrc(header: readonly number[], code: readonly number[]): Uint8Array {
  const image = new Uint8Array(16 + code.length + 2);
  image.set(header);
  image.set(code, 16);
  const crc = crc16(image, 16 + code.length);
  image[16 + code.length] = crc & 0xff;
  image[17 + code.length] = crc >> 8;
  return image;
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

/**
 * Every channel's spans equal the reference's: the same values (a pitch within 3 %) and each held as
 * long within 2 ms of board time (a pitch within 2 ms plus one half-period: the buzzer's wave is seen
 * only at its edges). `upToMs`: only spans that end before it are compared (the run was cut there).
 */
function expectSameTimelines(board: Record<Channel, Span[]>, expected: Record<Channel, Span[]>, upToMs = Infinity): void {
  for (const channel of CHANNELS) {
    const whole = expected[channel].filter(([, , end]) => upToMs === Infinity || end < upToMs - 50);
    const seen = board[channel].slice(0, whole.length);
    const tone = channel === 'tone';
    expect(seen.map(([v]) => (tone ? Math.round(Number(v) / 10) : v)), `${channel}: board ${JSON.stringify(seen)}`).toEqual(
      whole.map(([v]) => (tone ? Math.round(Number(v) / 10) : v)),
    );
    for (const [i, [value, ms]] of whole.entries()) {
      if (ms === Infinity) continue;
      const slack = tone && value !== '0' ? 1000 / (2 * Number(value)) : 0;
      expect(Math.abs(seen[i]![1] - ms), `${channel} span ${i} (${value}): board ${seen[i]![1]} ms, expected ${ms} ms`).toBeLessThanOrEqual(TOLERANCE_MS + slack);
      if (tone && value !== '0') expect(Math.abs(Number(seen[i]![0]) - Number(value)) / Number(value)).toBeLessThan(0.03);
    }
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
    const expected = expectedTimelines(image, 60_000);
    const total = Math.max(...CHANNELS.map((c) => expected[c].reduce((sum, [, ms]) => sum + (Number.isFinite(ms) ? ms : 0), 0)));
    const recorder = new BoardRecorder(rig.emulatedMs());
    const pressedAt = await press();
    await rig.waitFor(() => rig.emulatedMs() >= pressedAt + total + 300, 120_000);
    expectSameTimelines(recorder.stop(), expected);
    expect(expected.left.length).toBeGreaterThanOrEqual(4);
    expect(expected.right.length).toBeGreaterThanOrEqual(4);
  }, 180_000);

  it('a second press stops a running program: motors 0 at once', async () => {
    const pressedAt = await press();
    await rig.waitFor(() => rig.pwm(LEFT_PWM) > 0, 30_000);
    const stopAt = await press();
    await rig.waitFor(() => rig.pwm(LEFT_PWM) === 0, 30_000);
    const stoppedAt = pwmSpans(rig.pwmHistory(LEFT_PWM), LEFT_PWM).at(-1)!.fromMs;
    expect(stoppedAt).toBeGreaterThan(pressedAt);
    expect(stoppedAt - stopAt).toBeLessThan(100);   // debounce is 20 ms
    const later = rig.emulatedMs() + 1500;
    await rig.waitFor(() => rig.emulatedMs() >= later, 30_000);
    expect(rig.pwm(LEFT_PWM)).toBe(0);
  }, 120_000);

  it('autostart runs it after a board reset', async () => {
    const p = await open();
    expect(await p.ask('prog autostart 1')).toBe('ok');
    const resetAt = rig.emulatedMs();
    rig.reset();
    await p.waitFor((line) => line === 'evt prog start', 10_000);
    await rig.waitFor(() => rig.pwm(LEFT_PWM) > 0, 10_000);
    expect(pwmSpans(rig.pwmHistory(LEFT_PWM), LEFT_PWM).at(-1)!.fromMs).toBeGreaterThan(resetAt);
    expect(await p.ask('m 10 10')).toBe('err busy');
    const stopAt = rig.emulatedMs();
    expect(await p.ask('stop')).toBe('ok');
    // The rig publishes pins between slices of emulation, so the answer can reach the host first:
    // wait for the pin, then check in board time that it fell with the stop.
    await rig.waitFor(() => rig.pwm(LEFT_PWM) === 0, 10_000);
    expect(pwmSpans(rig.pwmHistory(LEFT_PWM), LEFT_PWM).at(-1)!.fromMs - stopAt).toBeLessThan(100);
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
    await uploadProgram(link(p), withCrc([0x52, 0x4b, 1, 1, code.length, 0, 0, 0x01], code));
    const from = p.lines.length;
    expect(await p.ask('prog run')).toBe('ok');
    await p.waitFor((line) => line.startsWith('evt prog error'), 5_000, from);
    expect(p.lines.slice(from).map((l) => l.text)).toContain('evt prog error div0 11');
    expect(rig.pwm(LEFT_PWM)).toBe(0);
    expect(pwmSpans(rig.pwmHistory(LEFT_PWM), LEFT_PWM).some((s) => s.duty === 128)).toBe(true);
  }, 60_000);

  it('division by zero started from the button (no cable): motors 0, 3 quick blinks and a low beep, in board time', async () => {
    // ENTER 0; motors 50 50; wait 0.2 s; PUSH 1; PUSH 0; DIV; END
    const code = [0x24, 0, 0x02, 50, 0x02, 50, 0x40, 0x01, ...f32(0.2), 0x47, 0x02, 1, 0x02, 0, 0x13, 0x00];
    await uploadProgram(link(port ?? (await open())), withCrc([0x52, 0x4b, 1, 1, code.length, 0, 0, 0x07], code));
    await close();
    const quiet = rig.emulatedMs() + 500; // the live link's failsafe has fired: the cable is gone
    await rig.waitFor(() => rig.emulatedMs() >= quiet, 20_000);
    const recorder = new BoardRecorder(rig.emulatedMs());
    const pressedAt = await press();
    await rig.waitFor(() => rig.emulatedMs() >= pressedAt + 200 + 1_000, 30_000);
    const board = recorder.stop();
    expect(board.left.map(([v, ms]) => [v, Number.isFinite(ms) ? Math.round(ms / 10) * 10 : ms])).toEqual([['128/1', 200], ['0/0', Infinity]]);
    expect(board.right.map(([v]) => v)).toEqual(['128/1', '0/0']);
    // The blink code: on, off, on, off, on 100 ms each, then off; the beep: 220 Hz for 300 ms.
    const light = board.light.map(([v, ms]): [string, number] => [v, ms]);
    expect(light.map(([v]) => v)).toEqual(['1', '0', '1', '0', '1', '0']);
    for (const [, ms] of light.slice(0, 5)) expect(Math.abs(ms - 100), `blink ${JSON.stringify(light)}`).toBeLessThanOrEqual(TOLERANCE_MS);
    expect(board.tone.map(([v]) => v).slice(-1)).toEqual(['0']);
    expect(board.tone).toHaveLength(2);
    expect(Math.abs(Number(board.tone[0]![0]) - 220)).toBeLessThanOrEqual(5);
    expect(Math.abs(board.tone[0]![1] - 300), `beep ${JSON.stringify(board.tone)}`).toBeLessThanOrEqual(TOLERANCE_MS + 1000 / 440);
    // The signal starts when the motors stop (the fault).
    const faultAt = pwmSpans(rig.pwmHistory(LEFT_PWM), LEFT_PWM).filter((x) => x.fromMs >= pressedAt).at(-1)!.fromMs;
    const firstBlink = recorder.changes(LIGHT).find(([t, level]) => t >= pressedAt && level === 1)![0];
    expect(Math.abs(firstBlink - faultAt)).toBeLessThanOrEqual(1);
  }, 90_000);
});

/**
 * Conformance on the board: goldens and lesson solutions (loops, procedures with parameters,
 * random with a fixed seed, light and pitches) started with `prog run SEED`; both motors' PWM and
 * directions, the light and the buzzer's pitch, and each span's length in board time, equal the
 * reference VM's (the same seed), within 2 ms, over the first LIMIT_MS of the program.
 */
const LIMIT_MS = 6_000;
const PROGRAMS: Array<[string, () => Uint8Array]> = [
  ['golden 21 procedure with parameters', () => golden('21-procedure-with-params')],
  ['semaine-2-la-ronde (loops)', () => solution('a-la-maison/projects/semaine-2-la-ronde-solution.robokit')],
  ['molnar-lignes (random, fixed seed)', () => solution('art-et-culture/projects/molnar-lignes-solution.robokit')],
  ['ton-motif (procedures)', () => solution('girls-can-code-robot-artiste/projects/ton-motif-solution.robokit')],
  ['golden 05 light and beep', () => golden('05-led-and-beep')],
];

describe('conformance on the emulated Uno: the board VM vs the reference VM', () => {
  for (const [label, image] of PROGRAMS) {
    it(label, async () => {
      const bytes = image();
      const p = port ?? (await open());
      await uploadProgram(link(p), bytes);
      const expected = expectedTimelines(bytes, LIMIT_MS);
      const spans = CHANNELS.reduce((n, c) => n + expected[c].filter(([v]) => v !== '0' && v !== '0/0').length, 0);
      expect(spans, `${label} moves, lights or beeps`).toBeGreaterThanOrEqual(2);
      const recorder = new BoardRecorder(rig.emulatedMs());
      expect(await p.ask(`prog run ${SEED}`)).toBe('ok');
      const startAt = rig.emulatedMs();
      await rig.waitFor(() => rig.emulatedMs() >= startAt + LIMIT_MS + 200, 120_000);
      const board = recorder.stop();
      expect(await p.ask('stop')).toBe('ok');
      expectSameTimelines(board, expected, LIMIT_MS);
    }, 180_000);
  }
});
