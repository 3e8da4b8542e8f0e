/**
 * « Envoyer dans le robot » in the browser against `robokit serve` (issue #11), with the emulated Uno
 * running the built RoboKit firmware behind a pseudo-terminal. The pupil connects, sees the size and
 * the `say` block the robot skips, sends with a progress bar, reads « Débranche le robot et appuie
 * sur son bouton »; the link is closed and the cable pulled, the rig presses the robot's button (D2
 * low): both motors play the program, timed in BOARD time. Connected again, Stop in the app stops
 * the stored program. A program too big, and one using a sensor the robot lacks, are refused with
 * one sentence (the second naming the block) and nothing is sent.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pwmSpans, startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import { nameRobotOn } from '../../firmware-bridge/src/robokit-roll-call';
import { ROBOKIT_HEX } from '../firmware-bridge/firmware/line-port';
import { uploadProject } from './app-page';
import { RESULTS_DIR, buildRenderer, openApp, startRig, type Rig } from './harness';

type Block = Record<string, unknown>;
const num = (id: string, value: number) => ({ shadow: { type: 'math_number', id, fields: { NUM: value } } });
function project(name: string, profile: string, ...blocks: Block[]): object {
  let next: Block | undefined;
  for (const block of [...blocks].reverse()) next = { ...block, ...(next ? { next: { block: next } } : {}) };
  return {
    format: 'robokit-project',
    version: 1,
    name,
    profile,
    workspace: { blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', x: 40, y: 40, ...(next ? { next: { block: next } } : {}) }] } },
  };
}
const say = (id: string, text: string): Block => ({ type: 'robokit_say', id, inputs: { TEXT: { shadow: { type: 'text', id: `${id}-t`, fields: { TEXT: text } } } } });
const move = (id: string, seconds: number): Block => ({ type: 'robot_move', id, fields: { DIRECTION: 'FORWARD' }, inputs: { SPEED: num(`${id}-s`, 50), SECONDS: num(`${id}-d`, seconds) } });
const motors = (id: string, left: number, right: number): Block => ({ type: 'robot_motors', id, inputs: { LEFT: num(`${id}-l`, left), RIGHT: num(`${id}-r`, right) } });
const wait = (id: string, seconds: number): Block => ({ type: 'robokit_wait', id, inputs: { SECONDS: num(`${id}-s`, seconds) } });

/** Say hello (skipped on the robot), forward 50 % for 1 s, spin left at 30 % for 0.5 s, stop. */
const TRIP = project('Traverser la classe', 'arduino-2wd', say('hello', 'En route !'), move('go', 1), motors('spin', -30, 30), wait('spin-wait', 0.5), { type: 'robot_stop', id: 'halt' });
/** Forward for 20 s: still running when Stop is pressed. */
const LONG = project('Longue route', 'arduino-2wd', move('far', 20));
/** 200 moves of different lengths: far more than the robot's 896 bytes. */
const HUGE = project('Trop long', 'arduino-2wd', ...Array.from({ length: 200 }, (_, i) => move(`m${i}`, 1.5 + i)));
/** Waits for the dark line: a servo-bot has no line sensor. */
const LINE = project('Suivre la ligne', 'servo-bot', move('go', 1), {
  type: 'robokit_wait_until',
  id: 'until',
  inputs: { CONDITION: { block: { type: 'robot_line', id: 'line', fields: { SIDE: 'LEFT' } } } },
});

const [LEFT_PWM, LEFT_DIR, RIGHT_PWM, RIGHT_DIR, BUTTON] = [5, 4, 6, 7, 2];
const TOLERANCE_MS = 2;

let uno: EmulatedUno | undefined;
let rig: Rig | undefined;

beforeAll(async () => {
  await buildRenderer();
  uno = await startEmulatedUno({ hexPath: ROBOKIT_HEX });
  uno.setDigitalInput(BUTTON, 1); // the button's pull-up: not pressed
  await uno.waitFor(() => uno!.emulatedMs() > 500, 30_000);
  // Its name in its EEPROM, as the class set it up (and the board answers before the page connects).
  expect((await nameRobotOn(uno.path, 'Robot Lila', { timeoutMs: 30_000 }))?.name).toBe('Robot Lila');
  rig = await startRig({ robotPorts: [uno.path] });
  await openApp(rig);
}, 120_000);

afterAll(async () => {
  await rig?.close();
  await uno?.stop();
});

async function connect(profile: string): Promise<void> {
  const p = rig!.page;
  const board = uno!;
  await expect.poll(() => p.locator(`#robot-select option[value="${board.path}"]`).count(), { timeout: 10_000 }).toBe(1);
  await p.locator('#robot-select').selectOption(board.path);
  await p.locator('#profile-select').selectOption(profile);
  let problem: string | null = null;
  // A second click, as a pupil would: on this shared 2-core machine at load ~20 the emulated board
  // (≈ 0.1× real time) sometimes misses the host's first 3.5 s RoboKit probe (a known limit, see
  // the stops' notes); the product then says what to do, and the next click connects.
  for (let attempt = 0; attempt < 2; attempt++) {
    await p.locator('#connect').click();
    // The first connection with a profile configures the board (EEPROM writes).
    await expect.poll(() => p.locator('#connection').getAttribute('data-state'), { timeout: 60_000, interval: 200 }).not.toBe('connecting');
    if ((await p.locator('#connection').getAttribute('data-state')) === 'ready') return;
    problem = await p.locator('#robot-problem').textContent();
  }
  expect.fail(`not connected: ${problem}`);
}

