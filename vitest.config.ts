import { defineConfig } from 'vitest/config';

/**
 * Two groups. `unit`: fast, pure or in-process tests, files in parallel. `rig`: tests that drive an
 * emulated Arduino (a CPU emulator paced to the wall clock) or a real browser; they measure timing,
 * so they run one file at a time and never compete with each other for the two cores.
 */
const RIG = [
  'test/e2e/**/*.test.ts',
  'test/**/*.emulated.test.ts',
  'test/firmware-bridge/emulator/**/*.test.ts',
  'test/firmware-bridge/firmata-robot.contract.test.ts',
];

/** A real robot, only when ROBOT_PORT names its serial port: `ROBOT_PORT=/dev/ttyACM0 npx vitest run --project board`. */
const BOARD = ['test/**/*.real-board.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...RIG, ...BOARD], maxWorkers: 2 },
      },
      {
        extends: true,
        test: { name: 'rig', include: RIG, fileParallelism: false, maxWorkers: 1 },
      },
      ...(process.env.ROBOT_PORT
        ? [{ extends: true as const, test: { name: 'board', include: BOARD, fileParallelism: false, maxWorkers: 1 } }]
        : []),
    ],
  },
});
