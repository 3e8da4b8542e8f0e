/**
 * Shared pieces of the link benchmarks (issue #3) on the emulated Uno running the real
 * StandardFirmata over a real pty: the pupil programs that flood, running one through `startRun` the way
 * `robokit run --robot` does, and reading the board's PWM history.
 */
import { performance } from 'node:perf_hooks';
import firmataIo, { type FirmataOptions } from 'firmata-io';
import { SerialPort } from 'serialport';
import { compile } from '../app/core/compiler';
import type { Program } from '../app/core/ir';
import { BUILT_IN_PROFILES, type Profile } from '../app/core/profiles';
import type { RobotIo } from '../app/core/robot-io';
import { startRun } from '../app/core/run/start-run';
import type { EndReason } from '../app/core/runtime/events';
import type { Runtime } from '../app/core/runtime/runtime';
import { systemWallClock } from '../app/host/run/run-engine';
import type { EmulatedUno } from '../firmware-bridge/emulator';
import type { QueueStats } from '../firmware-bridge/src/command-queue';
import { HEARTBEAT, type RobotConnection } from '../firmware-bridge/src/connection';

export const TWO_WHEEL: Profile = BUILT_IN_PROFILES['arduino-2wd']!;
/** arduino-2wd (SPEC §4): left PWM D5 / direction D4, right PWM D6 / direction D7. */
export const PWM_LEFT = 5;
export const PWM_RIGHT = 6;
/** 57,600 baud 8N1: 5,760 bytes/s, 1,920 three-byte messages/s. */
export const WIRE_MESSAGES_PER_S = 57_600 / 10 / 3;

type Block = Record<string, unknown>;
const num = (id: string, n: number): Block => ({ shadow: { type: 'math_number', id, fields: { NUM: n } } });
const chain = (blocks: readonly Block[]): Block | undefined => {
  let next: Block | undefined;
  for (const block of [...blocks].reverse()) next = { ...block, ...(next ? { next: { block: next } } : {}) };
  return next;
};
const motors = (id: string, left: Block, right: Block): Block => ({ type: 'robot_motors', id, inputs: { LEFT: left, RIGHT: right } });
const getX = (id: string): Block => ({ block: { type: 'variables_get', id, fields: { VAR: { id: 'x' } } } });

function workspace(before: readonly Block[], loopBody: readonly Block[]): unknown {
  const forever = { type: 'robokit_forever', id: 'loop', inputs: { DO: { block: chain(loopBody) } } };
  return {
    blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', x: 0, y: 0, next: { block: chain([...before, forever]) } }] },
    variables: [{ name: 'x', id: 'x' }],
  };
}

/** Motors at 40 %, then a loop without waits alternating 40 % and 60 %: every call changes the duty. */
export const ALTERNATING_FLOOD = workspace(
  [motors('m0', num('m0l', 40), num('m0r', 40))],
  [motors('m40', num('m40l', 40), num('m40r', 40)), motors('m60', num('m60l', 60), num('m60r', 60))],
);

/**
 * x ← x + 1, back to 1 after 100, motors (x, x): a ramp without waits, so whichever value the queue
 * sends after coalescing differs from the one before it (unless the loop went round exactly a multiple
 * of 100 times in between), and every message delivered shows as a PWM change on the board.
 */
export const RAMP_FLOOD = workspace(
  [{ type: 'variables_set', id: 'x0', fields: { VAR: { id: 'x' } }, inputs: { VALUE: num('x0v', 1) } }],
  [
    { type: 'math_change', id: 'inc', fields: { VAR: { id: 'x' } }, inputs: { DELTA: num('incd', 1) } },
    {
      type: 'controls_if',
      id: 'wrap',
      inputs: {
        IF0: {
          block: {
            type: 'logic_compare',
            id: 'cmp',
            fields: { OP: 'GT' },
            inputs: { A: getX('cmpx'), B: num('cmpb', 100) },
          },
        },
        DO0: { block: { type: 'variables_set', id: 'x1', fields: { VAR: { id: 'x' } }, inputs: { VALUE: num('x1v', 1) } } },
      },
    },
    motors('ramp', getX('rl'), getX('rr')),
  ],
);

export function compileFor(workspaceJson: unknown, profile: Profile = TWO_WHEEL): Program {
  const result = compile(workspaceJson, { profile });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.program || errors.length > 0) throw new Error(`bench program does not compile: ${JSON.stringify(errors)}`);
  return result.program;
}

export interface RunningProgram {
  readonly runtime: Runtime;
  readonly ended: Promise<EndReason>;
}

/** Starts a program on the wall clock, exactly as `robokit run --robot` wires it. */
export function runProgram(program: Program, io: RobotIo, profile: Profile = TWO_WHEEL): RunningProgram {
  const run = startRun({ program, profile, target: { kind: 'robot', io, scheduler: systemWallClock } });
  return { runtime: run.runtime, ended: run.drive() };
}

/** The wall clock the rig stamps PWM changes with (epoch ms, sub-millisecond). */
export const epochNow = (): number => performance.timeOrigin + performance.now();
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** When the board stopped the motors for good: wall (epoch ms) and board time (rig ms). */
export interface FinalZero {
  readonly wallMs: number;
  readonly tMs: number;
}

/**
 * When the board stopped the motors for good after `sinceWallMs`: the last change of each pin,
 * if it is to 0 (the later of the two), else null. Johnny-Five's Motor.forward writes PWM 0 before
 * each new speed, so the first 0 is not enough.
 */
