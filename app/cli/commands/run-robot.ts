/** `robokit run … --robot auto|PATH`: a real robot over USB (Johnny-Five over Firmata). */
import { AppError } from '../../core/errors';
import type { ExitCode, Output } from '../output';
import type { Compiled } from '../program';
import type { RunSettings } from './run';

export async function runOnRobot(_compiled: Compiled, settings: RunSettings, _output: Output): Promise<ExitCode> {
  throw new AppError({ code: 'robot-port-not-found', params: { path: settings.robot } });
}
