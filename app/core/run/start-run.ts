/**
 * The one way a run is built and driven: « Lancer » (app/host/run/run-engine.ts), « Vérifier »
 * (challenge checks, through `runInSimulator`) and `robokit run` (app/cli/commands/run-sim.ts and
 * run-robot.ts) all come here, so they cannot disagree on the step budget, the seed or the clock:
 * the same program, profile, world and seed give the same events and the same trace.
 *
 * A target is either the simulated twin of the profile's robot, on virtual time, or any RobotIo on
 * the wall clock (Firmata today; the RoboKit firmware, whose board times the moves, plugs in as
 * another RobotIo). A future "upload to robot" path stores the program instead of running it: it
 * takes the same program and profile, and `RUN_SEED` for its random numbers.
 */
import type { Program } from '../ir';
import type { Profile } from '../profiles';
import type { RobotIo } from '../robot-io';
import { RealtimeDriver, type Scheduler } from '../runtime/drive-realtime';
import { driveVirtual } from '../runtime/drive-virtual';
import type { EndReason } from '../runtime/events';
import { whenEnded } from '../runtime/run-watch';
import { Runtime } from '../runtime/runtime';
import { Simulation } from '../simulator/simulation';
import type { World } from '../simulator/world';

/** Seed of `math_random_int` (and of the simulator's noise) when a run names none. */
export const RUN_SEED = 1;

/**
 * How fast the robot's "brain" runs: statements (and loop iterations) per slice. In the simulator a
 * slice is one 10 ms world step (25,000 statements per simulated second); on a robot a loop without
 * waits gives the host its turn after each slice.
 */
export const RUN_STEP_BUDGET = 250;

/** The simulator's world step, ms of simulated time. */
export const SIM_STEP_MS = 10;

/** The simulated twin of the profile's robot in this world, on virtual time (as fast as the CPU allows unless the host paces it). */
export interface SimTarget {
  readonly kind: 'sim';
  readonly world: World;
}

export type RunTarget =
  | SimTarget
  /** A robot on the wall clock. `scheduler` is the host's clock and timers; the run's time starts at 0 when it is built. */
  | { readonly kind: 'robot'; readonly io: RobotIo; readonly scheduler: Scheduler };

export interface RunSpec {
  readonly program: Program;
  readonly profile: Profile;
  readonly target: RunTarget;
  /** Default `RUN_SEED`. */
  readonly seed?: number;
  /** Run time (simulated, or wall on a robot) after which the run stops with reason `timeout`. */
  readonly timeoutMs?: number;
  /** Start paused (the pupil pressed « Pas à pas » first). */
  readonly paused?: boolean;
  /** Simulator only: the host's turn every `yieldEvery` world steps (Stop, Ctrl-C, pacing, frames). */
  readonly yieldToHost?: () => Promise<void>;
  /** Simulator only: world steps between host turns (default 1000). */
  readonly yieldEvery?: number;
}

export interface Run<S extends Simulation | null = Simulation | null> {
  readonly runtime: Runtime;
  /** The simulated robot, or null on a robot. */
  readonly simulation: S;
  /** The run's clock, ms since it was built (the clock of its events). */
  readonly now: () => number;
  /** Starts the run and drives it to its end. Attach listeners to `runtime` before calling it. */
  drive(): Promise<EndReason>;
}

/** Builds a run. Nothing happens on the robot until `drive()`. */
export function startRun(spec: RunSpec & { readonly target: SimTarget }): Run<Simulation>;
export function startRun(spec: RunSpec): Run;
export function startRun(spec: RunSpec): Run {
  const seed = spec.seed ?? RUN_SEED;
  const { target } = spec;
  if (target.kind === 'sim') {
    const simulation = new Simulation(target.world, spec.profile, { seed });
    const now = (): number => simulation.timeMs;
    const runtime = buildRuntime(spec, simulation.io, now, seed);
    return run(runtime, simulation, now, spec, () =>
      driveVirtual(runtime, simulation, {
        dtMs: SIM_STEP_MS,
        ...(spec.timeoutMs !== undefined ? { timeoutMs: spec.timeoutMs } : {}),
        ...(spec.yieldToHost ? { yieldToHost: spec.yieldToHost } : {}),
        ...(spec.yieldEvery !== undefined ? { yieldEvery: spec.yieldEvery } : {}),
      }),
    );
  }
  const t0 = target.scheduler.now();
  const now = (): number => target.scheduler.now() - t0;
  const runtime = buildRuntime(spec, target.io, now, seed);
  const scheduler: Scheduler = {
    setTimeout: (fn, ms) => target.scheduler.setTimeout(fn, ms),
    clearTimeout: (handle) => target.scheduler.clearTimeout(handle),
    now,
  };
  return run(runtime, null, now, spec, () =>
    new RealtimeDriver(runtime, scheduler, spec.timeoutMs === undefined ? {} : { timeoutMs: spec.timeoutMs }).start(),
  );
}

function buildRuntime(spec: RunSpec, io: RobotIo, now: () => number, seed: number): Runtime {
  return new Runtime(spec.program, io, { now }, { profile: spec.profile, seed, stepBudget: RUN_STEP_BUDGET });
}

function run<S extends Simulation | null>(runtime: Runtime, simulation: S, now: () => number, spec: RunSpec, driveToEnd: () => Promise<EndReason>): Run<S> {
  let driving: Promise<EndReason> | null = null;
  const drive = async (): Promise<EndReason> => {
    if (spec.paused) {
      const ended = whenEnded(runtime);
      await runtime.start();
      // A robot that could not be prepared has ended the run already.
      if (runtime.state === 'ended') return ended;
      runtime.pause();
    }
    return driveToEnd();
  };
  return { runtime, simulation, now, drive: () => (driving ??= drive()) };
}
