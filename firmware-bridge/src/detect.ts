/**
 * Which firmware answers on a port, and the robot adapter for it: the RoboKit firmware first
 * (115200 baud, `hello`, or its boot hello), then StandardFirmata (57600). Each "attempt" opens
 * the port, gets a ready robot and says how to watch its link; a failure closes what it opened.
 */
import { AppError } from '../../app/core/errors';
import type { Profile } from '../../app/core/profiles';
import type { RobotIo } from '../../app/core/robot-io';
import { type CommandQueueOptions, type Scheduler } from './command-queue';
import { REPORT_VERSION } from './firmata-messages';
import { type FirmataSession, startFirmataSession } from './firmata-session';
import { FirmataRobot } from './firmata-robot';
import { LineTransport, type LineTransportOptions } from './line-transport';
import { ensureBoardId } from './robokit-board-id';
import { PROTOCOLS, type RobokitHello } from './robokit-hello';
import { probeRobokit } from './robokit-probe';
import { RobokitRobot } from './robokit-robot';
import { type LinkOpener, openErrorToAppError, openSerialLink, type SerialLink } from './serial-link';

export const ROBOKIT_BAUD = 115200;
export const FIRMATA_BAUD = 57600;

/** What the app shows of the firmware: "RoboKit 1.0.0", "StandardFirmata.ino 2.5". */
export interface FirmwareInfo {
  readonly kind: 'robokit' | 'firmata';
  readonly name: string;
  readonly version: string;
  /** The robot's name (RoboKit firmware: stored on the board). */
  readonly robotName?: string;
  /** The board's unique id (RoboKit firmware). */
  readonly boardId?: string;
}

export const firmwareLabel = (f: FirmwareInfo): string => `${f.name} ${f.version}`;

/** A robot the runtime can drive, for as long as its link lives. */
export type LiveRobot = RobotIo & {
  identify(): Promise<void>;
  /** Stores a new name in the robot (RoboKit firmware only). */
  rename?(name: string): Promise<void>;
  /** The host process is failing: the safe state written at once, nothing after. */
  lastGasp(): Promise<void>;
  dispose(): void;
};

export interface Active {
  readonly robot: LiveRobot;
  readonly firmware: FirmwareInfo;
  /** The Firmata session (pin state queries), when the board runs StandardFirmata. */
  readonly session?: FirmataSession;
  /** Start watching the link: `lose` once when it dies; `problem` for bad data that does not end it. */
  watch(lose: () => void, problem: () => void): void;
  close(): Promise<void>;
}

export interface AttemptOptions {
  readonly timeoutMs: number;
  /** Which firmware to look for, in order (default: RoboKit, then Firmata). */
  readonly firmwares?: ReadonlyArray<'robokit' | 'firmata'>;
  readonly openLink?: LinkOpener;
  readonly scheduler: Scheduler;
  readonly queue?: CommandQueueOptions;
  readonly line?: LineTransportOptions;
  /** Silence (unanswered heartbeats) after which the link counts as lost; default HEARTBEAT.lostAfterMs for Firmata, the line transport's own for RoboKit. */
  readonly lostAfterMs?: number;
}

/**
 * Firmata heartbeat: an operating system does not always tell a program that a USB serial link died
 * (a pty's far end closing, a board that hangs). When the board has been silent for `askAfterMs`, we
 * ask for its version (1 byte out, 3 back); silent for `lostAfterMs` (several unanswered questions),
 * the link is lost. A robot reporting sensors is never asked. Cost when idle: one timer and 4 bytes
 * every quarter second. (The RoboKit firmware's heartbeat is in its LineTransport.)
 */
export const HEARTBEAT = { everyMs: 250, askAfterMs: 250, lostAfterMs: 1500 } as const;
const VERSION_QUERY = Uint8Array.of(REPORT_VERSION);

/**
 * The part of the timeout the RoboKit probe gets before Firmata is tried, while it hears nothing
 * (a real Uno boots in ~1.6 s). A Firmata board ends the probe early with its bytes ≥ 0x80.
 */
const ROBOKIT_PROBE_SHARE = 0.7;

export async function attempt(path: string, profile: Profile, options: AttemptOptions): Promise<Active> {
  const firmwares = options.firmwares ?? ['robokit', 'firmata'];
  let lastError: unknown;
  for (const [i, firmware] of firmwares.entries()) {
    const last = i === firmwares.length - 1;
    try {
      if (firmware === 'firmata') return await attemptFirmata(path, profile, options);
      const timeoutMs = last ? options.timeoutMs : Math.round(options.timeoutMs * ROBOKIT_PROBE_SHARE);
      const found = await attemptRobokit(path, profile, options, timeoutMs);
      if (found) return found;
      lastError = new AppError({ code: 'robot-no-answer', params: { path } });
    } catch (error) {
      // A port that cannot be opened will not open at another speed either.
      const code = error instanceof AppError ? error.code : '';
      if (code !== 'robot-no-answer' && code !== 'robot-no-firmata') throw error;
      lastError = error;
    }
  }
  throw lastError;
}

