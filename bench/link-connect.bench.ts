/**
 * Connect-to-ready (issue #3, goal ≤ 2.5 s): RobotConnection.connect to a freshly reset emulated Uno
 * running the real StandardFirmata, boot blink included (a real Uno resets when its port opens and
 * blinks its version for ≈ 1.9 s before it answers), until the robot is set up and safe. N connects,
 * each timed in wall time and in board time (the rig's emulated clock).
 *
 * The goal is judged in board time: when this machine is loaded the emulator runs slower than real
 * time and stretches the boot blink, which a real board's own CPU would not; the wall time and the
 * emulator's speed are printed next to it.
 */
import { performance } from 'node:perf_hooks';
import { startEmulatedUno } from '../firmware-bridge/emulator';
import { RobotConnection } from '../firmware-bridge/src/connection';
import { connectOptions, ms, speedNote, TWO_WHEEL, untilBoardMs } from './link-rig';
import { median, report, type Goal } from './stats';

const CONNECTS = 5;
const GOAL_MS = 2500;

async function main(): Promise<number> {
  const uno = await startEmulatedUno();
  try {
    await untilBoardMs(uno, 2500);
    const wall: number[] = [];
    const board: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < CONNECTS; i++) {
      const started = performance.now();
      const startedBoard = uno.emulatedMs();
      uno.reset();
      const connection = await RobotConnection.connect(uno.path, TWO_WHEEL, connectOptions(uno));
      wall.push(performance.now() - started);
      board.push(uno.emulatedMs() - startedBoard);
      ratios.push(board.at(-1)! / wall.at(-1)!);
      if (!connection.firmware?.startsWith('StandardFirmata')) throw new Error(`unexpected firmware ${connection.firmware}`);
      await connection.close();
    }
    console.log(`connect-to-ready on a freshly reset emulated Uno (${CONNECTS} connects, boot blink included):`);
    console.log(`  wall:  median ${ms(median(wall))} (${wall.map((v) => v.toFixed(0)).join(', ')})`);
    console.log(`  board: median ${ms(median(board))} (${board.map((v) => v.toFixed(0)).join(', ')})`);
    console.log(`  emulator speed during the connects (board / wall): median ${median(ratios).toFixed(2)}× real time; ${speedNote(uno)}`);
    const goals: Goal[] = [
      { name: 'connect-to-ready median, board time', ok: median(board) <= GOAL_MS, figure: `${ms(median(board))} (wall ${ms(median(wall))})`, target: `≤ ${GOAL_MS} ms` },
    ];
    return report('Link benchmark: connect-to-ready', goals);
  } finally {
    await uno.stop();
  }
}

process.exitCode = await main();
