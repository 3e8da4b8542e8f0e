/**
 * The app's RunEngine: the core Runtime on the simulator, paced to the wall clock so the pupil
 * watches the robot move at its real speed, or on a connected robot with the RealtimeDriver.
 * Frames for the simulator view and readings for the sensor chart go out at about 30 Hz, and so,
 * at most, do `block` and `motors` events (see event-throttle.ts): a loop without waits does not
 * flood the UI.
 */
import type { Program } from '../../core/ir';
import type { Profile } from '../../core/profiles';
import type { RobotIo } from '../../core/robot-io';
import { RealtimeDriver, type Scheduler } from '../../core/runtime/drive-realtime';
import { driveVirtual } from '../../core/runtime/drive-virtual';
import { Runtime } from '../../core/runtime/runtime';
import { Simulation } from '../../core/simulator/simulation';
import type { World } from '../../core/simulator/world';
import type { SensorReading } from '../../shared/api';
import type { RunEngine, RunHandle, RunSink, RunTargetSpec } from '../seams';
import { throttleRunSink, type ThrottledSink } from './event-throttle';
import { PenTrailFeed } from './pen-trail-feed';

/** The wall clock and its timers (injected, so tests run without waiting). */
export interface WallClock extends Scheduler {
  sleep(ms: number): Promise<void>;
}

const SIM_STEP_MS = 10;
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
        ? startSimulated(program, target.profile, target.world, paused, sink, { wall, frameMs, seed: options.seed ?? 1, logBug })
        : startOnRobot(program, target, paused, sink, { wall, frameMs, logBug });
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

interface SimContext {
  readonly wall: WallClock;
  readonly frameMs: number;
  readonly seed: number;
  readonly logBug: (error: unknown) => void;
}

function startSimulated(program: Program, profile: Profile, world: World, paused: boolean, out: RunSink, ctx: SimContext): RunHandle {
  const sim = new Simulation(world, profile, { seed: ctx.seed });
  const runtime = new Runtime(program, sim.io, { now: () => sim.timeMs }, { profile, seed: ctx.seed });
  const sink = throttleRunSink(out);
  wire(runtime, sink);
  const caps = new Set(profile.capabilities);
  const pen = new PenTrailFeed();
  let lastFrameAt = -Infinity;
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

  // Pacing: simulated time may not run ahead of the wall time spent running (pauses excluded).
  let runningWallMs = 0;
  let runningSince: number | null = null;
  runtime.onDidChangeState((state) => {
    if (state === 'running') runningSince = ctx.wall.now();
    else if (runningSince !== null) {
      runningWallMs += ctx.wall.now() - runningSince;
      runningSince = null;
    }
  });
  const pace = async () => {
    if (sim.timeMs - lastFrameAt >= ctx.frameMs) sendFrame();
    const elapsed = runningWallMs + (runningSince === null ? 0 : ctx.wall.now() - runningSince);
    const ahead = sim.timeMs - elapsed;
    if (ahead > 0) await ctx.wall.sleep(ahead);
  };

  sendFrame();
  void (async () => {
    await runtime.start();
    if (paused) runtime.pause();
    await driveVirtual(runtime, sim, { dtMs: SIM_STEP_MS, yieldEvery: Math.max(1, Math.round(ctx.frameMs / SIM_STEP_MS)), yieldToHost: pace });
    sendFrame();
  })().catch(async (e: unknown) => {
    ctx.logBug(e);
    await runtime.stop('stopped');
  });
  return handleFor(runtime);
}

function startOnRobot(
  program: Program,
  target: Extract<RunTargetSpec, { kind: 'robot' }>,
  paused: boolean,
  out: RunSink,
  ctx: Omit<SimContext, 'seed'>,
): RunHandle {
  const t0 = ctx.wall.now();
  const clock = { now: () => ctx.wall.now() - t0 };
  const runtime = new Runtime(program, target.io, clock, { profile: target.profile });
  const sink = throttleRunSink(out, { clock: ctx.wall, periodMs: ctx.frameMs });
  wire(runtime, sink);
  const scheduler: Scheduler = { ...ctx.wall, now: clock.now };
  let timer: unknown = null;
  const tick = () => {
    sink.sensors(readSensors(target.io, clock.now()));
    timer = ctx.wall.setTimeout(tick, SENSOR_PERIOD_MS);
  };
  timer = ctx.wall.setTimeout(tick, SENSOR_PERIOD_MS);
  void (async () => {
    await runtime.start();
    if (paused) runtime.pause();
    await new RealtimeDriver(runtime, scheduler).start();
  })()
    .catch(async (e: unknown) => {
      ctx.logBug(e);
      await runtime.stop('stopped');
    })
    .finally(() => ctx.wall.clearTimeout(timer));
  return handleFor(runtime);
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
