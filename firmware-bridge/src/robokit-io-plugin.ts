/**
 * A Johnny-Five IO plugin for the RoboKit firmware (J5's IO-plugin interface, the way raspi-io or
 * etherport plug in): `new five.Board({ io: new RobokitIo({ port, profile }) })`, then J5's Led,
 * Motor, Servo, Sensor, Button work over the RoboKit line protocol.
 *
 * The protocol speaks in robot parts, not pins, so the plugin maps J5's pin calls onto the parts the
 * profile wires (where it fits): the light's pin → `led`; an H-bridge's PWM and direction pins →
 * `m L R` (both motors at once, as J5's two Motors change them); the pen's servo pin → `pen`; the
 * buzzer's pin → a tone on/off; analog and digital reads of the sensors' pins ← the board's reports,
 * turned back into raw readings (0…1023, levels). A pin no part uses is refused (J5 reports it).
 */
import { EventEmitter } from 'node:events';
import type { Capability } from '../../app/core/ir';
import { BUILT_IN_PROFILES, type PinName, type Profile } from '../../app/core/profiles';
import type { RobotIo } from '../../app/core/robot-io';
import { RobotConnection, type ConnectOptions } from './connection';
import { ADC_MAX, ADC_VOLTS, distanceVolts } from '../../app/core/hardware-rules';
import { analogChannel } from './sensors';

const MODES = { INPUT: 0, OUTPUT: 1, ANALOG: 2, PWM: 3, SERVO: 4 } as const;
const UNO_PINS = 20;
const UNO_ANALOG = [14, 15, 16, 17, 18, 19];
/** How often sensor readings are handed to J5 (the board reports at most every 20 ms). */
const READ_EVERY_MS = 20;
const BEEP_HZ = 880;

export interface RobokitIoOptions {
  /** The serial port. */
  readonly port: string;
  /** The robot profile (its id among the built-in ones, or the profile itself). Default arduino-2wd. */
  readonly profile?: string | Profile;
  readonly connect?: ConnectOptions;
}

interface PinState {
  supportedModes: number[];
  mode: number;
  value: number;
  report: number;
  analogChannel: number;
}

type Reader = { readonly kind: 'analog' | 'digital'; readonly read: () => number };

/** A digital pin number (A0 = 14 on an Uno). */
const digitalPin = (pin: PinName): number => (typeof pin === 'number' ? pin : 14 + analogChannel(pin));

export class RobokitIo extends EventEmitter {
  readonly name = 'RoboKit';
  readonly MODES = MODES;
  readonly RESOLUTION = { ADC: ADC_MAX, PWM: 255 };
  readonly defaultLed: number | undefined;
  readonly pins: PinState[];
  readonly analogPins = UNO_ANALOG;
  isReady = false;
  private connection: RobotConnection | undefined;
  private readonly profile: Profile;
  private readonly levels = new Map<number, number>();
  private readonly readers = new Map<number, Reader>();
  private readonly reading = new Map<number, Set<(value: number) => void>>();
  private readTimer: NodeJS.Timeout | undefined;
  private motorsPending = false;

  constructor(options: RobokitIoOptions) {
    super();
    const profile = typeof options.profile === 'object' ? options.profile : BUILT_IN_PROFILES[options.profile ?? 'arduino-2wd'];
    if (!profile) throw new Error(`unknown robot profile ${String(options.profile)}`);
    this.profile = profile;
    this.defaultLed = profile.pins.light?.pin;
    this.pins = Array.from({ length: UNO_PINS }, (_, pin) => ({
      supportedModes: UNO_ANALOG.includes(pin) ? [MODES.INPUT, MODES.OUTPUT, MODES.ANALOG] : [MODES.INPUT, MODES.OUTPUT, MODES.PWM, MODES.SERVO],
      mode: MODES.INPUT,
      value: 0,
      report: 1,
      analogChannel: UNO_ANALOG.includes(pin) ? pin - 14 : 127,
    }));
    this.defineReaders();
    void this.open(options);
  }

  private async open(options: RobokitIoOptions): Promise<void> {
    try {
      this.connection = await RobotConnection.connect(options.port, this.profile, { reconnect: false, firmwares: ['robokit'], ...options.connect });
      await this.connection.io.prepare(this.profile.capabilities as Capability[]);
      this.isReady = true;
      this.emit('connect');
      this.emit('ready');
    } catch (error) {
      this.emit('error', error);
    }
  }

  private get io(): RobotIo | undefined {
    return this.connection?.io;
  }

  pinMode(pin: number, mode: number): this {
    const state = this.pins[pin];
    if (state) state.mode = mode;
    return this;
  }

  digitalWrite(pin: number, value: number): this {
    this.write(pin, value ? 1 : 0);
    return this;
  }

  analogWrite(pin: number, value: number): this {
    this.write(pin, Math.max(0, Math.min(255, Math.round(value))));
    return this;
  }

  pwmWrite(pin: number, value: number): this {
    return this.analogWrite(pin, value);
  }

