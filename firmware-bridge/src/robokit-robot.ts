/**
 * The runtime's robot over the RoboKit firmware (docs/protocol.md): RobotIo on a LineTransport.
 *
 * - Configures the board from the profile on setup, only when its stored kit or configuration hash
 *   differs from the profile's (a robot plugged in again starts at once).
 * - Actuators are one line each (`m`, `led`, `tone`, `pen`), keyed so a tight loop sends only the
 *   latest value; a real pitch, since the board makes the square wave.
 * - Sensors: `watch` only what the program uses (an idle link is quiet), readings from `s` events.
 * - Board-timed moves and tones (`timer`): `move L R MS TAG` / `tone HZ MS TAG`, done when the
 *   board says `done TAG` (cancelled: `stopped TAG`).
 */
import { AppError } from '../../app/core/errors';
import type { Capability, Side } from '../../app/core/ir';
import { clampPower } from '../../app/core/hardware-rules';
import type { Profile } from '../../app/core/profiles';
import type {
  BoardTimer,
  Button,
  DistanceSensor,
  Light,
  LightSensor,
  LineSensors,
  Motors,
  Pen,
  RobotIo,
  Sound,
} from '../../app/core/robot-io';
import { type Scheduler, systemScheduler } from './command-queue';
import { type Answer, type BoardEvent, LineTransport, LinkLostError } from './line-transport';
import { ReadingsWait } from './readings-wait';
import { configHash, configLines, kitId } from './robokit-config';
import type { RobokitHello } from './robokit-hello';

/** Sensor reports at most every 20 ms (the protocol's floor): a program sees changes within a slice. */
export const WATCH_EVERY_MS = 20;
const TONE_HZ = { min: 31, max: 20000 } as const;
/**
 * While connecting, an answer may be slow (`cfg save` writes ~130 EEPROM bytes at 3.3 ms each: 0.45 s
 * on a real chip; a board just booted or emulated on a busy machine): the setup's commands wait this
 * long before the link counts as lost. Once ready, the line transport's second applies.
 */
const SETUP_PATIENCE_MS = 5000;
/** A Sharp's range cap when nothing has been reported yet (mm). */
const FAR_MM = 800;

type SensorKey = 'd' | 'll' | 'lr' | 'li' | 'b';
const SENSOR_KEYS: Partial<Record<Capability, readonly SensorKey[]>> = {
  distance: ['d'],
  line: ['ll', 'lr'],
  lightSensor: ['li'],
  button: ['b'],
};

export interface RobokitRobotOptions {
  readonly path: string;
  /** How long `prepare` waits for the first readings. */
  readonly prepareTimeoutMs?: number;
  readonly scheduler?: Scheduler;
}

export class RobokitError extends Error {
  constructor(
    readonly command: string,
    readonly answer: string,
  ) {
    super(`${command} → ${answer}`);
    this.name = 'RobokitError';
  }
}

/** The firmware takes whole percents: the hardware rule's clamp, rounded (never −0). */
const percent = (value: number): number => Math.round(clampPower(value)) + 0;

export class RobokitRobot implements RobotIo {
  readonly motors?: Motors;
  readonly light?: Light;
  readonly sound?: Sound;
  readonly pen?: Pen;
  readonly distance?: DistanceSensor;
  readonly line?: LineSensors;
  readonly lightSensor?: LightSensor;
  readonly button?: Button;
  readonly timer?: BoardTimer;
  /** Whether `setup` had to configure the board (false: it already had this profile's wiring). */
  configured = false;

  private readonly readings = new Map<SensorKey, number>();
  private readonly wait: ReadingsWait;
  private readonly timed = new Map<number, (finished: boolean) => void>();
  private readonly scheduler: Scheduler;
  private readonly offs: Array<() => void> = [];
  private watching = '';
  private nextTag = 1;
  private lightOn = false;
  private lightLine: (on: boolean) => string = () => '';
  private disposed = false;

