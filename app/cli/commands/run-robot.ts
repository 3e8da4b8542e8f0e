/**
 * `robokit run … --robot auto|PATH`: a real robot over USB — the RoboKit firmware, else
 * StandardFirmata through Johnny-Five, detected on connect — on the wall clock. Ctrl-C stops the
 * motors on the board before the process exits (130); a lost link ends the run with exit 3 and
 * "robot déconnecté"; a failure of the process itself stops them too (exit 70). With the RoboKit
 * firmware, a process killed outright (nothing runs any more) is covered by the board's failsafe.
 */
import { RobotConnection } from '../../../firmware-bridge/src/connection';
import { findRobotPort } from '../../../firmware-bridge/src/ports';
import { AppError } from '../../core/errors';
import type { RobotIo } from '../../core/robot-io';
import { startRun } from '../../core/run/start-run';
import type { Scheduler } from '../../core/runtime/drive-realtime';
import { installLastGasp } from '../../host/last-gasp';
import { systemWallClock } from '../../host/run/run-engine';
import { EXIT, type ExitCode, type Output } from '../output';
import type { Compiled } from '../program';
import { eventPrinter, exitFor, type RunSettings } from './run';

async function resolvePort(robot: string): Promise<string> {
  if (robot !== 'auto') return robot;
  const port = await findRobotPort();
  if (!port) throw new AppError({ code: 'robot-none-found' });
  return port.path;
}

export async function runOnRobot(compiled: Compiled, settings: RunSettings, output: Output): Promise<ExitCode> {
  const path = await resolvePort(settings.robot);
  // A one-shot run: no reconnecting; a lost link ends it (exit 3).
  const connection = await RobotConnection.connect(path, compiled.profile, { reconnect: false });
  // Anything else that ends this process (a bug, a closed terminal) stops the robot first.
  const removeLastGasp = installLastGasp({ stop: () => connection.lastGasp() });
  try {
    return await runOnRobotIo(compiled, connection.io, settings, output);
  } finally {
    removeLastGasp();
    await connection.close().catch(() => undefined);
  }
}

/** Runs on a connected robot until the program ends, Ctrl-C or SIGTERM (motors 0 first, then 130). */
export async function runOnRobotIo(
  compiled: Compiled,
  io: RobotIo,
  settings: RunSettings,
  output: Output,
  scheduler: Scheduler = systemWallClock,
): Promise<ExitCode> {
  const run = startRun({
    program: compiled.program,
    profile: compiled.profile,
    target: { kind: 'robot', io, scheduler },
    ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
  });
  run.runtime.onDidEmit(eventPrinter(output, settings.json));
  let interrupted = false;
  const onSigint = (): void => {
    interrupted = true;
    // stop() writes motors 0 ahead of anything queued, then the run ends and we exit 130.
    void run.runtime.stop('stopped');
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    const reason = await run.drive();
    return interrupted ? EXIT.interrupted : exitFor(reason);
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}
