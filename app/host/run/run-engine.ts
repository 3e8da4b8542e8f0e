/**
 * The app's RunEngine (« Lancer »): a run built by the core's `startRun`, on the simulator paced to
 * the wall clock so the pupil watches the robot move at its real speed, or on a connected robot.
 * Frames for the simulator view and readings for the sensor chart go out at about 30 Hz, and so,
 * at most, do `block` and `motors` events (see event-throttle.ts): a loop without waits does not
 * flood the UI.
 */
import type { Program } from '../../core/ir';
import type { Profile } from '../../core/profiles';
import type { RobotIo } from '../../core/robot-io';
import { SIM_STEP_MS, startRun, type Run } from '../../core/run/start-run';
import type { Scheduler } from '../../core/runtime/drive-realtime';
import type { Runtime } from '../../core/runtime/runtime';
import type { World } from '../../core/simulator/world';
import type { SensorReading } from '../../shared/api';
import type { RunEngine, RunHandle, RunSink, RunTargetSpec } from '../seams';
import { throttleRunSink, type ThrottledSink } from './event-throttle';
import { PenTrailFeed } from './pen-trail-feed';

/** The wall clock and its timers (injected, so tests run without waiting). */
export interface WallClock extends Scheduler {
  sleep(ms: number): Promise<void>;
}

/** The live chart's reading period on a real robot. */
const SENSOR_PERIOD_MS = 100;

export const systemWallClock: WallClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RunEngineOptions {
  readonly wall?: WallClock;
  /** Simulator frame period, ms of simulated time, a multiple of 10 (default 30, about 33 Hz). */
  readonly frameMs?: number;
  /** Seed of the runs (default `RUN_SEED`, as « Vérifier » and `robokit run`). */
  readonly seed?: number;
  /** Reports unexpected failures of a run (bugs); the run itself ends. */
  readonly logBug?: (error: unknown) => void;
}

export function createRunEngine(options: RunEngineOptions = {}): RunEngine {
  const wall = options.wall ?? systemWallClock;
  const frameMs = options.frameMs ?? 30;
  const logBug = options.logBug ?? ((e: unknown) => console.error(e));
  return {
    start(program, target, { paused }, sink) {
      return target.kind === 'sim'
        ? startSimulated(program, target.profile, target.world, paused, sink, { wall, frameMs, seed: options.seed, logBug })
        : startOnRobot(program, target, paused, sink, { wall, frameMs, seed: options.seed, logBug });
    },
  };
}

function handleFor(runtime: Runtime): RunHandle {
  return {
    pause: () => runtime.pause(),
    resume: () => runtime.resume(),
    step: () => runtime.step(),
    stop: () => runtime.stop('stopped'),
  };
}

function wire(runtime: Runtime, sink: ThrottledSink): void {
  runtime.onDidEmit((event) => sink.event(event));
  runtime.onDidChangeState((state) => sink.state(state));
}

/** Drives the run to its end; a bug ends it too, after making the robot safe. */
function driveSafely(run: Run, logBug: (error: unknown) => void, after: () => void): void {
  void run
    .drive()
    .catch(async (e: unknown) => {
      logBug(e);
      await run.runtime.stop('stopped');
    })
    .finally(after);
}

interface SimContext {
  readonly wall: WallClock;
  readonly frameMs: number;
  readonly seed: number | undefined;
  readonly logBug: (error: unknown) => void;
}

function startSimulated(program: Program, profile: Profile, world: World, paused: boolean, out: RunSink, ctx: SimContext): RunHandle {
  // Pacing: simulated time may not run ahead of the wall time spent running (pauses excluded).
  let runningWallMs = 0;
  let runningSince: number | null = null;
  let lastFrameAt = -Infinity;
  const pace = async () => {
    if (sim.timeMs - lastFrameAt >= ctx.frameMs) sendFrame();
    const elapsed = runningWallMs + (runningSince === null ? 0 : ctx.wall.now() - runningSince);
    const ahead = sim.timeMs - elapsed;
    if (ahead > 0) await ctx.wall.sleep(ahead);
  };
  const run = startRun({
    program,
    profile,
    target: { kind: 'sim', world },
    ...(ctx.seed !== undefined ? { seed: ctx.seed } : {}),
    paused,
    yieldToHost: pace,
    yieldEvery: Math.max(1, Math.round(ctx.frameMs / SIM_STEP_MS)),
  });
  const { runtime, simulation: sim } = run;
  const sink = throttleRunSink(out);
  wire(runtime, sink);
  const caps = new Set(profile.capabilities);
  const pen = new PenTrailFeed();
  const sendFrame = () => {
    sink.flush();
    const snap = sim.snapshot();
    sink.simulation({ t: snap.timeMs, pose: snap.pose, penDown: snap.penDown, trail: pen.next(snap.penSegments) });
    sink.sensors({
      t: snap.timeMs,
      ...(caps.has('distance') ? { distance: snap.sensors.distanceCm } : {}),
      ...(caps.has('lightSensor') ? { light: snap.sensors.light } : {}),
      ...(caps.has('line') ? { lineLeft: snap.sensors.lineLeft.dark, lineRight: snap.sensors.lineRight.dark } : {}),
      ...(caps.has('button') ? { button: snap.sensors.button } : {}),
    });
    lastFrameAt = snap.timeMs;
  };
  runtime.onDidChangeState((state) => {
    if (state === 'running') runningSince = ctx.wall.now();
    else if (runningSince !== null) {
      runningWallMs += ctx.wall.now() - runningSince;
      runningSince = null;
    }
  });

  sendFrame();
  driveSafely(run, ctx.logBug, sendFrame);
  return handleFor(runtime);
}

function startOnRobot(
  program: Program,
  target: Extract<RunTargetSpec, { kind: 'robot' }>,
  paused: boolean,
  out: RunSink,
  ctx: SimContext,
): RunHandle {
  const run = startRun({
    program,
    profile: target.profile,
    target: { kind: 'robot', io: target.io, scheduler: ctx.wall },
    ...(ctx.seed !== undefined ? { seed: ctx.seed } : {}),
    paused,
  });
  const sink = throttleRunSink(out, { clock: ctx.wall, periodMs: ctx.frameMs });
  wire(run.runtime, sink);
  let timer: unknown = null;
  const tick = () => {
    sink.sensors(readSensors(target.io, run.now()));
    timer = ctx.wall.setTimeout(tick, SENSOR_PERIOD_MS);
  };
  timer = ctx.wall.setTimeout(tick, SENSOR_PERIOD_MS);
  driveSafely(run, ctx.logBug, () => ctx.wall.clearTimeout(timer));
  return handleFor(run.runtime);
}

function readSensors(io: RobotIo, t: number): Omit<SensorReading, 'runId'> {
  return {
    t,
    ...(io.distance ? { distance: io.distance.readDistance() } : {}),
    ...(io.lightSensor ? { light: io.lightSensor.readLight() } : {}),
    ...(io.line ? { lineLeft: io.line.readLine('left'), lineRight: io.line.readLine('right') } : {}),
    ...(io.button ? { button: io.button.readButton() } : {}),
  };
}
