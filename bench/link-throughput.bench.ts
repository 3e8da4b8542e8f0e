/**
 * Sustained commands/s (issue #3): distinct motor values delivered to the board per second.
 *
 * - RoboKit: a pupil's loop without waits, x ← x + 1 (back to 1 after 100), motors (x, x), run by
 *   Runtime + RealtimeDriver + RobotConnection as `robokit run --robot` does. The queue coalesces
 *   (only the newest unsent value per pin goes out), so we count what the board shows: PWM changes
 *   on D5 and D6. Consecutive values sent differ unless the loop went round a multiple of 100 times
 *   in between, so each message delivered is one change (the queue's own count is printed too).
 * - Bare firmata-io on the same link: `new Firmata(serialport)` and analogWrite on D5 and D6 with
 *   the same ramp, written as fast as Node takes them (no pacing, no probes): the most the link and
 *   the board carry, the reference for the goal (≥ 0.9 of it).
 * - The wire: 57,600 baud 8N1 = 1,920 three-byte messages/s.
 *
 * Rates are per second of wall time and per second of board time (the emulator runs slower than
 * real time when this machine is loaded, and its speed changes between phases: the goal is judged
 * on board time, each phase against its own clock). Phases alternate, ROUNDS of each.
 */
import { startEmulatedUno, type EmulatedUno } from '../firmware-bridge/emulator';
import { RobotConnection } from '../firmware-bridge/src/connection';
import {
  compileFor,
  connectOptions,
  epochNow,
  openUserFirmata,
  PWM_LEFT,
  PWM_RIGHT,
  queueStats,
  RAMP_FLOOD,
  replug,
  runProgram,
  sleep,
  speedNote,
  untilBoardMs,
  TWO_WHEEL,
  WIRE_MESSAGES_PER_S,
  withinBoardMs,
} from './link-rig';
import { median, report, trialBudget, type Goal } from './stats';

const ROUNDS = 5;
/** On a loaded machine, no new round after this much wall time (at least MIN_ROUNDS). */
const BUDGET_MS = 150_000;
const MIN_ROUNDS = 2;
const WARM_MS = 1000;
const WINDOW_MS = 5000;
const GOAL_RATIO = 0.9;
/** What bare firmata-io keeps buffered in Node ahead of the OS (the OS takes everything anyway). */
const BARE_BUFFER_BYTES = 1024;
/** The board's boot and its version and firmware reports (firmata-io's capability query skipped). */
const BARE_READY_BOARD_MS = 5000;

interface Rate {
  /** PWM changes on D5 + D6 per second of wall time, and of board time. */
  readonly wall: number;
  readonly board: number;
  /** Analog messages handed to the OS during the window, per wall second (RoboKit only). */
  readonly sentPerS?: number;
}

const dutyOf = (x: number): number => Math.round((x * 255) / 100);

/** Counts the PWM changes the board shows on the motor pins during one window. */
async function countWindow(uno: EmulatedUno): Promise<{ wall: number; board: number }> {
  const fromWall = epochNow();
  await sleep(WINDOW_MS);
  const toWall = epochNow();
  await sleep(50); // the last changes of the window reach us a little later
  const changes = [PWM_LEFT, PWM_RIGHT].flatMap((pin) => uno.pwmHistory(pin).filter((c) => c.wallMs >= fromWall && c.wallMs < toWall));
  if (changes.length < 2) return { wall: 0, board: 0 };
  const boardMs = Math.max(...changes.map((c) => c.tMs)) - Math.min(...changes.map((c) => c.tMs));
  return { wall: (changes.length * 1000) / (toWall - fromWall), board: (changes.length * 1000) / boardMs };
}

async function robokitRate(uno: EmulatedUno): Promise<Rate> {
  const connection = await RobotConnection.connect(uno.path, TWO_WHEEL, connectOptions(uno));
  try {
    const run = runProgram(compileFor(RAMP_FLOOD), connection.io);
    await sleep(WARM_MS);
    const stats = queueStats(connection);
    const sentBefore = stats?.sent ?? 0;
    const rate = await countWindow(uno);
    const sentPerS = (((stats?.sent ?? 0) - sentBefore) * 1000) / (WINDOW_MS + 50);
    await run.runtime.stop('stopped');
    await run.ended;
    return { ...rate, sentPerS };
  } finally {
    await connection.close();
  }
}

