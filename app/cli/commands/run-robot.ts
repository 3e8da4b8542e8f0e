/**
 * `robokit run … --robot auto|PATH`: a real robot over USB (Johnny-Five over Firmata), on the wall
 * clock. Ctrl-C stops the motors on the board before the process exits (130); a lost link ends the
 * run with exit 3 and "robot déconnecté".
 */
import { performance } from 'node:perf_hooks';
import { RobotConnection } from '../../../firmware-bridge/src/connection';
import { findRobotPort } from '../../../firmware-bridge/src/ports';
import { AppError } from '../../core/errors';
import { RealtimeDriver, type Scheduler } from '../../core/runtime/drive-realtime';
import { Runtime } from '../../core/runtime/runtime';
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
  const started = performance.now();
  const scheduler: Scheduler = {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    now: () => performance.now() - started,
  };
  const runtime = new Runtime(compiled.program, connection.io, { now: scheduler.now }, {
    profile: compiled.profile,
    seed: Math.floor(Math.random() * 2 ** 31),
  });
  runtime.onDidEmit(eventPrinter(output, settings.json));
  let interrupted = false;
  const onSigint = (): void => {
    interrupted = true;
    // stop() writes motors 0 ahead of anything queued, then the run ends and we exit 130.
    void runtime.stop('stopped');
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    const driver = new RealtimeDriver(runtime, scheduler, settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs });
    const reason = await driver.start();
    return interrupted ? EXIT.interrupted : exitFor(reason);
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    await connection.close().catch(() => undefined);
  }
}
