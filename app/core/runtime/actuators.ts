/**
 * The program's motors and tone, between the interpreter and the RobotIo. It remembers what the
 * program asked for, so a paused program can be made safe (motors 0, tone off) and resumed, and it
 * reports `motors` events only when the motor values change.
 */
import type { RobotIo } from '../robot-io';
import { clampPower } from '../hardware-rules';
import { need } from './runtime-errors';

export interface MotorValues {
  readonly left: number;
  readonly right: number;
}

const STILL: MotorValues = { left: 0, right: 0 };

export class Actuators {
  private wanted: MotorValues = STILL;
  private shown: MotorValues = STILL;
  private toneHz = 0;
  private suspended = false;

  constructor(
    private readonly io: RobotIo,
    private readonly onDidChangeMotors: (values: MotorValues) => void,
  ) {}

  setMotors(left: number, right: number, blockId: string): void {
    const motors = need(this.io.motors, 'motors', blockId);
    this.wanted = { left: clampPower(left), right: clampPower(right) };
    if (this.suspended) return;
    motors.setMotors(this.wanted.left, this.wanted.right);
    this.show(this.wanted);
  }

  /** Motors for `ms`, timed by the robot (its BoardTimer); `done` when the robot says so. */
  timedMove(left: number, right: number, ms: number, blockId: string, done: (finished: boolean) => void): void {
    need(this.io.motors, 'motors', blockId);
    const timer = need(this.io.timer, 'motors', blockId);
    this.wanted = { left: clampPower(left), right: clampPower(right) };
    if (this.suspended) return done(false);
    timer.move(this.wanted.left, this.wanted.right, ms, done);
    this.show(this.wanted);
  }

  /** A tone for `ms`, timed by the robot; `done` when the robot says so. */
  timedTone(frequencyHz: number, ms: number, blockId: string, done: (finished: boolean) => void): void {
    need(this.io.sound, 'sound', blockId);
    const timer = need(this.io.timer, 'sound', blockId);
    this.toneHz = Math.max(0, frequencyHz);
    if (this.suspended) return done(false);
    timer.tone(this.toneHz, ms, done);
  }

  tone(frequencyHz: number, blockId: string): void {
    const sound = need(this.io.sound, 'sound', blockId);
    this.toneHz = Math.max(0, frequencyHz);
    if (!this.suspended) sound.tone(this.toneHz);
  }

  noTone(blockId: string): void {
    const sound = need(this.io.sound, 'sound', blockId);
    this.toneHz = 0;
    if (!this.suspended) sound.noTone();
  }

  /** Paused: motors 0 and silence on the robot, keeping what the program wants for later. */
  suspend(): void {
    if (this.suspended) return;
    this.suspended = true;
    if (this.io.motors && (this.wanted.left !== 0 || this.wanted.right !== 0)) {
      this.io.motors.setMotors(0, 0);
      this.show(STILL);
    }
    if (this.io.sound && this.toneHz > 0) this.io.sound.noTone();
  }

  /** Running again: the robot gets back what the program wants. */
  restore(): void {
    if (!this.suspended) return;
    this.suspended = false;
    if (this.io.motors && (this.wanted.left !== this.shown.left || this.wanted.right !== this.shown.right)) {
      this.io.motors.setMotors(this.wanted.left, this.wanted.right);
      this.show(this.wanted);
    }
    if (this.io.sound && this.toneHz > 0) this.io.sound.tone(this.toneHz);
  }

  /** After `io.stopAll()`: everything is off. */
  stopped(): void {
    this.wanted = STILL;
    this.toneHz = 0;
    this.suspended = true;
    this.show(STILL);
  }

  private show(values: MotorValues): void {
    if (values.left === this.shown.left && values.right === this.shown.right) return;
    this.shown = values;
    this.onDidChangeMotors(values);
  }
}