async function disconnect(): Promise<void> {
  const p = rig!.page;
  await p.locator('#connect').click();
  await expect.poll(() => p.locator('#connection').getAttribute('data-state'), { timeout: 10_000 }).toBe('none');
}

/** The rig presses the robot's button for 60 ms of board time; returns when it was pressed. */
async function pressButton(): Promise<number> {
  const board = uno!;
  const at = board.emulatedMs();
  board.setDigitalInput(BUTTON, 0);
  await board.waitFor(() => board.emulatedMs() >= at + 60, 10_000);
  board.setDigitalInput(BUTTON, 1);
  return at;
}

/** One motor's spans from `fromMs` in board time: [duty, direction level, held ms], equal neighbours merged. */
function motorSpans(pwmPin: number, dirLevels: ReadonlyArray<{ t: number; level: number }>, fromMs: number): Array<[number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (const s of pwmSpans(uno!.pwmHistory(pwmPin), pwmPin).filter((x) => x.fromMs >= fromMs)) {
    const level = [...dirLevels].reverse().find((d) => d.t <= s.fromMs + 0.05)?.level ?? 1;
    const last = out.at(-1);
    if (last && last[0] === s.duty && (s.duty === 0 || last[1] === level)) last[3] = s.toMs ?? Infinity;
    else out.push([s.duty, s.duty === 0 ? 0 : level, s.fromMs, s.toMs ?? Infinity]);
  }
  return out.map(([duty, level, from, to]) => [duty, level, to - from]);
}

