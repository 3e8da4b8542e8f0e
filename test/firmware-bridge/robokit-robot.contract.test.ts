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
/** Until the fake has reported what it senses (every 20 ms), then a few turns for the lines to arrive. */
async function settle(board: FakeRobokitBoard): Promise<void> {
  const end = Date.now() + 5000;
  while (!board.reportsCurrent && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 20));
}

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
      settle: () => settle(board),
    },
    dispose: async () => {
      await connection.close();
      board.dispose();
    },
  };
});