async function bareRate(uno: EmulatedUno): Promise<Rate> {
  const user = openUserFirmata(uno, { skipCapabilities: true, pinCount: 20, analogPins: [14, 15, 16, 17, 18, 19] });
  const { port, io: firmata } = user;
  let flooding = true;
  try {
    await withinBoardMs(uno, BARE_READY_BOARD_MS, new Promise<void>((resolve) => firmata.once('ready', () => resolve())), 'bare firmata-io never ready');
    firmata.pinMode(PWM_LEFT, firmata.MODES.PWM!);
    firmata.pinMode(PWM_RIGHT, firmata.MODES.PWM!);
    let x = 0;
    const write = (): void => {
      if (!flooding) return;
      while (port.writableLength < BARE_BUFFER_BYTES) {
        x = x >= 100 ? 1 : x + 1;
        firmata.analogWrite(PWM_LEFT, dutyOf(x));
        firmata.analogWrite(PWM_RIGHT, dutyOf(x));
      }
      setImmediate(write);
    };
    write();
    await sleep(WARM_MS);
    return await countWindow(uno);
  } finally {
    flooding = false;
    await replug(uno, user);
  }
}

const perS = (value: number): string => `${value.toFixed(0)}/s`;

async function main(): Promise<number> {
  const uno = await startEmulatedUno();
  try {
    await untilBoardMs(uno, 2500);
    const ours: Rate[] = [];
    const bare: Rate[] = [];
    const budget = trialBudget(ROUNDS, MIN_ROUNDS, BUDGET_MS);
    for (let round = 0; budget.more(round); round++) {
      ours.push(await robokitRate(uno));
      console.log(`round ${round + 1}: RoboKit ${perS(ours.at(-1)!.wall)} wall, ${perS(ours.at(-1)!.board)} board time; ${speedNote(uno)}`);
      bare.push(await bareRate(uno));
      console.log(`round ${round + 1}: bare firmata-io ${perS(bare.at(-1)!.wall)} wall, ${perS(bare.at(-1)!.board)} board time; ${speedNote(uno)}`);
    }
    const oursWall = median(ours.map((r) => r.wall));
    const oursBoard = median(ours.map((r) => r.board));
    const bareWall = median(bare.map((r) => r.wall));
    const bareBoard = median(bare.map((r) => r.board));
    const sent = median(ours.map((r) => r.sentPerS ?? 0));
    console.log(`\nsustained distinct motor values delivered (PWM changes on D5 + D6), medians of ${ours.length} windows of ${WINDOW_MS / 1000} s:`);
    console.log(`  RoboKit runtime: ${perS(oursWall)} wall, ${perS(oursBoard)} board time (the queue handed ${perS(sent)} analog messages to the OS)`);
    console.log(`  bare firmata-io: ${perS(bareWall)} wall, ${perS(bareBoard)} board time`);
    console.log(`  57,600-baud limit: ${perS(WIRE_MESSAGES_PER_S)} three-byte messages`);
    console.log(
      `  ratios: RoboKit / bare ${(oursBoard / bareBoard).toFixed(2)} board time, ${(oursWall / bareWall).toFixed(2)} wall; ` +
        `RoboKit / wire ${(oursBoard / WIRE_MESSAGES_PER_S).toFixed(2)}; bare / wire ${(bareBoard / WIRE_MESSAGES_PER_S).toFixed(2)}`,
    );
    const goals: Goal[] = [
      {
        name: 'sustained commands/s, RoboKit runtime vs bare firmata-io',
        ok: oursBoard >= GOAL_RATIO * bareBoard,
        figure: `${perS(oursBoard)} per board second`,
        baseline: `bare firmata-io ${perS(bareBoard)}`,
        ratio: (oursBoard / bareBoard).toFixed(2),
        target: `≥ ${GOAL_RATIO}`,
        quiet: true,
      },
    ];
    return report('Link benchmark: sustained commands/s', goals);
  } finally {
    await uno.stop();
  }
}

process.exitCode = await main();
