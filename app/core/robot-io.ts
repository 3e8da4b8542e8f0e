/**
 * The hardware seam: small capability interfaces a robot back-end implements (simulator,
 * Johnny-Five over Firmata, RoboKit firmware, the test fake). Actuator calls are fire-and-forget
 * (a back-end queues and paces them); sensor reads return the latest known value synchronously.
 * Units: motor power −100…100 %, distance in cm, light 0…100, frequency in Hz.
 * One contract suite (`test/contract/robot-io-contract.ts`) runs against every adapter.
 */
import type { Capability, Side } from './ir';

export interface Motors {
  /** Set both motors, −100…100 % (values outside are clamped by the adapter). */
  setMotors(left: number, right: number): void;
}

export interface Light {
  setLight(on: boolean): void;
}

export interface Sound {
  /** Start a tone; 0 or `noTone()` silences it. */
  tone(frequencyHz: number): void;
  noTone(): void;
}

export interface Pen {
  setPen(down: boolean): void;
}

export interface DistanceSensor {
  /** Centimetres to the obstacle ahead (the sensor's range caps it). */
  readDistance(): number;
}

export interface LineSensors {
  /** True when that line sensor sees the dark line. */
  readLine(side: Side): boolean;
}

export interface LightSensor {
  /** Ambient light 0 (dark) … 100 (bright). */
  readLight(): number;
}

export interface Button {
  readButton(): boolean;
}

/**
 * Moves, turns and beeps timed by the robot itself (the RoboKit firmware): the runtime starts the
 * action and waits for `done` instead of its own clock. `done(true)`: the robot finished it;
 * `done(false)`: it was cancelled (a stop, a new motor command, the failsafe, a lost link).
 * `done` runs once, never synchronously.
 */
export interface BoardTimer {
  /** Motors at `left`, `right` (−100…100 %) for `ms`, then 0. */
  move(left: number, right: number, ms: number, done: (finished: boolean) => void): void;
  /** A tone for `ms`, then silence. */
  tone(frequencyHz: number, ms: number, done: (finished: boolean) => void): void;
}

export type LinkState = 'ready' | 'lost';

export interface RobotIo {
  readonly motors?: Motors;
  readonly light?: Light;
  readonly sound?: Sound;
  readonly pen?: Pen;
  readonly distance?: DistanceSensor;
  readonly line?: LineSensors;
  readonly lightSensor?: LightSensor;
  readonly button?: Button;
  /** Present when the robot times moves and tones itself (not a capability a program uses). */
  readonly timer?: BoardTimer;
  /**
   * Get ready to run a program that uses these capabilities (a hardware back-end turns on reporting
   * for those sensors only). Resolves when the first readings are in.
   */
  prepare(uses: readonly Capability[]): Promise<void>;
  /**
   * Every actuator to a safe state — motors 0 written explicitly, tone off — ahead of anything queued.
   * Resolves once the back-end has sent it. Idempotent.
   */
  stopAll(): Promise<void>;
  /** Called when the link to the robot is lost (never for the simulator or the fake). */
  onDidChangeLink?(listener: (state: LinkState) => void): () => void;
}

/** Which capabilities a RobotIo actually has. */
export function capabilitiesOf(io: RobotIo): Capability[] {
  const out: Capability[] = [];
  if (io.motors) out.push('motors');
  if (io.light) out.push('light');
  if (io.sound) out.push('sound');
  if (io.pen) out.push('pen');
  if (io.distance) out.push('distance');
  if (io.line) out.push('line');
  if (io.lightSensor) out.push('lightSensor');
  if (io.button) out.push('button');
  return out;
}