export function finalZero(uno: EmulatedUno, sinceWallMs: number, pins: readonly number[] = [PWM_LEFT, PWM_RIGHT]): FinalZero | null {
  let latest: FinalZero = { wallMs: -Infinity, tMs: -Infinity };
  for (const pin of pins) {
    const changes = uno.pwmHistory(pin).filter((c) => c.wallMs >= sinceWallMs - 1);
    const last = changes.at(-1);
    if (!last || last.duty !== 0 || uno.pwm(pin) !== 0) return null;
    if (last.wallMs > latest.wallMs) latest = { wallMs: last.wallMs, tMs: last.tMs };
  }
  return latest;
}

/** Waits until both motor pins sit at 0 with no PWM change for `quietMs`, or gives up at `limitMs`. */
export async function waitForStill(uno: EmulatedUno, quietMs: number, limitMs: number): Promise<boolean> {
  const end = performance.now() + limitMs;
  let changedAt = performance.now();
  const off = uno.onPwmChange((pin) => {
    if (pin === PWM_LEFT || pin === PWM_RIGHT) changedAt = performance.now();
  });
  try {
    while (performance.now() < end) {
      await sleep(10);
      const still = uno.pwm(PWM_LEFT) === 0 && uno.pwm(PWM_RIGHT) === 0;
      if (still && performance.now() - changedAt >= quietMs) return true;
    }
    return false;
  } finally {
    off();
  }
}

/**
 * A wall-clock limit for something that takes `boardMs` on a real board: stretched by how slowly the
 * emulator runs right now (a loaded machine may run it at a few percent of real time), never shorter.
 */
export function scaledMs(uno: EmulatedUno, boardMs: number): number {
  const speed = Math.min(1, Math.max(0.02, uno.speed().recentRealTimeRatio));
  return Math.ceil(boardMs / speed);
}

/** Waits until the board's own clock reads `boardMs` (its boot blink done, say), however slowly it runs. */
export async function untilBoardMs(uno: EmulatedUno, boardMs: number): Promise<void> {
  await uno.waitFor(() => uno.emulatedMs() >= boardMs, Math.max(20_000, scaledMs(uno, boardMs) * 2));
}

/** Waits for `boardMs` more of board time. */
export async function boardDelay(uno: EmulatedUno, boardMs: number): Promise<void> {
  await untilBoardMs(uno, uno.emulatedMs() + boardMs);
}

/**
 * `work`, or an error once the board has run `boardMs` more of its own time without it settling: a
 * limit that follows the emulator's speed as it changes (a loaded machine slows it down), and that
 * can never hang (untilBoardMs has a wall-clock cap too).
 */
export async function withinBoardMs<T>(uno: EmulatedUno, boardMs: number, work: Promise<T>, what: string): Promise<T> {
  const deadline = uno.emulatedMs() + boardMs;
  let settled = false;
  const tooLate = (): never => {
    throw new Error(`${what}: nothing after ${boardMs} ms of board time (${speedNote(uno)})`);
  };
  const limit = uno.waitFor(() => settled || uno.emulatedMs() >= deadline, Math.max(20_000, scaledMs(uno, boardMs) * 2)).then(
    () => (settled ? (undefined as never) : tooLate()),
    () => (settled ? (undefined as never) : tooLate()),
  );
  try {
    return await Promise.race([work, limit]);
  } finally {
    settled = true;
  }
}

/** What a user's script holds: firmata-io over a serialport 13 port that opens itself. */
export interface UserFirmata {
  readonly port: SerialPort;
  readonly io: InstanceType<typeof firmataIo.Firmata>;
}

/**
 * Opens the link the way a user writes it with this install (and the exported script does):
 * `new Firmata(new SerialPort({ path, baudRate: 57600 }))`. firmata-io must be listening when the
 * port opens: Johnny-Five waits for its "connect" (the port's "open") before "ready", so a port
 * opened beforehand leaves J5's Board never ready. A real Uno resets when its port opens (DTR);
 * the pty has no DTR line, so the rig presses reset at that moment.
 */
export function openUserFirmata(uno: EmulatedUno, options: FirmataOptions = {}): UserFirmata {
  const port = new SerialPort({ path: uno.path, baudRate: 57_600 });
  port.once('open', () => uno.reset());
  return { port, io: new firmataIo.Firmata(port, options) };
}

/**
 * Unplug and replug (the board resets, as on a USB replug): drops whatever a flood left in Node,
 * the pty and the board's receive queue; then waits for the boot to finish in board time.
 */
export async function replug(uno: EmulatedUno, user: UserFirmata): Promise<void> {
  user.port.destroy();
  user.io.removeAllListeners();
  user.io.on('error', () => {});
  clearTimeout(user.io.reportVersionTimeoutId);
  await uno.disconnect();
  await uno.reconnect({ resetBoard: true });
  await boardDelay(uno, 2500); // Firmata's boot blink, in board time however slow the emulator runs
}

/**
 * A one-shot connection's options, its time limits scaled to the emulator's speed: the connect, and
 * the silence after which the link counts as lost (the emulator may stall for seconds on a loaded
 * machine, and its speed changes after we measured it: at least 10 s; no trial loses its link on purpose).
 */
export const connectOptions = (uno: EmulatedUno) =>
  ({ reconnect: false, timeoutMs: scaledMs(uno, 5000), lostAfterMs: Math.max(10_000, scaledMs(uno, HEARTBEAT.lostAfterMs)) }) as const;

export function speedNote(uno: EmulatedUno): string {
  const s = uno.speed();
  return `emulator at ${s.realTimeRatio.toFixed(2)}× real time overall, ${s.recentRealTimeRatio.toFixed(2)}× recently (this machine could run it at ${s.capacity.toFixed(2)}×)`;
}

export const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : String(value));

/** The counters of the connection's command queue, for the log (read through its private session). */
export function queueStats(connection: RobotConnection): QueueStats | undefined {
  return (connection as unknown as { current?: { session: { queue: { stats: QueueStats } } } }).current?.session.queue.stats;
}
