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
import { NO_BOARD_ID } from './robokit-board-id';
import { NAME_MAX_BYTES, validRobotName } from './robot-name';
import { DroppedError, LinkLostError, type LineTransportOptions } from './line-transport';
import { RobokitRobot } from './robokit-robot';
import { uploadProgram, UploadError, type UploadOptions } from './upload-program';
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
  /** Silence after which the link counts as lost (default: 1.5 s for Firmata, 1 s for the RoboKit line). */
  readonly lostAfterMs?: number;
  /** Which firmware to look for, in order (default: the RoboKit firmware, then StandardFirmata). */
  readonly firmwares?: ReadonlyArray<'robokit' | 'firmata'>;
  /**
   * The serial ports there are now. With it, a lost RoboKit robot is looked for by its id on the
   * ports that appear after the loss too (a replug the system names differently), and a robot
   * found on the old path is taken back only if it has the same id.
   */
  readonly ports?: () => Promise<readonly string[]>;
}

const pathExists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

export class RobotConnection {
  readonly io: RobotIo;
  /** The port the robot is on (after a replug, maybe another than the one connected first). */
  private pathNow: string;
  /** Ports there were when the link was lost, or that were already asked: not asked again. */
  private known = new Set<string>();
  /** Another robot answered on the old path: look elsewhere until that port goes away. */
  private foreignOnOldPath = false;
  private current: Active | undefined;
  private last: LiveRobot;
  private stateNow: ConnectionState = 'connecting';
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly problemListeners = new Set<(error: AppError) => void>();
  private readonly linkListeners = new Set<(state: LinkState) => void>();
  private cancelPoll: (() => void) | undefined;
  private closed = false;
  /** The firmware of the robot last connected (its id, while the link is lost). */
  private lastFirmware: FirmwareInfo | undefined;
  /** The name given since the robot last said hello. */
  private renamed: string | undefined;
  /** A lost link's port still closing in the background: close() waits for it to be free. */
  private releasing: Promise<void> = Promise.resolve();

  private constructor(
    path: string,
    readonly profile: Profile,
    first: Active,
    private readonly options: ConnectOptions,
    private readonly scheduler: Scheduler,
  ) {
    this.pathNow = path;
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

  get path(): string {
    return this.pathNow;
  }

  /** e.g. "StandardFirmata.ino 2.5", "RoboKit 1.0.0". */
  get firmware(): string | undefined {
    return this.current ? firmwareLabel(this.current.firmware) : undefined;
  }

  /** Which firmware the robot runs, its version, and (RoboKit firmware) the robot's name. */
  get firmwareInfo(): FirmwareInfo | undefined {
    const f = this.current?.firmware;
    return f && this.renamed !== undefined ? { ...f, robotName: this.renamed } : f;
  }

  /** Stores a new name in the robot (RoboKit firmware; `robot-not-robokit` for another). */
  async rename(name: string): Promise<void> {
    const robot = this.current?.robot;
    if (!robot) throw new AppError({ code: 'robot-link-lost' });
    if (!robot.rename) throw new AppError({ code: 'robot-not-robokit' });
    if (!validRobotName(name)) throw new AppError({ code: 'robot-name-invalid', params: { max: NAME_MAX_BYTES } });
    await robot.rename(name);
    this.renamed = name;
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

  /**
   * « Envoyer dans le robot »: stores a bytecode image (docs/bytecode.md) in the RoboKit firmware's
   * EEPROM over this live link (a stored program running is stopped first). AppError
   * `bytecode-needs-robokit-firmware` on StandardFirmata, `bytecode-refused-by-robot` when the board
   * refuses the image, `robot-link-lost` when the link dies, `bytecode-send-stopped` after a stop.
   */
  async storeProgram(image: Uint8Array, options: UploadOptions = {}): Promise<void> {
    const robot = this.current?.robot;
    if (!robot) throw new AppError({ code: 'robot-link-lost' });
    if (!(robot instanceof RobokitRobot)) throw new AppError({ code: 'bytecode-needs-robokit-firmware' });
    try {
      await robot.stopAll();
      await uploadProgram(robot.transport, image, options);
    } catch (error) {
      if (error instanceof UploadError) throw new AppError({ code: 'bytecode-refused-by-robot', params: { answer: error.answer } });
      if (error instanceof LinkLostError) throw new AppError({ code: 'robot-link-lost' });
      if (error instanceof DroppedError) throw new AppError({ code: 'bytecode-send-stopped' });
      throw error;
    }
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
    this.lastFirmware = active.firmware;
    this.renamed = undefined;
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
    if (this.options.reconnect === false) return;
    // The ports there are now (the robot's own may linger a moment): a port that appears later may be it.
    void this.portsNow().then((ports) => {
      this.known = new Set(ports.filter((p) => p !== this.pathNow));
      this.schedulePoll();
    });
  }

  private async portsNow(): Promise<readonly string[]> {
    return this.options.ports ? this.options.ports().catch(() => []) : [];
  }

  /** The RoboKit robot's id, when it has one: then the robot is found again by it. */
  private get boardId(): string | undefined {
    const id = this.lastFirmware?.boardId;
    return id && id !== NO_BOARD_ID ? id : undefined;
  }

  /** Whether the robot on `path` is ours (same id); true when there is no id to compare. */
  private async isOurs(path: string): Promise<boolean> {
    const id = this.boardId;
    if (!id || !this.options.ports) return true;
    const { whoIsOn } = await import('./robokit-roll-call');
    const hello = await whoIsOn(path, {
      timeoutMs: this.options.timeoutMs ?? 5000,
      scheduler: this.scheduler,
      ...(this.options.openLink ? { openLink: this.options.openLink } : {}),
    }).catch(() => undefined);
    return hello?.id === id;
  }

  /** Where to look now: the old path while it exists, else a port that appeared since the loss. */
  private async lookFor(): Promise<string | undefined> {
    const oldExists = await (this.options.portExists ?? pathExists)(this.pathNow);
    if (!oldExists) this.foreignOnOldPath = false;
    if (oldExists && !this.foreignOnOldPath) return this.pathNow;
    if (!this.boardId) return undefined;
    for (const port of await this.portsNow()) {
      if (this.known.has(port) || this.closed) continue;
      this.known.add(port); // asked once: another robot plugged in meanwhile is not asked again and again
      if (await this.isOurs(port)) return port;
    }
    return undefined;
  }

  private schedulePoll(): void {
    if (this.closed || this.cancelPoll) return;
    this.cancelPoll = this.scheduler.setTimer(() => void this.poll(), this.options.pollMs ?? 500);
  }

  private async poll(): Promise<void> {
    const path = await this.lookFor();
    if (this.closed) return;
    if (path !== undefined) {
      this.setState('connecting');
      try {
        // Another robot plugged in where ours was is not ours: never configure it, keep looking.
        if (path === this.pathNow && !(await this.isOurs(path))) {
          this.foreignOnOldPath = true; // not asked again until it is unplugged
          throw new AppError({ code: 'robot-no-answer', params: { path } });
        }
        if (this.closed) return;
        const active = await attempt(path, this.profile, attemptOptions(this.options, this.scheduler));
        this.cancelPoll = undefined;
        if (this.closed) {
          await active.close();
          return;
        }
        this.pathNow = path;
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
    ...(options.lostAfterMs === undefined ? {} : { lostAfterMs: options.lostAfterMs }),
  };
}
