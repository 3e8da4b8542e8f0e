/**
 * The shared RobotIo contract on a REAL board: runs only in the `board` test project, which exists
 * when ROBOT_PORT names the robot's serial port (see README). Example:
 *   ROBOT_PORT=/dev/ttyACM0 npx vitest run --project board
 * The robot side is read back from the board itself (Firmata's pin state query), so the actuators
 * are checked: motors (PWM and direction pins), light, buzzer. Sensors need someone to move things
 * in front of the robot, so they are not part of this automatic run.
 */
import { BUILT_IN_PROFILES } from '../../app/core/profiles';
import type { RobotIo } from '../../app/core/robot-io';
import { RobotConnection } from '../../firmware-bridge/src/connection';
import { robotIoContract } from '../contract/robot-io-contract';

const port = process.env.ROBOT_PORT;
if (!port) throw new Error('ROBOT_PORT must name the robot’s serial port for this test project');
const twoWheel = BUILT_IN_PROFILES['arduino-2wd']!;
const PINS = [4, 5, 6, 7, 8, 13] as const;

robotIoContract(
  `Firmata adapter on the real board at ${port} (arduino-2wd)`,
  async () => {
    // Read-back needs Firmata's pin state query: the RoboKit firmware has no such command yet.
    const connection = await RobotConnection.connect(port, twoWheel, { timeoutMs: 8000, reconnect: false, firmwares: ['firmata'] });
    const state = new Map<number, number>();
    const signed = (dirPin: number, pwmPin: number): number =>
      ((state.get(dirPin) === 1 ? 1 : -1) * (state.get(pwmPin) ?? 0) * 100) / 255 || 0;
    const { motors, light, sound, prepare, stopAll, onDidChangeLink } = connection.io;
    // The actuators only: the contract checks the capabilities it is given, exactly.
    const io: RobotIo = { motors, light, sound, prepare, stopAll, ...(onDidChangeLink ? { onDidChangeLink } : {}) };
    return {
      io,
      observe: {
        motors: () => ({ left: signed(4, 5), right: signed(7, 6) }),
        light: () => state.get(13) === 1,
        soundOn: () => state.get(8) === 1,
        settle: async () => {
          await new Promise((r) => setTimeout(r, 100));
          for (const pin of PINS) state.set(pin, await connection.readPinState(pin));
        },
        tolerance: { motors: 0.6 },
      },
      dispose: () => connection.close(),
    };
  },
  { capabilities: ['motors', 'light', 'sound'], sound: 'on-off' },
);
