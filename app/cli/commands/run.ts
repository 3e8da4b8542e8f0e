/**
 * `robokit run FILE.robokit [--robot sim|auto|PATH] [--profile ID] [--world FILE|ID] [--timeout S] [--json]`
 * Exit: 0 ended, 1 runtime error, 2 bad input, 3 robot not reachable, 130 interrupted.
 */
import { AppError } from '../../core/errors';
import { numberText } from '../../core/i18n/numbers';
import type { EndReason, RunEvent } from '../../core/runtime/events';
import { numberOption, parse } from '../args';
import { loadProject } from '../load';
import { EXIT, type ExitCode, type Output } from '../output';
import { compileProject } from '../program';
import { runOnSimulator } from './run-sim';

export interface RunSettings {
  readonly json: boolean;
  readonly timeoutMs: number | undefined;
  readonly world: string | undefined;
  readonly robot: string;
}

export function exitFor(reason: EndReason): ExitCode {
  switch (reason) {
    case 'finished':
    case 'stopped':
    case 'timeout':
      return EXIT.ok;
    case 'error':
      return EXIT.runtimeError;
    case 'disconnected':
      return EXIT.robotUnreachable;
  }
}

/** Prints one event: a JSON line with --json; otherwise what a person wants to see. */
export function eventPrinter(output: Output, json: boolean): (e: RunEvent) => void {
  if (json) return (e) => output.out(JSON.stringify(e));
  return (e) => {
    // French first, like every message of the command line: « 3,5 ».
    if (e.type === 'say') output.out(`🤖 ${e.number === undefined ? e.text : numberText(e.number, 'fr')}`);
    else if (e.type === 'error') {
      const where = e.blockId ? ` [bloc ${e.blockId}]` : '';
      output.err(`robokit : ${e.message.fr}${where}`);
      output.err(`robokit: ${e.message.en}${e.blockId ? ` [block ${e.blockId}]` : ''}`);
    }
  };
}

export async function runCommand(argv: string[], output: Output): Promise<ExitCode> {
  const { values, positionals } = parse(
    argv,
    {
      robot: { type: 'string', default: 'sim' },
      profile: { type: 'string' },
      world: { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    { min: 1, max: 1 },
  );
  const timeoutS = numberOption(values.timeout, 'timeout', undefined, 0);
  const project = await loadProject(positionals[0]!);
  const compiled = await compileProject(project, values.profile as string | undefined, output);
  if (!compiled) return EXIT.badInput;
  const settings: RunSettings = {
    json: values.json === true,
    timeoutMs: timeoutS === undefined ? undefined : timeoutS * 1000,
    world: values.world as string | undefined,
    robot: values.robot as string,
  };
  if (settings.robot === 'sim') return runOnSimulator(compiled, settings, output);
  if (settings.world) throw new AppError({ code: 'bad-usage', params: { detail: '--world goes with --robot sim' } });
  // Loaded only for a real robot: Johnny-Five and serialport cost start-up time a simulated run never needs.
  const { runOnRobot } = await import('./run-robot');
  return runOnRobot(compiled, settings, output);
}
