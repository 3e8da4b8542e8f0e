/**
 * Stop under flood (issue #3, SPEC §5): a pupil's program sets the motors, then loops without
 * waits alternating 40 % and 60 % (every call changes the duty); Stop is pressed after a few hundred
 * ms; we time from the stop request to the moment the board shows PWM 0 on D5 and D6 for good
 * (the rig's wall clock). 20 trials → p50, p99; goal p99 ≤ 50 ms.
 *
 * RoboKit's path is the one `robokit run --robot` takes: Runtime + RealtimeDriver + RobotConnection
 * (the Firmata adapter, paced queue, stop that jumps it). The same figure for what users get
 * today on the same link: `new five.Board({ io: new Firmata(<serialport 13 on the pty>), repl: false })`, two J5
 * `Motor`s on the same pins, a `setImmediate` loop calling motor.forward(speed), then motor.stop().
 * Its stop waits behind everything already written, so trials give up at 5 s ("> 5 s").
 */
import type { EventEmitter } from 'node:events';
import five from 'johnny-five';
import { startEmulatedUno, type EmulatedUno } from '../firmware-bridge/emulator';
import { RobotConnection } from '../firmware-bridge/src/connection';
import {
  ALTERNATING_FLOOD,
  compileFor,
  connectOptions,
  epochNow,
  finalZero,
  ms,
  openUserFirmata,
  PWM_LEFT,
  PWM_RIGHT,
  queueStats,
  replug,
  runProgram,
  scaledMs,
  sleep,
  speedNote,
  untilBoardMs,
  TWO_WHEEL,
  waitForStill,
  withinBoardMs,
} from './link-rig';
import { median, percentile, report, trialBudget, type Goal } from './stats';

const TRIALS = 20;
const WARMUP = 2;
/** On a loaded machine each phase stops after this much wall time, with at least the minimum trials. */
const PHASE_BUDGET_MS = 120_000;
const MIN_TRIALS = 5;
const MIN_NAIVE_TRIALS = 2;
const GOAL_P99_MS = 50;
/** How long the program floods before Stop (uniform in this range). */
const FLOOD_MS = [200, 500] as const;
const NAIVE_LIMIT_MS = 5000;
/** Naive trials end early once this many have hit the limit (each then costs a board reset). */
const NAIVE_MAX_CENSORED = 3;
/** Naive trials end once this many could not even start. */
const NAIVE_MAX_FAILURES = 2;

const floodMs = (): number => FLOOD_MS[0] + Math.random() * (FLOOD_MS[1] - FLOOD_MS[0]);
const bothMoving = (uno: EmulatedUno) => () => uno.pwm(PWM_LEFT) > 0 && uno.pwm(PWM_RIGHT) > 0;

interface StopTrial {
  /** Stop request → PWM 0 on both pins, wall ms (what a person sees). */
  readonly wallMs: number;
  /** The same in board time, from the board clock at the request (excludes the emulator's stalls). */
  readonly boardMs: number;
  /** Stop request → the stop's bytes taken by the OS (the host's share). */
  readonly hostMs: number;
  /** PWM changes the board showed per second of flood (a lower bound of the commands delivered). */
  readonly changesPerS: number;
}

