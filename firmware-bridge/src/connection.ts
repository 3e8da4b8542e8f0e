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
import { type Active, attempt, type FirmwareInfo, firmwareLabel, type LiveRobot } from './detect';
import type { LineTransportOptions } from './line-transport';
import type { LinkOpener } from './serial-link';

export { HEARTBEAT } from './detect';

export type ConnectionState = 'none' | 'connecting' | 'ready' | 'lost';

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
  readonly line?: LineTransportOptions;
  /** Which firmware to look for, in order (default: the RoboKit firmware, then StandardFirmata). */
  readonly firmwares?: ReadonlyArray<'robokit' | 'firmata'>;
}

const pathExists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

export class RobotConnection {
  readonly io: RobotIo;
  private current: Active | undefined;
  private last: LiveRobot;
  private stateNow: ConnectionState = 'connecting';
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly problemListeners = new Set<(error: AppError) => void>();
  private readonly linkListeners = new Set<(state: LinkState) => void>();
  private cancelPoll: (() => void) | undefined;
  private closed = false;
  /** A lost link's port still closing in the background: close() waits for it to be free. */
  private releasing: Promise<void> = Promise.resolve();

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
    if (profile.transport === 'sim') {
      throw new AppError({ code: 'robot-wrong-profile', params: { profile: profile.id } });
    }
    const scheduler = options.scheduler ?? systemScheduler;
    const first = await attempt(path, profile, attemptOptions(options, scheduler));
    return new RobotConnection(path, profile, first, options, scheduler);
  }

  get state(): ConnectionState {
    return this.stateNow;
  }

  /** e.g. "StandardFirmata.ino 2.5", "RoboKit 1.0.0". */
  get firmware(): string | undefined {
    return this.current ? firmwareLabel(this.current.firmware) : undefined;
  }

  /** Which firmware the robot runs, its version, and (RoboKit firmware) the robot's name. */
  get firmwareInfo(): FirmwareInfo | undefined {
    return this.current?.firmware;
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
    if (!session) throw new AppError({ code: this.current ? 'robot-wrong-profile' : 'robot-link-lost', params: { profile: this.profile.id } });
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

  /**
   * The host process is failing: the robot's safe state, written before this returns where the
   * serial port allows (then once more behind older writes); the connection sends nothing after.
   */
  lastGasp(): Promise<void> {
    return this.current?.robot.lastGasp() ?? Promise.resolve();
  }

  /** Stop the robot, close the port, stop looking for the board. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cancelPoll?.();
    this.cancelPoll = undefined;
    const active = this.current;
    this.current = undefined;
    if (active) await active.close();
    await this.releasing;
    this.setState('none');
  }

  private adopt(active: Active): void {
    const wasLost = this.stateNow !== 'ready';
    this.current = active;
    this.last = active.robot;
    active.watch(
      () => this.lose(active),
      () => {
        const error = new AppError({ code: 'robot-protocol-error' });
        for (const l of [...this.problemListeners]) l(error);
      },
    );
    this.setState('ready');
    if (wasLost) this.emitLink('ready');
  }

  private lose(active: Active): void {
    if (this.current !== active) return;
    this.current = undefined;
    active.robot.dispose();
    const releasing = active.close().catch(() => {});
    this.releasing = Promise.all([this.releasing, releasing]).then(() => {});
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
        const active = await attempt(this.path, this.profile, attemptOptions(this.options, this.scheduler));
        this.cancelPoll = undefined;
        if (this.closed) {
          await active.close();
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
  private makeIo(shape: LiveRobot): RobotIo {
    const live = (): LiveRobot | undefined => this.current?.robot;
    const last = (): LiveRobot => this.current?.robot ?? this.last;
    const cancelled = (done: (finished: boolean) => void): void => {
      this.scheduler.setTimer(() => done(false), 0);
    };
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
      ...(shape.timer && {
        timer: {
          move: (l: number, r: number, ms: number, done: (finished: boolean) => void) => {
            const timer = live()?.timer;
            if (timer) timer.move(l, r, ms, done);
            else cancelled(done);
          },
          tone: (hz: number, ms: number, done: (finished: boolean) => void) => {
            const timer = live()?.timer;
            if (timer) timer.tone(hz, ms, done);
            else cancelled(done);
          },
        },
      }),
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

function attemptOptions(options: ConnectOptions, scheduler: Scheduler): Parameters<typeof attempt>[2] {
  return {
    timeoutMs: options.timeoutMs ?? 5000,
    scheduler,
    ...(options.openLink ? { openLink: options.openLink } : {}),
    ...(options.queue ? { queue: options.queue } : {}),
    ...(options.line ? { line: options.line } : {}),
    ...(options.firmwares ? { firmwares: options.firmwares } : {}),
  };
}
