/**
 * The shared RobotIo contract, run against the Firmata adapter on the emulated Uno (real
 * StandardFirmata over a real tty). One board for the file; a fresh connection for every test, so
 * connecting and closing are exercised each time.
 *
 * Sound runs as `on-off`: the adapter's buzzer is a plain beep by design (a pitch over Firmata costs
 * one message per half period and would starve the stop; see firmata-robot.ts), so the robot
 * side shows whether D8 is HIGH, not a frequency.
 */
import { afterAll, beforeAll } from 'vitest';
import { distanceVolts } from '../../app/core/hardware-rules';
import { BUILT_IN_PROFILES } from '../../app/core/profiles';
import { startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import { RobotConnection } from '../../firmware-bridge/src/connection';
import { robotIoContract } from '../contract/robot-io-contract';

const twoWheel = BUILT_IN_PROFILES['arduino-2wd']!;
let uno: EmulatedUno;

beforeAll(async () => {
  uno = await startEmulatedUno();
}, 30_000);
afterAll(async () => {
  await uno?.stop();
});

robotIoContract(
  'Firmata adapter on the emulated Uno (arduino-2wd)',
  async () => {
    const connection = await RobotConnection.connect(uno.path, twoWheel, { timeoutMs: 8000, reconnect: false });
    const signed = (dirPin: number, pwmPin: number): number =>
      ((uno.digital(dirPin) === 1 ? 1 : -1) * uno.pwm(pwmPin) * 100) / 255 || 0;
    return {
      io: connection.io,
      observe: {
        motors: () => ({ left: signed(4, 5), right: signed(7, 6) }),
        light: () => uno.digital(13) === 1,
        soundOn: () => uno.digital(8) === 1,
        penDown: () => (uno.servoPulseUs(9) ?? 2000) < 1160, // down 30° ≈ 853 µs, up 90° ≈ 1472 µs
        setDistance: (cm) => uno.setAnalogVoltage(0, distanceVolts(cm)),
        setLine: (side, dark) => uno.setAnalogVoltage(side === 'left' ? 1 : 2, dark ? 4 : 0.5),
        setLight: (level) => uno.setAnalogVoltage(3, (level * 5) / 100),
        setButton: (pressed) => uno.setDigitalInput(2, pressed ? 0 : 1),
        // Several of Firmata's 19 ms sampling intervals of board time (the rig applies inputs between
        // slices of emulation, so a margin): commands landed, reports came back.
        settle: async () => {
          const until = uno.emulatedMs() + 150;
          await uno.waitFor(() => uno.emulatedMs() >= until, 5000);
          await new Promise((r) => setTimeout(r, 20));
        },
        // One PWM step is 0.4 %; one ADC step ≈ 0.3 cm at 40 cm and 0.1 % of light.
        tolerance: { motors: 0.6, distance: 1, light: 1 },
      },
      dispose: () => connection.close(),
    };
  },
  { capabilities: ['motors', 'light', 'sound', 'pen', 'distance', 'line', 'lightSensor', 'button'], sound: 'on-off' },
);
