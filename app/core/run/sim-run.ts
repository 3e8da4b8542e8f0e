/**
 * A whole run on the simulated twin of its robot, as fast as the CPU allows: the path shared by
 * `robokit run --robot sim`, lesson challenges (« Vérifier ») and benchmarks. Built by `startRun`,
 * like « Lancer », so the same program, world and seed give the same events and the same trace.
 */
import type { Program } from '../ir';
import type { Profile } from '../profiles';
import type { EndReason, RunEvent } from '../runtime/events';
import type { Runtime } from '../runtime/runtime';
import type { Trace } from '../simulator/trace';
import type { World } from '../simulator/world';
import { startRun } from './start-run';

export interface SimRunOptions {
  readonly world: World;
  readonly profile: Profile;
  /** Default `RUN_SEED`. */
  readonly seed?: number;
  /** Simulated time after which the run stops with reason `timeout`. */
  readonly timeoutMs?: number;
  /** Every event as it happens (the command line prints them). */
  readonly onEvent?: (event: RunEvent) => void;
  /** Only the error event, if the program fails (cheaper than `onEvent` for a judge). */
  readonly onError?: (event: Extract<RunEvent, { type: 'error' }>) => void;
  /** Lets the host breathe (Ctrl-C, Stop) during long runs. */
  readonly yieldToHost?: () => Promise<void>;
  /** Gives the caller the runtime once created (to stop it from outside). */
  readonly onRuntime?: (runtime: Runtime) => void;
}

export interface SimRunResult {
  readonly reason: EndReason;
  readonly timeMs: number;
  readonly trace: Trace;
}

export async function runInSimulator(program: Program, options: SimRunOptions): Promise<SimRunResult> {
  const run = startRun({
    program,
    profile: options.profile,
    target: { kind: 'sim', world: options.world },
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.yieldToHost ? { yieldToHost: options.yieldToHost } : {}),
  });
  const { runtime, simulation } = run;
  if (options.onEvent) runtime.onDidEmit(options.onEvent);
  if (options.onError) runtime.onDidFail(options.onError);
  options.onRuntime?.(runtime);
  const reason = await run.drive();
  return { reason, timeMs: simulation.timeMs, trace: simulation.trace };
}