describe('« Envoyer dans le robot » from the robot panel', () => {
  test('send with progress and the byte count; unplugged, the robot’s button plays both motors as the blocks say, in board time', async () => {
    const p = rig!.page;
    const board = uno!;
    await connect('arduino-2wd');
    expect(await p.locator('#send-title').textContent()).toBe('Envoyer dans le robot');
    await uploadProject(p, 'traverser.robokit', TRIP);
    await expect.poll(() => p.locator('#editor g[data-id="spin"]').count()).toBe(1);

    // Before sending: the size and what the robot skips (worked out again after the project opened).
    await expect.poll(() => p.locator('#send-skipped li').count(), { timeout: 10_000 }).toBe(1);
    expect(await p.locator('#send-size').textContent()).toMatch(/^Ton programme utilise \d+ octets sur 896\.$/);
    const bytes = Number(await p.locator('#send-size').getAttribute('data-bytes'));
    expect(bytes).toBeGreaterThan(16);
    expect(await p.locator('#send-skipped-title').textContent()).toMatch(/^Le robot sautera\s:$/);
    expect(await p.locator('#send-skipped li').allTextContents()).toEqual([expect.stringMatching(/^Le bloc «\s?dire “En route !”\s?» sera sauté\s?: le robot n’a pas d’écran/)]);
    expect(await p.locator('#send-autostart').isChecked()).toBe(false);

    // The bar's every value while sending.
    await p.locator('#send-progress').evaluate((bar) => {
      const seen: number[] = [];
      (window as unknown as { sendProgress: number[] }).sendProgress = seen;
      new MutationObserver(() => seen.push((bar as HTMLProgressElement).value)).observe(bar, { attributes: true, attributeFilter: ['value'] });
    });
    await p.locator('#send-robot').click();
    await expect.poll(() => p.locator('#send-result').getAttribute('data-outcome'), { timeout: 60_000, interval: 100 }).toBe('sent');
    expect(await p.locator('#send-result').textContent()).toMatch(/Ton programme est dans le robot\s?! Débranche le robot et appuie sur son bouton\./);
    const seen = await p.evaluate(() => (window as unknown as { sendProgress: number[] }).sendProgress);
    expect(seen.some((v) => v > 0 && v < 100), `progress seen: ${seen.join(', ')}`).toBe(true);
    expect(seen.at(-1)).toBe(100);
    expect(await p.locator('#send-size').textContent()).toMatch(new RegExp(`^Ton programme utilise ${bytes} octets sur 896\\.$`));
    await p.locator('#send-section').scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(RESULTS_DIR, 'send-program-fr.png') });

    // Close the link, pull the cable, press the robot's button.
    await disconnect();
    await board.disconnect();
    try {
      const settled = board.emulatedMs() + 500; // the live failsafe is over: nothing else moves the motors
      await board.waitFor(() => board.emulatedMs() >= settled, 20_000);
      const dirLevels = new Map<number, Array<{ t: number; level: number }>>([LEFT_DIR, RIGHT_DIR].map((pin) => [pin, [{ t: 0, level: board.digital(pin) }]]));
      const off = board.onPinChange((pin, level, t) => dirLevels.get(pin)?.push({ t, level }));
      const pressedAt = await pressButton();
      await board.waitFor(() => board.emulatedMs() >= pressedAt + 1_500 + 400, 60_000);
      off();
      const left = motorSpans(LEFT_PWM, dirLevels.get(LEFT_DIR)!, pressedAt);
      const right = motorSpans(RIGHT_PWM, dirLevels.get(RIGHT_DIR)!, pressedAt);
      // 50 % forward → PWM 128, both directions HIGH, for 1,000 ms, then 0 (the move's end); then
      // left −30 % / right 30 % → PWM 77 for 500 ms (the wait); then 0 (stop), as the host runtime does.
      expect(left.map(([duty, level]) => [duty, level])).toEqual([[128, 1], [0, 0], [77, 0], [0, 0]]);
      expect(right.map(([duty, level]) => [duty, level])).toEqual([[128, 1], [0, 0], [77, 1], [0, 0]]);
      for (const spans of [left, right]) {
        expect(Math.abs(spans[0]![2] - 1000), `forward held ${spans[0]![2]} ms of board time`).toBeLessThanOrEqual(TOLERANCE_MS);
        expect(spans[1]![2], `stopped between for ${spans[1]![2]} ms`).toBeLessThanOrEqual(TOLERANCE_MS);
        expect(Math.abs(spans[2]![2] - 500), `spin held ${spans[2]![2]} ms of board time`).toBeLessThanOrEqual(TOLERANCE_MS);
      }
    } finally {
      await board.reconnect({ resetBoard: false });
    }
  }, 240_000);

  test('connected again, Stop in the app stops a stored program the robot’s button started', async () => {
    const p = rig!.page;
    const board = uno!;
    await connect('arduino-2wd');
    await uploadProject(p, 'longue-route.robokit', LONG);
    await expect.poll(() => p.locator('#editor g[data-id="far"]').count()).toBe(1);
    await expect.poll(() => p.locator('#send-robot').isEnabled(), { timeout: 10_000 }).toBe(true);
    await p.locator('#send-robot').click();
    await expect.poll(() => p.locator('#send-result').getAttribute('data-outcome'), { timeout: 60_000, interval: 100 }).toBe('sent');
    await pressButton();
    await board.waitFor(() => board.pwm(LEFT_PWM) === 128 && board.pwm(RIGHT_PWM) === 128, 20_000);
    await p.locator('#stop').click();
    await board.waitFor(() => board.pwm(LEFT_PWM) === 0 && board.pwm(RIGHT_PWM) === 0, 10_000);
    const stoppedAt = board.emulatedMs();
    await board.waitFor(() => board.emulatedMs() >= stoppedAt + 1_000, 20_000);
    expect([board.pwm(LEFT_PWM), board.pwm(RIGHT_PWM)]).toEqual([0, 0]);
    expect(await p.locator('#connection').getAttribute('data-state')).toBe('ready');
  }, 180_000);

  test('a program too big is refused with one sentence before sending; nothing is sent', async () => {
    const p = rig!.page;
    await uploadProject(p, 'trop-long.robokit', HUGE);
    await expect.poll(() => p.locator('#editor g[data-id="m199"]').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => p.locator('#send-result').getAttribute('data-outcome'), { timeout: 20_000 }).toBe('refused');
    expect(await p.locator('#send-result p').allTextContents()).toEqual([expect.stringMatching(/^Ton programme utilise \d+ octets\s?: le robot n’en garde que 896\. Raccourcis-le un peu\.$/)]);
    expect(await p.locator('#send-robot').isDisabled()).toBe(true);
    expect(await p.locator('#send-progress').isHidden()).toBe(true);
  }, 120_000);

  test('a sensor the robot lacks is refused with one sentence naming the block', async () => {
    const p = rig!.page;
    await disconnect();
    await uploadProject(p, 'suivre-la-ligne.robokit', LINE);
    await expect.poll(() => p.locator('#editor g[data-id="line"]').count()).toBe(1);
    await connect('servo-bot');
    await expect.poll(() => p.locator('#send-result').getAttribute('data-outcome'), { timeout: 20_000 }).toBe('refused');
    const sentence = p.locator('#send-result p');
    expect(await sentence.allTextContents()).toEqual([expect.stringMatching(/^Le bloc «\s?ligne noire à gauche\s?» ne peut pas aller dans ce robot \(il lui manque\s?: capteurs de ligne\)/)]);
    expect(await sentence.getAttribute('data-block')).toBe('line');
    // The block itself carries Blockly's warning triangle, before any click on « Envoyer ».
    await expect.poll(() => p.locator('#editor g[data-id="line"] .blocklyIconGroup').count()).toBeGreaterThan(0);
    expect(await p.locator('#send-robot').isDisabled()).toBe(true);
    await p.locator('#send-result').scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(RESULTS_DIR, 'send-program-refused-fr.png') });
  }, 180_000);
});
