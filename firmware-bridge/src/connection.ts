/**
 * The connection to one Firmata robot: connect with a timeout and a French/English reason for each
 * failure, notice a lost link, and — in a long-lived host — reconnect when the same board comes
 * back (checking its path every `pollMs`, never a busy loop), re-applying the safe state.
 *
 * `io` is one RobotIo for the whole life of the connection: the runtime keeps it across reconnects.
 * While the link is lost, actuator calls are dropped, sensors give their last readings, `prepare`
 * rejects, and `onDidChangeLink` has told the runtime to stop the program.
 */
import { access } from 'node:fs/promises';
import { AppError } from '../../app/core/errors';
import type { Profile } from '../../app/core/profiles';
import type { LinkState, RobotIo } from '../../app/core/robot-io';
import { type CommandQueueOptions, type Scheduler, systemScheduler } from './command-queue';
import { REPORT_VERSION } from './firmata-messages';
import { type FirmataSession, startFirmataSession } from './firmata-session';
import { JohnnyFiveRobot } from './johnny-five-robot';
import { type LinkOpener, openErrorToAppError, openSerialLink } from './serial-link';

export type ConnectionState = 'none' | 'connecting' | 'ready' | 'lost';

/**
 * Heartbeat: an operating system does not always tell a program that a USB serial link died (a
 * pty's far end closing, a board that hangs). When the board has been silent for `askAfterMs`, we
 * ask for its version (1 byte out, 3 back); silent for `lostAfterMs` (several unanswered
 * questions), the link is lost. A robot
 * reporting sensors is never asked. Cost when idle: one timer and 4 bytes every quarter second.
 */
export const HEARTBEAT = { everyMs: 250, askAfterMs: 250, lostAfterMs: 1500 } as const;
const VERSION_QUERY = Uint8Array.of(REPORT_VERSION);

export interface ConnectOptions {
  /** From opening the port to a ready board; a real Uno reboots on open (~1.6 s). Default 5000. */
  readonly timeoutMs?: number;
  /** Reconnect when the board comes back (a long-lived host). Default true. */
  readonly reconnect?: boolean;
  /** How often to look for the board while the link is lost. Default 500 ms. */
  readonly pollMs?: number;
  readonly openLink?: LinkOpener;
  readonly portExists?: (path: string) => Promise<boolean>;
  readonly scheduler?: Scheduler;
  readonly queue?: CommandQueueOptions;
}

interface Active {
  readonly session: FirmataSession;
  readonly robot: JohnnyFiveRobot;
}

const pathExists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

export class RobotConnection {
  readonly io: RobotIo;
  private current: Active | undefined;
  private last: JohnnyFiveRobot;
  private stateNow: ConnectionState = 'connecting';
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly problemListeners = new Set<(error: AppError) => void>();
  private readonly linkListeners = new Set<(state: LinkState) => void>();
  private cancelPoll: (() => void) | undefined;
  private closed = false;

  private constructor(
    readonly path: string,
    readonly profile: Profile,
    first: Active,
    private readonly options: ConnectOptions,
    private readonly scheduler: Scheduler,
  ) {
    this.last = first.robot;
    this.io = this.makeIo(first.robot);
    this.adopt(first);
  }

  /** Connect, or reject with an AppError saying why (port busy, permission, no Firmata, …). */
  static async connect(path: string, profile: Profile, options: ConnectOptions = {}): Promise<RobotConnection> {
    if (profile.transport !== 'firmata') {
      throw new AppError({ code: 'robot-wrong-profile', params: { profile: profile.id } });
    }
    const scheduler = options.scheduler ?? systemScheduler;
    const first = await attempt(path, profile, options, scheduler);
    return new RobotConnection(path, profile, first, options, scheduler);
  }

  get state(): ConnectionState {
    return this.stateNow;
  }

  /** e.g. "StandardFirmata.ino 2.5". */
  get firmware(): string | undefined {
    return this.current?.session.firmware;
  }

  onDidChangeState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Problems worth telling a person that do not end the connection (bad data from the board). */
  onDidReportProblem(listener: (error: AppError) => void): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  /**
   * What the board itself reports for a pin (Firmata's pin state query): the level of a digital
   * output, the duty of a PWM pin. For checking a real robot from the outside (its test suite).
   */
  async readPinState(pin: number, timeoutMs = 1000): Promise<number> {
    const session = this.current?.session;
    if (!session) throw new AppError({ code: 'robot-link-lost' });
    return new Promise<number>((resolve, reject) => {
      const cancel = this.scheduler.setTimer(() => {
        session.firmata.removeListener(`pin-state-${pin}`, answered);
        reject(new AppError({ code: 'robot-no-answer', params: { path: this.path } }));
      }, timeoutMs);
      const answered = (): void => {
        cancel();
        resolve(session.firmata.pins[pin]?.state ?? 0);
      };
      session.firmata.queryPinState(pin, answered);
    });
  }

  /** Blink the robot's light three times. */
  async identify(): Promise<void> {
    await this.current?.robot.identify();
  }

