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
import { askLine as request, ensureBoardId, giveBoardId } from './robokit-board-id';
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
/** The board's failsafe ends `identify` after 300 ms of silence: a heartbeat well inside that. */
const HEARTBEAT_MS = 100;
/** A name the firmware keeps: ≤ 24 bytes of UTF-8, no line break. */
export const NAME_MAX_BYTES = 24;

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
 * The robot on `path` blinks its light (its RGB LEDs white) and beeps twice for about 2 s; resolves
 * with its hello once it is done, or undefined when no RoboKit robot answered.
 */
export function identifyOn(path: string, options: RollCallOptions = {}): Promise<RobokitHello | undefined> {
  return withRobot(path, options, async (link, hello, scheduler) => {
    const answer = await request(link, 'identify', scheduler, options.timeoutMs ?? 4000, path);
    if (answer !== 'ok') throw new AppError({ code: 'robot-no-answer', params: { path } });
    // Any line is a heartbeat; silent, the board's failsafe would end the blinking after 300 ms.
    const until = scheduler.now() + IDENTIFY_MS;
    while (scheduler.now() < until) {
      await new Promise<void>((resolve) => scheduler.setTimer(resolve, HEARTBEAT_MS));
      link.write(Buffer.from('hb\n'), () => {});
    }
    return hello;
  });
}

/** Whether the firmware can keep `name`: 1…24 bytes of UTF-8, printable, no line break. */
export function validRobotName(name: string): boolean {
  const bytes = Buffer.byteLength(name, 'utf8');
  const control = [...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  return bytes > 0 && bytes <= NAME_MAX_BYTES && name.trim() === name && !control;
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