async function open(path: string, baud: number, options: AttemptOptions): Promise<SerialLink> {
  return (options.openLink ?? openSerialLink)(path, baud).catch((error: unknown) => {
    throw openErrorToAppError(error, path);
  });
}

/** The RoboKit firmware's robot, or undefined when it does not answer. */
async function attemptRobokit(path: string, profile: Profile, options: AttemptOptions, probeMs: number): Promise<Active | undefined> {
  const link = await open(path, ROBOKIT_BAUD, options);
  // Until a RoboKit line is heard, its share of the time; after, the whole time (a slow board).
  const heard = await probeRobokit(link, { timeoutMs: probeMs, heardTimeoutMs: options.timeoutMs, scheduler: options.scheduler });
  if (!heard) {
    await link.close().catch(() => {});
    return undefined;
  }
  if (!(PROTOCOLS as readonly number[]).includes(heard.protocol)) {
    await link.close().catch(() => {});
    throw new AppError({ code: 'robot-firmware-version', params: { path, version: heard.version } });
  }
  let hello: RobokitHello;
  try {
    // A new board has no id yet: the first host to meet it gives it one (robokit-board-id.ts).
    hello = await ensureBoardId(link, heard, { scheduler: options.scheduler, timeoutMs: options.timeoutMs, path });
  } catch (error) {
    await link.close().catch(() => {});
    throw error;
  }
  const lost = options.lostAfterMs === undefined ? {} : { lostAfterMs: options.lostAfterMs };
  const transport = new LineTransport(link, { scheduler: options.scheduler, ...lost, ...options.line });
  const robot = new RobokitRobot(transport, hello, profile, { path, scheduler: options.scheduler });
  try {
    transport.startHeartbeat();
    await robot.setup();
  } catch (error) {
    robot.dispose();
    await transport.close();
    throw error instanceof AppError ? error : new AppError({ code: 'robot-no-answer', params: { path } });
  }
  const offReboot = transport.onEvent((event) => {
    if (event.word === 'hello') {
      robot.rebooted();
      void robot.setup().catch(() => {});
    }
  });
  return {
    robot,
    firmware: {
      kind: 'robokit',
      name: 'RoboKit',
      version: hello.version,
      ...(hello.name ? { robotName: hello.name } : {}),
      boardId: hello.id,
    },
    watch(lose, problem) {
      transport.onDidLose(lose);
      transport.onDidReportProblem(problem);
    },
    async close() {
      offReboot();
      await robot.stopAll();
      robot.dispose();
      await transport.close();
    },
  };
}

async function attemptFirmata(path: string, profile: Profile, options: AttemptOptions): Promise<Active> {
  const link = await open(path, profile.baud ?? FIRMATA_BAUD, options);
  let session: FirmataSession | undefined;
  try {
    session = await startFirmataSession(link, {
      path,
      timeoutMs: options.timeoutMs,
      scheduler: options.scheduler,
      ...(options.queue ? { queue: options.queue } : {}),
    });
    const robot = new FirmataRobot(session, profile, { path, scheduler: options.scheduler });
    await robot.setup();
    const s = session;
    const [name = 'Firmata', version = '?'] = s.firmware.split(' ');
    return {
      robot,
      session: s,
      firmware: { kind: 'firmata', name, version },
      watch(lose, problem) {
        s.link.onClose(lose);
        s.queue.onDidFail(lose);
        s.onDidProtocolError(problem);
        firmataHeartbeat(s, options.scheduler, lose, options.lostAfterMs ?? HEARTBEAT.lostAfterMs);
      },
      async close() {
        await robot.stopAll();
        robot.dispose();
        await s.close();
      },
    };
  } catch (error) {
    if (session) await session.close().catch(() => {});
    else await link.close().catch(() => {});
    throw error;
  }
}

function firmataHeartbeat(session: FirmataSession, scheduler: Scheduler, lose: () => void, lostAfterMs: number): void {
  let heardAt = scheduler.now();
  let over = false;
  const offData = session.link.onData(() => {
    heardAt = scheduler.now();
  });
  session.link.onClose(() => {
    over = true;
  });
  const beat = (): void => {
    if (over) return offData();
    const silent = scheduler.now() - heardAt;
    if (silent >= lostAfterMs) {
      offData();
      lose();
      return;
    }
    if (silent >= HEARTBEAT.askAfterMs) session.queue.send({ bytes: VERSION_QUERY });
    scheduler.setTimer(beat, HEARTBEAT.everyMs);
  };
  scheduler.setTimer(beat, HEARTBEAT.everyMs);
}