  /** Stop the robot, close the port, stop looking for the board. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cancelPoll?.();
    this.cancelPoll = undefined;
    const active = this.current;
    this.current = undefined;
    if (active) {
      await active.robot.stopAll();
      active.robot.dispose();
      await active.session.close();
    }
    this.setState('none');
  }

  private adopt(active: Active): void {
    const wasLost = this.stateNow !== 'ready';
    this.current = active;
    this.last = active.robot;
    const { session } = active;
    const lose = (): void => this.lose(active);
    session.link.onClose(lose);
    session.queue.onDidFail(lose);
    this.startHeartbeat(active);
    session.onDidProtocolError(() => {
      const error = new AppError({ code: 'robot-protocol-error' });
      for (const l of [...this.problemListeners]) l(error);
    });
    this.setState('ready');
    if (wasLost) this.emitLink('ready');
  }

  private startHeartbeat(active: Active): void {
    let heardAt = this.scheduler.now();
    const offData = active.session.link.onData(() => {
      heardAt = this.scheduler.now();
    });
    const beat = (): void => {
      if (this.current !== active) {
        offData();
        return;
      }
      const silent = this.scheduler.now() - heardAt;
      if (silent >= HEARTBEAT.lostAfterMs) {
        offData();
        this.lose(active);
        return;
      }
      if (silent >= HEARTBEAT.askAfterMs) active.session.queue.send({ bytes: VERSION_QUERY });
      this.scheduler.setTimer(beat, HEARTBEAT.everyMs);
    };
    this.scheduler.setTimer(beat, HEARTBEAT.everyMs);
  }

  private lose(active: Active): void {
    if (this.current !== active) return;
    this.current = undefined;
    active.robot.dispose();
    void active.session.close().catch(() => {});
    this.setState('lost');
    this.emitLink('lost');
    if (this.options.reconnect !== false) this.schedulePoll();
  }

  private schedulePoll(): void {
    if (this.closed || this.cancelPoll) return;
    this.cancelPoll = this.scheduler.setTimer(() => void this.poll(), this.options.pollMs ?? 500);
  }

  private async poll(): Promise<void> {
    const exists = await (this.options.portExists ?? pathExists)(this.path);
    if (this.closed) return;
    if (exists) {
      this.setState('connecting');
      try {
        const active = await attempt(this.path, this.profile, this.options, this.scheduler);
        this.cancelPoll = undefined;
        if (this.closed) {
          active.robot.dispose();
          await active.session.close();
          return;
        }
        this.adopt(active);
        return;
      } catch {
        // Not back yet (still busy, still booting): look again later.
        if (this.closed) return;
        this.setState('lost');
      }
    }
    this.cancelPoll = undefined;
    this.schedulePoll();
  }

  private setState(state: ConnectionState): void {
    if (this.stateNow === state) return;
    this.stateNow = state;
    for (const l of [...this.stateListeners]) l(state);
  }

  /** One RobotIo for the life of the connection, with the capabilities of the profile. */
  private makeIo(shape: JohnnyFiveRobot): RobotIo {
    const live = (): JohnnyFiveRobot | undefined => this.current?.robot;
    const last = (): JohnnyFiveRobot => this.current?.robot ?? this.last;
    return {
      ...(shape.motors && { motors: { setMotors: (l: number, r: number) => live()?.motors?.setMotors(l, r) } }),
      ...(shape.light && { light: { setLight: (on: boolean) => live()?.light?.setLight(on) } }),
      ...(shape.sound && {
        sound: { tone: (hz: number) => live()?.sound?.tone(hz), noTone: () => live()?.sound?.noTone() },
      }),
      ...(shape.pen && { pen: { setPen: (down: boolean) => live()?.pen?.setPen(down) } }),
      ...(shape.distance && { distance: { readDistance: () => last().distance?.readDistance() ?? 80 } }),
      ...(shape.line && { line: { readLine: (side) => last().line?.readLine(side) ?? false } }),
      ...(shape.lightSensor && { lightSensor: { readLight: () => last().lightSensor?.readLight() ?? 0 } }),
      ...(shape.button && { button: { readButton: () => last().button?.readButton() ?? false } }),
      prepare: async (uses) => {
        const robot = live();
        if (!robot) throw new AppError({ code: 'robot-link-lost' });
        await robot.prepare(uses);
      },
      stopAll: async () => {
        await live()?.stopAll();
      },
      onDidChangeLink: (listener: (state: LinkState) => void) => {
        this.linkListeners.add(listener);
        return () => this.linkListeners.delete(listener);
      },
    } satisfies RobotIo;
  }

  private emitLink(state: LinkState): void {
    for (const l of [...this.linkListeners]) l(state);
  }
}

async function attempt(path: string, profile: Profile, options: ConnectOptions, scheduler: Scheduler): Promise<Active> {
  const open = options.openLink ?? openSerialLink;
  const link = await open(path, profile.baud ?? 57600).catch((error: unknown) => {
    throw openErrorToAppError(error, path);
  });
  let session: FirmataSession | undefined;
  try {
    session = await startFirmataSession(link, {
      path,
      timeoutMs: options.timeoutMs ?? 5000,
      scheduler,
      ...(options.queue ? { queue: options.queue } : {}),
    });
    const robot = new JohnnyFiveRobot(session, profile, { path, scheduler });
    await robot.setup();
    return { session, robot };
  } catch (error) {
    if (session) await session.close().catch(() => {});
    else await link.close().catch(() => {});
    throw error;
  }
}
