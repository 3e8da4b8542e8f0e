/** `robokit run … --robot sim`: the simulated twin of the project's robot, on virtual time. */
import { AppError } from '../../core/errors';
import { guardJsonText } from '../../core/project/json-guard';
import { runInSimulator } from '../../core/run/sim-run';
import type { Runtime } from '../../core/runtime/runtime';
import { findWorld } from '../../core/simulator/built-in-worlds';
import { parseWorld } from '../../core/simulator/parse-world';
import type { World } from '../../core/simulator/world';
import { readTextFile } from '../load';
import { EXIT, type ExitCode, type Output } from '../output';
import type { Compiled } from '../program';
import { eventPrinter, exitFor, type RunSettings } from './run';

const WORLD_LIMITS = { maxChars: 5 * 1024 * 1024, maxDepth: 64 };

export async function loadWorld(idOrPath: string | undefined): Promise<World> {
  const builtIn = findWorld(idOrPath ?? 'empty-table');
  if (builtIn) return builtIn;
  const text = await readTextFile(idOrPath!, WORLD_LIMITS.maxChars);
  const guard = guardJsonText(text, WORLD_LIMITS);
  if (guard) throw new AppError({ code: 'world-invalid', params: { path: '/', detail: guard.code } });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError({ code: 'world-invalid', params: { path: '/', detail: 'not JSON' } });
  }
  const result = parseWorld(json);
  if (!result.ok) {
    throw new AppError({ code: result.error.code, params: { path: result.error.path, detail: result.error.detail } });
  }
  return result.world;
}

export async function runOnSimulator(compiled: Compiled, settings: RunSettings, output: Output): Promise<ExitCode> {
  const world = await loadWorld(settings.world);
  let runtime: Runtime | undefined;
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
    void runtime?.stop('stopped');
  };
  process.on('SIGINT', onSigint);
  try {
    const result = await runInSimulator(compiled.program, {
      world,
      profile: compiled.profile,
      ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
      onEvent: eventPrinter(output, settings.json),
      onRuntime: (r) => (runtime = r),
      yieldToHost: () => new Promise((resolve) => setImmediate(resolve)),
    });
    if (!settings.json) {
      output.err(`robokit : fin (${result.reason}) après ${(result.timeMs / 1000).toFixed(1)} s simulées.`);
    }
    return interrupted ? EXIT.interrupted : exitFor(result.reason);
  } finally {
    process.off('SIGINT', onSigint);
  }
}