  constructor(
    readonly transport: LineTransport,
    readonly hello: RobokitHello,
    readonly profile: Profile,
    private readonly options: RobokitRobotOptions,
  ) {
    this.scheduler = options.scheduler ?? systemScheduler;
    this.wait = new ReadingsWait(this.scheduler, options.path, () => this.disposed);
    const has = (c: Capability): boolean => profile.capabilities.includes(c);
    const pins = profile.pins;
    const send = (line: string, key: string): void => {
      if (!this.disposed) transport.send(line, key);
    };
    if (has('motors') && pins.motors) {
      this.motors = { setMotors: (l, r) => send(`m ${percent(l)} ${percent(r)}`, 'm') };
    }
    if (has('light') && (pins.light || pins.rgb)) {
      // No plain light (the mBot): the RGB LEDs, all white or off.
      const line = (on: boolean): string => (pins.light ? `led ${on ? 1 : 0}` : `rgb 0 ${on ? '255 255 255' : '0 0 0'}`);
      this.lightLine = line;
      this.light = {
        setLight: (on) => {
          this.lightOn = on;
          send(line(on), 'led');
        },
      };
    }
    if (has('sound') && pins.buzzer) {
      this.sound = {
        tone: (hz) => send(hz > 0 && Number.isFinite(hz) ? `tone ${toneHz(hz)}` : 'tone 0', 'tone'),
        noTone: () => send('tone 0', 'tone'),
      };
    }
    if (this.motors || this.sound) {
      this.timer = {
        move: (l, r, ms, done) => this.startTimed(`move ${percent(l)} ${percent(r)} ${duration(ms)}`, done),
        tone: (hz, ms, done) =>
          hz > 0 && Number.isFinite(hz)
            ? this.startTimed(`tone ${toneHz(hz)} ${duration(ms)}`, done)
            : this.startTimed(null, done, ms),
      };
    }
    if (has('pen') && pins.pen) this.pen = { setPen: (down) => send(`pen ${down ? 1 : 0}`, 'pen') };
    if (has('distance') && (pins.distance || pins.ultrasonic)) {
      this.distance = { readDistance: () => (this.readings.get('d') ?? FAR_MM) / 10 };
    }
    if (has('line') && (pins.line || pins.digitalLine)) {
      this.line = { readLine: (side: Side) => this.readings.get(side === 'left' ? 'll' : 'lr') === 1 };
    }
    if (has('lightSensor') && pins.lightSensor) this.lightSensor = { readLight: () => this.readings.get('li') ?? 0 };
    if (has('button') && (pins.button || pins.analogButton)) this.button = { readButton: () => this.readings.get('b') === 1 };
    this.offs.push(transport.onEvent((event) => this.onEvent(event)));
  }

  /** Configure the board if its stored wiring is not this profile's, then the safe state. */
  async setup(): Promise<void> {
    const lines = configLines(this.profile);
    const ask = (line: string): Promise<Answer> => this.ask(line, SETUP_PATIENCE_MS);
    const stored = this.hello.kit === kitId(this.profile) ? (await ask('cfg hash')).fields.hash : undefined;
    if (stored !== configHash(lines)) {
      await ask('cfg reset');
      for (const line of lines) await ask(line);
      await ask('cfg save');
      this.configured = true;
    }
    this.watching = '';
    await ask('stop');
    if (this.light) await ask(this.lightLine(this.lightOn));
  }

  async prepare(uses: readonly Capability[]): Promise<void> {
    if (this.disposed) throw new AppError({ code: 'robot-link-lost' });
    const keys = uses.flatMap((c) => (this.profile.capabilities.includes(c) ? (SENSOR_KEYS[c] ?? []) : []));
    const watch = keys.length > 0 ? `watch ${keys.join(',')} ${WATCH_EVERY_MS}` : 'watch';
    if (watch === this.watching) return;
    for (const k of keys) this.readings.delete(k);
    await this.ask(watch);
    this.watching = watch;
    await this.wait.until(() => keys.every((k) => this.readings.has(k)), this.options.prepareTimeoutMs ?? 1500);
  }