async function robokitTrials(uno: EmulatedUno): Promise<StopTrial[]> {
  const connection = await RobotConnection.connect(uno.path, TWO_WHEEL, connectOptions(uno));
  const program = compileFor(ALTERNATING_FLOOD);
  const trials: StopTrial[] = [];
  try {
    const budget = trialBudget(WARMUP + TRIALS, WARMUP + MIN_TRIALS, PHASE_BUDGET_MS);
    for (let trial = 0; budget.more(trial); trial++) {
      const run = runProgram(program, connection.io);
      await uno.waitFor(bothMoving(uno), scaledMs(uno, 3000));
      const floodFrom = epochNow();
      await sleep(floodMs());
      const stoppedAt = epochNow();
      const boardAt = uno.emulatedMs();
      await run.runtime.stop('stopped');
      const hostMs = epochNow() - stoppedAt;
      const reason = await run.ended;
      if (reason !== 'stopped') throw new Error(`the flood ended with ${reason}`);
      if (!(await waitForStill(uno, 100, NAIVE_LIMIT_MS))) throw new Error('RoboKit: the motors did not stop within 5 s');
      const zero = finalZero(uno, stoppedAt);
      if (zero === null) throw new Error('RoboKit: no PWM 0 after the stop');
      if (trial < WARMUP) continue;
      const flooded = [PWM_LEFT, PWM_RIGHT].map((pin) => uno.pwmHistory(pin).filter((c) => c.wallMs >= floodFrom && c.wallMs < stoppedAt).length);
      trials.push({
        wallMs: zero.wallMs - stoppedAt,
        boardMs: zero.tMs - boardAt,
        hostMs,
        changesPerS: ((flooded[0]! + flooded[1]!) * 1000) / (stoppedAt - floodFrom),
      });
    }
    console.log(`queue counters: ${JSON.stringify(queueStats(connection))}`);
  } finally {
    await connection.close();
  }
  return trials;
}

/** The parts of Johnny-Five this benchmark uses (the bridge's vendor types declare only Board). */
interface NaiveMotor {
  forward(speed: number): void;
  stop(): void;
}
const J5 = five as unknown as {
  Board: new (options: Record<string, unknown>) => EventEmitter & { isReady: boolean };
  Motor: new (options: Record<string, unknown>) => NaiveMotor;
};

interface NaiveTrial {
  /** ms, or Infinity when the limit was hit. */
  readonly latency: number;
  /** Bytes Node still held for the port when stop() was called (the OS and the board hold more). */
  readonly queuedBytes: number;
}

/** Boot, version, firmware name, capabilities and analog mapping: J5's own limit is 10 s (of wall time). */
const NAIVE_READY_BOARD_MS = 10_000;

async function naiveTrial(uno: EmulatedUno): Promise<NaiveTrial> {
  // What a user writes with this install: Johnny-Five over firmata-io on serialport 13 (J5's default
  // serial stack needs an old serialport whose native part is not built here).
  const user = openUserFirmata(uno);
  try {
    const board = new J5.Board({ io: user.io, repl: false, sigint: false, debug: false });
    board.on('error', () => {});
    const ready = board.isReady ? Promise.resolve() : new Promise<void>((resolve) => board.once('ready', () => resolve()));
    await withinBoardMs(uno, NAIVE_READY_BOARD_MS, ready, 'naive Johnny-Five: Board never ready');
    const left = new J5.Motor({ pins: { pwm: PWM_LEFT, dir: 4 }, board });
    const right = new J5.Motor({ pins: { pwm: PWM_RIGHT, dir: 7 }, board });
    let flooding = true;
    let i = 0;
    const tick = (): void => {
      if (!flooding) return;
      const speed = i++ % 2 === 0 ? 102 : 153; // 40 % and 60 % of 255
      left.forward(speed);
      right.forward(speed);
      setImmediate(tick);
    };
    tick();
    try {
      await uno.waitFor(bothMoving(uno), scaledMs(uno, 5000));
      await sleep(floodMs());
    } finally {
      flooding = false;
    }
    const stoppedAt = epochNow();
    left.stop();
    right.stop();
    const queuedBytes = user.port.writableLength;
    const still = await waitForStill(uno, 150, NAIVE_LIMIT_MS);
    const zero = still ? finalZero(uno, stoppedAt) : null;
    board.removeAllListeners();
    board.on('error', () => {});
    return { latency: zero === null ? Infinity : zero.wallMs - stoppedAt, queuedBytes };
  } finally {
    await replug(uno, user);
  }
}

/** Naive trials; one that cannot even start (J5 never ready, the motors never move) is counted, not fatal. */
async function naiveTrials(uno: EmulatedUno): Promise<{ trials: NaiveTrial[]; failures: string[] }> {
  const trials: NaiveTrial[] = [];
  const failures: string[] = [];
  const budget = trialBudget(TRIALS, MIN_NAIVE_TRIALS, PHASE_BUDGET_MS);
  while (
    budget.more(trials.length + failures.length) &&
    trials.filter((t) => !Number.isFinite(t.latency)).length < NAIVE_MAX_CENSORED &&
    failures.length < NAIVE_MAX_FAILURES
  ) {
    try {
      trials.push(await naiveTrial(uno));
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
      console.log(`naive trial failed: ${failures.at(-1)}`);
    }
  }
  return { trials, failures };
}

