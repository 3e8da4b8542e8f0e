/**
 * The shared RobotIo contract, run against the RoboKit firmware adapter on the hand-written fake
 * board (the firmware's protocol at the far end of a fake link), through the connection's detection.
 */
import { BUILT_IN_PROFILES } from '../../app/core/profiles';
import { RobotConnection } from '../../firmware-bridge/src/connection';
import { robotIoContract } from '../contract/robot-io-contract';
import { FakeLink } from './fakes/fake-board';
import { FakeRobokitBoard } from './fakes/fake-robokit-board';

const twoWheel = BUILT_IN_PROFILES['arduino-2wd']!;
/** The fake's reports come every 20 ms (the adapter's watch period): a few periods. */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 60));

robotIoContract('RoboKit firmware adapter on the fake board (arduino-2wd)', async () => {
  const board = new FakeRobokitBoard();
  const connection = await RobotConnection.connect('/dev/ttyACM0', twoWheel, {
    timeoutMs: 2000,
    reconnect: false,
    openLink: async () => new FakeLink(board),
  });
  return {
    io: connection.io,
    observe: {
      motors: () => board.motors,
      light: () => board.light,
      toneHz: () => board.toneHz,
      penDown: () => board.penDown,
      setDistance: (cm) => board.setSensor('d', Math.round(cm * 10)),
      setLine: (side, dark) => board.setSensor(side === 'left' ? 'll' : 'lr', dark ? 1 : 0),
      setLight: (level) => board.setSensor('li', level),
      setButton: (pressed) => board.setSensor('b', pressed ? 1 : 0),
      settle,
    },
    dispose: async () => {
      await connection.close();
      board.dispose();
    },
  };
});