  /** `stop` ahead of everything queued; resolves once the board has answered (or the link is gone). */
  async stopAll(): Promise<void> {
    if (this.disposed) return;
    try {
      await this.transport.stop();
    } catch {
      // The link is gone: the board's failsafe stops the motors; the connection reports the loss.
    }
  }

  /** The host process is failing: `stop` written at once, nothing after (see `LineTransport.lastGasp`). */
  lastGasp(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    return this.transport.lastGasp().catch(() => undefined);
  }

  /** The board blinks and beeps: "it's me". */
  async identify(): Promise<void> {
    if (!this.disposed) await this.ask('identify');
  }

  /** Stores `name` in the robot's EEPROM (checked by the caller: `validRobotName`). */
  async rename(name: string): Promise<void> {
    if (this.disposed) throw new AppError({ code: 'robot-link-lost' });
    await this.ask(`name ${name}`);
  }

  /** The board rebooted (its unasked hello): its watch is gone, its wiring is stored. */
  rebooted(): void {
    this.watching = '';
    this.cancelTimed();
  }

  dispose(): void {
    this.disposed = true;
    for (const off of this.offs.splice(0)) off();
    this.cancelTimed();
    this.wait.wake();
  }

  private async ask(line: string, patienceMs?: number): Promise<Answer> {
    // A link that dies under a question is the pupil's « lost robot », never an unexpected error.
    const answer = await this.transport.request(line, patienceMs).catch((error: unknown) => {
      throw error instanceof LinkLostError ? new AppError({ code: 'robot-link-lost' }) : error;
    });
    if (!answer.ok) throw new RobokitError(line, answer.line);
    return answer;
  }

  /** Send a timed action; `done` once the board says so (or at once, asynchronously, for nothing to do). */
  private startTimed(prefix: string | null, done: (finished: boolean) => void, ms = 0): void {
    if (prefix === null || this.disposed) {
      this.scheduler.setTimer(() => done(!this.disposed), prefix === null ? ms : 0);
      return;
    }
    const tag = this.nextTag;
    this.nextTag = (this.nextTag % 65535) + 1;
    this.timed.get(tag)?.(false);
    this.timed.set(tag, done);
    if (!this.transport.send(`${prefix} ${tag}`)) this.finishTimed(tag, false);
  }

  private finishTimed(tag: number, finished: boolean): void {
    const done = this.timed.get(tag);
    if (!done) return;
    this.timed.delete(tag);
    done(finished);
  }

  private cancelTimed(): void {
    for (const tag of [...this.timed.keys()]) this.finishTimed(tag, false);
  }

  private onEvent(event: BoardEvent): void {
    switch (event.word) {
      case 'done':
      case 'stopped':
        this.finishTimed(Number(event.args[0]), event.word === 'done');
        return;
      case 's':
        for (const token of event.args) {
          const [key, value] = token.split('=');
          const n = Number(value);
          if (key && value !== undefined && Number.isFinite(n)) this.readings.set(key as SensorKey, n);
        }
        this.wait.wake();
        return;
      case 'evt':
        if (event.args[0] === 'failsafe') {
          // The board stopped everything and its sensor reports (the host was silent too long but is
          // back): timed actions are over; ask for the same reports again.
          this.cancelTimed();
          if (this.watching.startsWith('watch ') && !this.disposed) this.transport.send(this.watching);
        }
        return;
    }
  }

}

const duration = (ms: number): number => (Number.isFinite(ms) ? Math.max(0, Math.min(600_000, Math.round(ms))) : 0);
const toneHz = (hz: number): number => Math.round(Math.max(TONE_HZ.min, Math.min(TONE_HZ.max, hz)));
