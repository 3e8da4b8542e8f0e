/**
 * Runs a compiled program on the simulated twin of its robot, on virtual time: the path shared by
 * `robokit run --robot sim`, lesson challenges and benchmarks. Deterministic: the same program,
 * world and seed give the same events and the same trace.
 */
import type { Program } from '../ir';
import type { Profile } from '../profiles';
import { driveVirtual } from '../runtime/drive-virtual';
import type { EndReason, RunEvent } from '../runtime/events';
import { Runtime } from '../runtime/runtime';
import { Simulation } from '../simulator/simulation';
import type { Trace } from '../simulator/trace';
import type { World } from '../simulator/world';

/**
 * How fast the simulated robot's "brain" runs: statements per 10 ms world step (25,000 per simulated
 * second). A loop without waits runs this often per step, then the world moves on.
 */
export const SIM_STEP_BUDGET = 250;

export interface SimRunOptions {
  readonly world: World;
  readonly profile: Profile;
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
  const sim = new Simulation(options.world, options.profile, { seed: options.seed ?? 1 });
  const runtime = new Runtime(program, sim.io, { now: () => sim.timeMs }, {
    profile: options.profile,
    seed: options.seed ?? 1,
    stepBudget: SIM_STEP_BUDGET,
  });
  if (options.onEvent) runtime.onDidEmit(options.onEvent);
  if (options.onError) runtime.onDidFail(options.onError);
  options.onRuntime?.(runtime);
  const reason = await driveVirtual(runtime, sim, {
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.yieldToHost ? { yieldToHost: options.yieldToHost } : {}),
  });
  return { reason, timeMs: sim.timeMs, trace: sim.trace };
}