  servoWrite(pin: number, degrees: number): this {
    const pen = this.profile.pins.pen;
    if (pen && pin === pen.pin) {
      const down = Math.abs(degrees - pen.down) < Math.abs(degrees - pen.up);
      this.io?.pen?.setPen(down);
      this.setValue(pin, degrees);
      return this;
    }
    return this.refuse(pin);
  }

  analogRead(pin: number | string, handler: (value: number) => void): this {
    const digital = typeof pin === 'string' ? digitalPin(pin as PinName) : pin < 14 ? 14 + pin : pin;
    return this.listen(digital, handler);
  }

  digitalRead(pin: number, handler: (value: number) => void): this {
    return this.listen(pin, handler);
  }

  /** Motors 0 and silence, then close the port. */
  async close(): Promise<void> {
    clearInterval(this.readTimer);
    this.readTimer = undefined;
    await this.connection?.close();
  }

  private write(pin: number, value: number): void {
    const p = this.profile.pins;
    this.setValue(pin, value);
    if (p.light && pin === p.light.pin) return this.io?.light?.setLight(value !== 0);
    if (p.buzzer && pin === p.buzzer.pin) return value ? this.io?.sound?.tone(BEEP_HZ) : this.io?.sound?.noTone();
    const m = p.motors;
    if (m?.type === 'hbridge' && [m.left.pwm, m.left.dir, m.right.pwm, m.right.dir].includes(pin)) {
      this.motorsLater();
      return;
    }
    this.refuse(pin);
  }

  /**
   * The motors' new state, once the current task is done: J5 (and the exported script) write a
   * motor's direction pin, then its PWM pin, one motor after the other; sent one by one, the board
   * would run the in-between states (the old speed the other way) for as long as the line takes.
   */
  private motorsLater(): void {
    if (this.motorsPending) return;
    this.motorsPending = true;
    queueMicrotask(() => {
      this.motorsPending = false;
      const m = this.profile.pins.motors;
      if (m?.type !== 'hbridge') return;
      const side = (pwm: number, dir: number): number =>
        ((this.levels.get(dir) ?? m.forwardLevel) === m.forwardLevel ? 1 : -1) * ((this.levels.get(pwm) ?? 0) * 100) / 255;
      this.io?.motors?.setMotors(side(m.left.pwm, m.left.dir), side(m.right.pwm, m.right.dir));
    });
  }

  private setValue(pin: number, value: number): void {
    this.levels.set(pin, value);
    const state = this.pins[pin];
    if (state) state.value = value;
  }

  private refuse(pin: number): this {
    this.emit('error', new Error(`pin ${pin} is not wired to a part of the robot profile ${this.profile.id}`));
    return this;
  }

  /** What each sensor pin reads, as raw values (the board reports parts, in units). */
  private defineReaders(): void {
    const p = this.profile.pins;
    const io = (): RobotIo | undefined => this.io;
    if (p.distance) {
      // Back to the Sharp's voltage (the curve the host and the firmware share), then to ADC steps.
      const raw = (): number => {
        const cm = io()?.distance?.readDistance() ?? 80;
        return Math.round((distanceVolts(cm) * ADC_MAX) / ADC_VOLTS);
      };
      this.readers.set(digitalPin(p.distance.pin), { kind: 'analog', read: raw });
    }
    if (p.line) {
      const dark = p.line.darkAbove;
      this.readers.set(digitalPin(p.line.left), { kind: 'analog', read: () => (io()?.line?.readLine('left') ? ADC_MAX : Math.min(dark, 100)) });
      this.readers.set(digitalPin(p.line.right), { kind: 'analog', read: () => (io()?.line?.readLine('right') ? ADC_MAX : Math.min(dark, 100)) });
    }
    if (p.lightSensor) {
      this.readers.set(digitalPin(p.lightSensor.pin), { kind: 'analog', read: () => Math.round(((io()?.lightSensor?.readLight() ?? 0) * ADC_MAX) / 100) });
    }
    if (p.button) {
      const b = p.button;
      this.readers.set(b.pin, { kind: 'digital', read: () => (io()?.button?.readButton() ? b.pressedLevel : 1 - b.pressedLevel) });
    }
  }

  private listen(pin: number, handler: (value: number) => void): this {
    const reader = this.readers.get(pin);
    if (!reader) return this.refuse(pin);
    const set = this.reading.get(pin) ?? new Set();
    set.add(handler);
    this.reading.set(pin, set);
    this.readTimer ??= setInterval(() => this.report(), READ_EVERY_MS);
    return this;
  }

  private report(): void {
    if (!this.isReady) return;
    for (const [pin, handlers] of this.reading) {
      const reader = this.readers.get(pin)!;
      const value = reader.read();
      this.setValue(pin, value);
      for (const h of handlers) h(value);
      this.emit(reader.kind === 'analog' ? `analog-read-${pin - 14}` : `digital-read-${pin}`, value);
    }
  }
}