const bounded = (value: number): string => (Number.isFinite(value) ? ms(value) : `> ${NAIVE_LIMIT_MS / 1000} s`);

async function main(): Promise<number> {
  const uno = await startEmulatedUno();
  try {
    await untilBoardMs(uno, 2500); // a robot already switched on: boot blink done
    const ours = await robokitTrials(uno);
    const oursSpeed = speedNote(uno);
    const { trials: naive, failures } = await naiveTrials(uno);
    const naiveSpeed = speedNote(uno);

    const latencies = ours.map((t) => t.wallMs);
    const p50 = median(latencies);
    const p99 = percentile(latencies, 99);
    const boardP99 = percentile(ours.map((t) => t.boardMs), 99);
    const naiveLatencies = naive.map((t) => t.latency);
    const naiveP50 = median(naiveLatencies);
    const naiveP99 = percentile(naiveLatencies, 99);
    const censored = naiveLatencies.filter((l) => !Number.isFinite(l)).length;
    console.log(`stop under flood on the emulated Uno (real StandardFirmata 2.4, pty at 57,600 baud), flood ${FLOOD_MS.join('–')} ms before Stop`);
    console.log(`RoboKit (Runtime + RealtimeDriver + adapter), ${ours.length} trials: p50 ${ms(p50)}, p99 ${ms(p99)} wall; p99 ${ms(boardP99)} board time`);
    console.log(`  per trial, wall / board / host (request → bytes taken by the OS) ms: ${ours.map((t) => `${t.wallMs.toFixed(1)}/${t.boardMs.toFixed(1)}/${t.hostMs.toFixed(1)}`).join(' ')}`);
    console.log(`  the flood reached the board at a median ${median(ours.map((t) => t.changesPerS)).toFixed(0)} PWM changes/s on D5+D6 (a lower bound: a coalesced value may equal the one already there); ${oursSpeed}`);
    console.log(
      `naive Johnny-Five (Board({io: firmata-io}), Motor.forward in a setImmediate loop, then stop()), ${naive.length} trial(s): ` +
        `p50 ${bounded(naiveP50)}, p99 ${bounded(naiveP99)}; ${censored} hit the ${NAIVE_LIMIT_MS / 1000} s limit`,
    );
    console.log(`  Node still held ${naive.map((t) => `${(t.queuedBytes / 1024).toFixed(0)} KB`).join(', ')} for the port at stop() (${(5760 / 1024).toFixed(1)} KB/s on the wire); ${naiveSpeed}`);
    if (failures.length > 0) console.log(`  ${failures.length} naive trial(s) could not start: ${failures.join('; ')}`);
    const ratio = (naiveValue: number, oursValue: number): string =>
      naive.length === 0 ? '—' : Number.isFinite(naiveValue) ? `${(naiveValue / oursValue).toFixed(0)}×` : `> ${(NAIVE_LIMIT_MS / oursValue).toFixed(0)}×`;
    console.log(`ratio naive / RoboKit: p50 ${ratio(naiveP50, p50)}, p99 ${ratio(naiveP99, p99)}`);
    const goals: Goal[] = [
      {
        name: 'stop under flood p99 (RoboKit)',
        ok: p99 <= GOAL_P99_MS,
        figure: `${ms(p99)} (p50 ${ms(p50)})`,
        baseline: naive.length > 0 ? `naive Johnny-Five p99 ${bounded(naiveP99)}` : `naive Johnny-Five did not start (${failures.length}×)`,
        ratio: ratio(naiveP99, p99),
        target: `≤ ${GOAL_P99_MS} ms`,
        quiet: true,
      },
    ];
    return report('Link benchmark: stop under flood', goals);
  } finally {
    await uno.stop();
  }
}

process.exitCode = await main();
