/**
 * Motor drivers as data: one controller per motor type of a profile (SPEC §4), chosen from a table.
 * Powers are −100…100 %; the % → PWM and % → servo angle rules are in app/core/hardware-rules.ts.
 */
import { directionLevel, DRIVE_SERVO_US, mirroredPower, pwmDuty, servoAngle, SERVO_NEUTRAL } from '../../app/core/hardware-rules';
import type { HBridgeMotors, ServoMotors } from '../../app/core/profiles';
import type { OutgoingMessage } from './firmata-messages';
import type { PinIo } from './pin-io';

export type MotorPins = HBridgeMotors | ServoMotors;

export interface MotorController<P extends MotorPins> {
  /** Pin modes. */
  setup(io: PinIo, pins: P): void;
  set(io: PinIo, pins: P, left: number, right: number): void;
  /** The messages that stop both motors, explicitly. */
  stop(io: PinIo, pins: P): OutgoingMessage[];
}


const hbridge: MotorController<HBridgeMotors> = {
  setup(io, pins) {
    for (const side of [pins.left, pins.right]) {
      io.mode(side.pwm, 'PWM');
      io.mode(side.dir, 'OUTPUT');
    }
  },
  set(io, pins, left, right) {
    // A mirrored motor (mounted or wired the other way round) gets the opposite power.
    const sides = [
      [pins.left, mirroredPower(left, pins.mirror?.left === true)],
      [pins.right, mirroredPower(right, pins.mirror?.right === true)],
    ] as const;
    for (const [side, power] of sides) {
      io.digital(side.dir, directionLevel(power, pins.forwardLevel));
      io.pwm(side.pwm, pwmDuty(power));
    }
  },
  stop(io, pins) {
    return [
      io.analogNow(pins.left.pwm, 0),
      io.analogNow(pins.right.pwm, 0),
      io.digitalNow(pins.left.dir, 0),
      io.digitalNow(pins.right.dir, 0),
    ];
  },
};

const continuousServo: MotorController<ServoMotors> = {
  setup(io, pins) {
    io.servoRange(pins.left.pin, DRIVE_SERVO_US.min, DRIVE_SERVO_US.max);
    io.servoRange(pins.right.pin, DRIVE_SERVO_US.min, DRIVE_SERVO_US.max);
  },
  set(io, pins, left, right) {
    io.servo(pins.left.pin, servoAngle(left, pins.left.mirrored === true));
    io.servo(pins.right.pin, servoAngle(right, pins.right.mirrored === true));
  },
  stop(io, pins) {
    return [io.analogNow(pins.left.pin, SERVO_NEUTRAL), io.analogNow(pins.right.pin, SERVO_NEUTRAL)];
  },
};

const CONTROLLERS: { readonly [T in MotorPins['type']]: MotorController<Extract<MotorPins, { type: T }>> } = {
  hbridge,
  'continuous-servo': continuousServo,
};

/** The controller for these pins, bound to them. */
export function motorDriver(pins: MotorPins): {
  setup(io: PinIo): void;
  set(io: PinIo, left: number, right: number): void;
  stop(io: PinIo): OutgoingMessage[];
} {
  const controller = CONTROLLERS[pins.type] as MotorController<MotorPins>;
  return {
    setup: (io) => controller.setup(io, pins),
    set: (io, left, right) => controller.set(io, pins, left, right),
    stop: (io) => controller.stop(io, pins),
  };
}
