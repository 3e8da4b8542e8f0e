/**
 * Fifteen robots in one room: which RoboKit robot is on a port (its id and name, from its `hello`;
 * a new board gets its id here, see robokit-board-id.ts),
 * making one say "it's me" (`identify`: it blinks and beeps for about 2 s), and naming it
 * (`name TEXT`, kept in its EEPROM). Each opens the port, does its one thing and lets go of it —
 * never on a port this computer is driving a robot on (the caller checks).
 */
import { AppError } from '../../app/core/errors';
import { type Scheduler, systemScheduler } from './command-queue';
import { ROBOKIT_BAUD } from './detect';
import { NAME_MAX_BYTES, validRobotName } from './robot-name';
import { askLine as request, untilLine } from './bare-line';
import { ensureBoardId, giveBoardId } from './robokit-board-id';
import { probeRobokit } from './robokit-probe';
import type { RobokitHello } from './robokit-hello';
import { type LinkOpener, openErrorToAppError, openSerialLink, type SerialLink } from './serial-link';

export interface RollCallOptions {
  /** How long a board may take to answer (a real Uno boots in ~1.6 s after the open resets it). */
  readonly timeoutMs?: number;
  readonly openLink?: LinkOpener;
  readonly scheduler?: Scheduler;
  /** Where a new board's id comes from (default: the system's random generator). */
  readonly random?: (bytes: number) => Uint8Array;
}

/** The robot's `identify` lasts about 2 s of board time; the host keeps the link alive meanwhile. */
export const IDENTIFY_MS = 2000;
/** The tag of the roll call's `identify`, and how long (wall time) it waits at most for its `done`. */
const IDENTIFY_TAG = 1;
const IDENTIFY_CAP_MS = 30_000;
/** The board's failsafe ends `identify` after 300 ms of silence: a heartbeat well inside that. */
const HEARTBEAT_MS = 100;

async function withRobot<T>(
  path: string,
  options: RollCallOptions,
  use: (link: SerialLink, hello: RobokitHello, scheduler: Scheduler) => Promise<T>,
): Promise<T | undefined> {
  const scheduler = options.scheduler ?? systemScheduler;
  const link = await (options.openLink ?? openSerialLink)(path, ROBOKIT_BAUD).catch((error: unknown) => {
    throw openErrorToAppError(error, path);
  });
  try {
    const timeoutMs = options.timeoutMs ?? 4000;
    const heard = await probeRobokit(link, { timeoutMs, scheduler });
    if (!heard) return undefined;
    // A new board has no id yet: the first host to meet it gives it one.
    const hello = await ensureBoardId(link, heard, { scheduler, timeoutMs, path, ...(options.random ? { random: options.random } : {}) });
    return await use(link, hello, scheduler);
  } finally {
    await link.close().catch(() => {});
  }
}

/** The RoboKit robot on `path` (its id and name), or undefined for another firmware or none. */
export function whoIsOn(path: string, options: RollCallOptions = {}): Promise<RobokitHello | undefined> {
  return withRobot(path, options, (_link, hello) => Promise.resolve(hello));
}

/**
 * The robot on `path` blinks its light (its RGB LEDs white) and beeps twice for about 2 s of its own
 * time; resolves with its hello once it says it is done (`identify TAG` … `done TAG`: a slow or busy
 * board is not cut short by the host's clock), or undefined when no RoboKit robot answered.
 */
export function identifyOn(path: string, options: RollCallOptions = {}): Promise<RobokitHello | undefined> {
  return withRobot(path, options, async (link, hello, scheduler) => {
    const timeoutMs = options.timeoutMs ?? 4000;
    const ended = untilLine(link, (line) => line === `done ${IDENTIFY_TAG}` || line === `stopped ${IDENTIFY_TAG}`, scheduler, IDENTIFY_CAP_MS);
    let answer = await request(link, `identify ${IDENTIFY_TAG}`, scheduler, timeoutMs, path);
    let over: Promise<unknown> = ended;
    if (answer === 'err args') {
      // A RoboKit firmware 1.0.0 from before the tag: it says nothing at the end; about 2 s.
      answer = await request(link, 'identify', scheduler, timeoutMs, path);
      over = new Promise<void>((resolve) => scheduler.setTimer(resolve, IDENTIFY_MS));
    }
    if (answer !== 'ok') throw new AppError({ code: 'robot-no-answer', params: { path } });
    // Any line is a heartbeat; silent, the board's failsafe would end the blinking after 300 ms.
    let done = false;
    void over.then(() => (done = true));
    while (!done) {
      await new Promise<void>((resolve) => scheduler.setTimer(resolve, HEARTBEAT_MS));
      if (!done) link.write(Buffer.from('hb\n'), () => {});
    }
    return hello;
  });
}

/** Stores `name` in the robot on `path` (its EEPROM); resolves with its hello as it then is. */
export function nameRobotOn(path: string, name: string, options: RollCallOptions = {}): Promise<RobokitHello | undefined> {
  if (!validRobotName(name)) throw new AppError({ code: 'robot-name-invalid', params: { max: NAME_MAX_BYTES } });
  return withRobot(path, options, async (link, hello, scheduler) => {
    const answer = await request(link, `name ${name}`, scheduler, options.timeoutMs ?? 4000, path);
    if (answer !== 'ok') throw new AppError({ code: 'robot-name-invalid', params: { max: NAME_MAX_BYTES } });
    return { ...hello, name };
  });
}

/**
 * Gives the robot on `path` a new random id: two robots said the same one (boards that chose their
 * own id at first boot, before the host chose them). Resolves with its hello as it then is.
 */
export function renumberRobotOn(path: string, options: RollCallOptions = {}): Promise<RobokitHello | undefined> {
  return withRobot(path, options, (link, hello, scheduler) =>
    giveBoardId(link, hello, { scheduler, timeoutMs: options.timeoutMs ?? 4000, path, ...(options.random ? { random: options.random } : {}) }),
  );
}
