/**
 * The Firmata adapter of RobotIo (StandardFirmata boards) for one session with a board, driven by the
 * profile's pin map. Johnny-Five's Board only owns the io lifecycle (firmata-session.ts); the robot's
 * parts write Firmata through that io (`PinIo`) rather than through J5 components, because, measured:
 * - J5's Sensor polls with a setInterval per sensor (25 ms default) even when nothing reads it;
 *   Firmata reports arrive as events, so an idle robot costs nothing.
 * - J5's Piezo toggles the pin with one message per half period (440 Hz ≈ 880 messages/s, ~45 % of
 *   the link) and its tunes run on `temporal`, a busy timer. The buzzer here is a plain on/off beep:
 *   one message to start, one to stop (an active buzzer plays its own pitch; the frequency is not
 *   reproduced — over 57,600 baud it would cost a stop its latency).
 * - Stop needs the bytes of PWM 0 and the direction levels to jump the queue, which J5's Motor
 *   cannot give.
 */
import type { Capability, Side } from '../../app/core/ir';
import type { Profile } from '../../app/core/profiles';
import type {
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
import { AppError } from '../../app/core/errors';
import { clampPower, distanceFromAdc, lightPercent, PEN_SERVO_US, seesDark } from '../../app/core/hardware-rules';
import type { Scheduler } from './command-queue';
import { systemScheduler } from './command-queue';
import type { OutgoingMessage } from './firmata-messages';
import type { FirmataSession } from './firmata-session';
import { motorDriver } from './motor-controllers';
import { FirmataPinIo } from './pin-io';
import { ReadingsWait } from './readings-wait';
import { analogChannel } from './sensors';

/** Analog channels and digital ports an Uno has (reporting is turned off on all at setup). */
const UNO_ANALOG_CHANNELS = [0, 1, 2, 3, 4, 5];
const UNO_DIGITAL_PORTS = [0, 1, 2];

export interface RobotOptions {
  readonly path: string;
  /** How long `prepare` waits for the first readings. */
  readonly prepareTimeoutMs?: number;
  readonly scheduler?: Scheduler;
}

export class FirmataRobot implements RobotIo {
  readonly motors?: Motors;
  readonly light?: Light;
  readonly sound?: Sound;
  readonly pen?: Pen;
  readonly distance?: DistanceSensor;
  readonly line?: LineSensors;
  readonly lightSensor?: LightSensor;
  readonly button?: Button;

  private readonly io: FirmataPinIo;
  private readonly scheduler: Scheduler;
  /** Latest raw reading by analog channel. */
  private readonly analog = new Map<number, number>();
  private buttonLevel: number | undefined;
  /** Analog channels / button reporting now. */
  private readonly reportingAnalog = new Set<number>();
  private reportingButton = false;
  private readonly wait: ReadingsWait;
  private lightOn = false;
  private disposed = false;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly session: FirmataSession,
    readonly profile: Profile,
    private readonly options: RobotOptions,
  ) {
    this.io = new FirmataPinIo(session.firmata);
    this.scheduler = options.scheduler ?? systemScheduler;
    this.wait = new ReadingsWait(this.scheduler, options.path, () => this.disposed);
    const has = (c: Capability): boolean => profile.capabilities.includes(c);
    const pins = profile.pins;
    const io = this.io;

    if (has('motors') && pins.motors) {
      const driver = motorDriver(pins.motors);
      this.motors = { setMotors: (left, right) => this.live() && driver.set(io, clampPower(left), clampPower(right)) };
    }
    if (has('light') && pins.light) {
      const pin = pins.light.pin;
      this.light = {
        setLight: (on) => {
          this.lightOn = on;
          if (this.live()) io.digital(pin, on ? 1 : 0);
        },
      };
    }
    if (has('sound') && pins.buzzer) {
      const pin = pins.buzzer.pin;
      this.sound = {
        tone: (hz) => this.live() && io.digital(pin, Number.isFinite(hz) && hz > 0 ? 1 : 0),
        noTone: () => this.live() && io.digital(pin, 0),
      };
    }
    if (has('pen') && pins.pen) {
      const pen = pins.pen;
      this.pen = { setPen: (down) => this.live() && io.servo(pen.pin, down ? pen.down : pen.up) };
    }
    if (has('distance') && pins.distance) {
      const ch = analogChannel(pins.distance.pin);
      this.distance = { readDistance: () => distanceFromAdc(this.analog.get(ch) ?? 0) };
    }
    if (has('line') && pins.line) {
      const line = pins.line;
      const channels: Record<Side, number> = { left: analogChannel(line.left), right: analogChannel(line.right) };
      this.line = { readLine: (side) => seesDark(this.analog.get(channels[side]) ?? 0, line.darkAbove) };
    }
    if (has('lightSensor') && pins.lightSensor) {
      const ch = analogChannel(pins.lightSensor.pin);
      this.lightSensor = { readLight: () => lightPercent(this.analog.get(ch) ?? 0) };
    }
    if (has('button') && pins.button) {
      const button = pins.button;
      this.button = { readButton: () => this.buttonLevel === button.pressedLevel };
    }

    const firmata = session.firmata;
    const onAnalog = ({ pin, value }: { pin: number; value: number }): void => {
      this.analog.set(pin, value);
      this.wait.wake();
    };
    firmata.on('analog-read', onAnalog);
    this.unsubscribe.push(() => firmata.off('analog-read', onAnalog));
    if (pins.button) {
      const event = `digital-read-${pins.button.pin}`;
      const onButton = (level: number): void => {
        this.buttonLevel = level;
        this.wait.wake();
      };
      firmata.on(event, onButton);
      this.unsubscribe.push(() => firmata.off(event, onButton));
    }
    this.unsubscribe.push(session.onDidBoardReset(() => void this.setup().catch(() => {})));
  }

  /**
   * Pin modes, no reporting, then the safe state — in that order, through the queue: StandardFirmata
   * ignores PWM on a pin not yet in PWM mode, and setting OUTPUT does not lower a pin left HIGH.
   */
  async setup(): Promise<void> {
    const { firmata } = this.session;
    const pins = this.profile.pins;
    this.io.forget();
    this.reportingAnalog.clear();
    this.reportingButton = false;
    for (const ch of UNO_ANALOG_CHANNELS) firmata.reportAnalogPin(ch, 0);
    for (const port of UNO_DIGITAL_PORTS) firmata.reportDigitalPin(port * 8, 0);
    if (this.motors && pins.motors) motorDriver(pins.motors).setup(this.io);
    if (this.light && pins.light) this.io.mode(pins.light.pin, 'OUTPUT');
    if (this.sound && pins.buzzer) this.io.mode(pins.buzzer.pin, 'OUTPUT');
    if (this.pen && pins.pen) {
      this.io.servoRange(pins.pen.pin, PEN_SERVO_US.min, PEN_SERVO_US.max);
      this.io.servo(pins.pen.pin, pins.pen.up);
    }
    if (this.button && pins.button) {
      if (pins.button.pullup) this.io.inputPullup(pins.button.pin);
      else this.io.mode(pins.button.pin, 'INPUT');
    }
    const safe = this.safeMessages();
    if (this.light && pins.light) safe.push(this.io.digitalNow(pins.light.pin, this.lightOn ? 1 : 0));
    await this.sendInOrder(safe);
  }

  async prepare(uses: readonly Capability[]): Promise<void> {
    if (!this.live()) throw new AppError({ code: 'robot-link-lost' });
    const pins = this.profile.pins;
    const wanted = new Set<number>();
    if (uses.includes('distance') && this.distance && pins.distance) wanted.add(analogChannel(pins.distance.pin));
    if (uses.includes('line') && this.line && pins.line) {
      wanted.add(analogChannel(pins.line.left));
      wanted.add(analogChannel(pins.line.right));
    }
    if (uses.includes('lightSensor') && this.lightSensor && pins.lightSensor) {
      wanted.add(analogChannel(pins.lightSensor.pin));
    }
    const wantButton = uses.includes('button') && this.button !== undefined && pins.button !== undefined;
    const { firmata } = this.session;
    for (const ch of [...this.reportingAnalog]) {
      if (!wanted.has(ch)) {
        firmata.reportAnalogPin(ch, 0);
        this.reportingAnalog.delete(ch);
        this.analog.delete(ch);
      }
    }
    for (const ch of wanted) {
      if (!this.reportingAnalog.has(ch)) {
        this.analog.delete(ch);
        firmata.reportAnalogPin(ch, 1);
        this.reportingAnalog.add(ch);
      }
    }
    if (pins.button && wantButton !== this.reportingButton) {
      this.buttonLevel = undefined;
      firmata.reportDigitalPin(pins.button.pin, wantButton ? 1 : 0);
      this.reportingButton = wantButton;
    }
    await this.wait.until(
      () => [...wanted].every((ch) => this.analog.has(ch)) && (!wantButton || this.buttonLevel !== undefined),
      this.options.prepareTimeoutMs ?? 1500,
    );
  }

  async stopAll(): Promise<void> {
    if (!this.live()) return;
    try {
      await this.session.queue.urgent(this.safeMessages());
    } catch {
      // The link is gone: nothing can be sent, and the connection reports the loss.
    }
  }

  /**
   * The host process is failing: motors 0 and tone off, ahead of anything queued and written at
   * once where the link allows; nothing is sent after. See `CommandQueue.lastGasp`.
   */
  lastGasp(): Promise<void> {
    if (!this.live()) return Promise.resolve();
    return this.session.queue.lastGasp(this.safeMessages()).catch(() => undefined);
  }

  /** Blink the light three times so a teacher sees which robot this is. */
  async identify(): Promise<void> {
    const pin = this.profile.pins.light?.pin;
    if (pin === undefined || !this.light) return;
    const restore = this.lightOn;
    for (let i = 0; i < 3 && this.live(); i++) {
      this.io.digital(pin, 1);
      await this.sleep(150);
      this.io.digital(pin, 0);
      await this.sleep(150);
    }
    if (this.live()) this.io.digital(pin, restore ? 1 : 0);
  }

  /** The session ended: stop listening, refuse actuator calls. */
  dispose(): void {
    this.disposed = true;
    for (const off of this.unsubscribe.splice(0)) off();
    this.wait.wake();
  }

  /** Motors 0 (PWM and direction, or servo neutral), tone off. */
  private safeMessages(): OutgoingMessage[] {
    const pins = this.profile.pins;
    const out: OutgoingMessage[] = [];
    if (this.motors && pins.motors) out.push(...motorDriver(pins.motors).stop(this.io));
    if (this.sound && pins.buzzer) out.push(this.io.digitalNow(pins.buzzer.pin, 0));
    return lastPerKey(out);
  }

  private sendInOrder(messages: readonly OutgoingMessage[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let left = messages.length;
      if (left === 0) resolve();
      for (const m of messages) {
        this.session.queue.send(m, (error) => {
          if (error) reject(error);
          else if (--left === 0) resolve();
        });
      }
    });
  }

  private live(): boolean {
    return !this.disposed;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.scheduler.setTimer(resolve, ms));
  }
}

/** Two direction pins on one port give two messages with the same key: the last has both. */
function lastPerKey(messages: readonly OutgoingMessage[]): OutgoingMessage[] {
  const out: OutgoingMessage[] = [];
  messages.forEach((m, i) => {
    if (m.key === undefined || !messages.slice(i + 1).some((later) => later.key === m.key)) out.push(m);
  });
  return out;
}
