import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES, type HBridgeMotors } from '../../app/core/profiles';
import { analogMessage, digitalPortMessage, type OutgoingMessage } from '../../firmware-bridge/src/firmata-messages';
import { motorDriver, type MotorPins } from '../../firmware-bridge/src/motor-controllers';
import type { PinIo, PinMode } from '../../firmware-bridge/src/pin-io';

/** Records which pin-level calls were made. */
class RecordingPinIo implements PinIo {
  readonly calls: string[] = [];
  private ports = [0, 0, 0];
  mode(pin: number, mode: PinMode): void {
    this.calls.push(`mode ${pin} ${mode}`);
  }
  inputPullup(pin: number): void {
    this.calls.push(`inputPullup ${pin}`);
  }
  servoRange(pin: number, minUs: number, maxUs: number): void {
    this.calls.push(`servoRange ${pin} ${minUs}-${maxUs}`);
  }
  pwm(pin: number, duty: number): void {
    this.calls.push(`pwm ${pin} ${duty}`);
  }
  servo(pin: number, degrees: number): void {
    this.calls.push(`servo ${pin} ${degrees}`);
  }
  digital(pin: number, level: 0 | 1): void {
    this.calls.push(`digital ${pin} ${level}`);
  }
  analogNow(pin: number, value: number): OutgoingMessage {
    this.calls.push(`analogNow ${pin} ${value}`);
    return analogMessage(pin, value);
  }
  digitalNow(pin: number, level: 0 | 1): OutgoingMessage {
    this.calls.push(`digitalNow ${pin} ${level}`);
    const port = pin >> 3;
    this.ports[port] = level ? this.ports[port]! | (1 << (pin & 7)) : this.ports[port]! & ~(1 << (pin & 7));
    return digitalPortMessage(port, this.ports[port]!);
  }
}

const hbridge = BUILT_IN_PROFILES['arduino-2wd']!.pins.motors as MotorPins;
const servos = BUILT_IN_PROFILES['servo-bot']!.pins.motors as MotorPins;

describe('motor controllers', () => {
  it('H-bridge: PWM D5/D6, direction D4/D7, forward = HIGH', () => {
    const io = new RecordingPinIo();
    const driver = motorDriver(hbridge);
    driver.setup(io);
    driver.set(io, 50, -100);
    expect(io.calls).toEqual([
      'mode 5 PWM',
      'mode 4 OUTPUT',
      'mode 6 PWM',
      'mode 7 OUTPUT',
      'digital 4 1',
      'pwm 5 128',
      'digital 7 0',
      'pwm 6 255',
    ]);
  });

  it('H-bridge: a mirrored motor (a class’s robot wired the other way round) gets the opposite power', () => {
    const io = new RecordingPinIo();
    const driver = motorDriver({ ...(hbridge as HBridgeMotors), mirror: { right: true } });
    driver.set(io, 50, 50);
    expect(io.calls).toEqual(['digital 4 1', 'pwm 5 128', 'digital 7 0', 'pwm 6 128']);
  });

  it('H-bridge stop writes PWM 0 and both direction pins, explicitly', () => {
    const io = new RecordingPinIo();
    const messages = motorDriver(hbridge).stop(io);
    expect(io.calls).toEqual(['analogNow 5 0', 'analogNow 6 0', 'digitalNow 4 0', 'digitalNow 7 0']);
    expect(messages.map((m) => m.key)).toEqual(['analog:5', 'analog:6', 'port:0', 'port:0']);
  });

  it('continuous servos: neutral 90°, right mirrored, 1000–2000 µs', () => {
    const io = new RecordingPinIo();
    const driver = motorDriver(servos);
    driver.setup(io);
    driver.set(io, 100, 100);
    driver.set(io, -50, 0);
    expect(io.calls).toEqual([
      'servoRange 10 1000-2000',
      'servoRange 11 1000-2000',
      'servo 10 180',
      'servo 11 0',
      'servo 10 45',
      'servo 11 90',
    ]);
  });

  it('continuous servos stop at neutral', () => {
    const io = new RecordingPinIo();
    motorDriver(servos).stop(io);
    expect(io.calls).toEqual(['analogNow 10 90', 'analogNow 11 90']);
  });
});
