/**
 * Runs, one at a time: compile the workspace for the profile, pick the target (the simulator in a
 * world, or the connected robot), start the engine, and forward what it reports with the run's id.
 */
import { AppError } from '../core/errors';
import { findProfile, type Profile } from '../core/profiles';
import type { RunState } from '../core/runtime/events';
import type {
  RunEventMessage,
  RunRequest,
  RunStartResult,
  RunStateMessage,
  RunTarget,
  SensorReading,
  SimulationFrame,
} from '../shared/api';
import { Emitter } from './emitter';
import type { RobotManager } from './robot-manager';
import type { CompileFn, RunEngine, RunHandle, RunTargetSpec, WorldCatalog } from './seams';
import { diagnosticToApiError } from './to-api-error';

export interface RunSessionsDeps {
  readonly compile: CompileFn;
  readonly engine: RunEngine;
  readonly worlds: WorldCatalog;
  readonly robots: RobotManager;
}

interface ActiveRun {
  readonly id: number;
  readonly target: RunTarget;
  /** Null only while the engine is starting. */
  handle: RunHandle | null;
  state: RunState;
}

export class RunSessions {
  private readonly events = new Emitter<RunEventMessage>();
  private readonly states = new Emitter<RunStateMessage>();
  private readonly frames = new Emitter<SimulationFrame>();
  private readonly readings = new Emitter<SensorReading>();
  readonly onDidEmitRunEvent = this.events.event;
  readonly onDidChangeRunState = this.states.event;
  readonly onDidUpdateSimulation = this.frames.event;
  readonly onDidReadSensors = this.readings.event;

  private active: ActiveRun | null = null;
  private nextId = 1;

  constructor(private readonly deps: RunSessionsDeps) {}

  get running(): boolean {
    return this.active !== null && this.active.state !== 'ended';
  }

  /**
   * `defaultWorld`: the settings' world, used when the request names none. `simProfile`: the
   * request's profile already resolved (an own robot from the profile store is the simulator's twin);
   * without it only built-in profiles are known.
   */
  start(request: RunRequest, defaultWorld: string | null, simProfile?: Profile): RunStartResult {
    if (this.running) throw new AppError({ code: 'run-in-progress' });
    const target = this.resolveTarget(request, defaultWorld, simProfile);
    const compiled = this.deps.compile(request.workspace, { profile: target.profile });
    const diagnostics = compiled.diagnostics.map(diagnosticToApiError);
    if (!compiled.program || compiled.diagnostics.some((d) => d.severity === 'error')) {
      return { started: false, diagnostics };
    }
    const id = this.nextId++;
    const record: ActiveRun = { id, target: request.target, handle: null, state: request.paused ? 'paused' : 'running' };
    const worldId = target.kind === 'sim' ? this.worldId(request, defaultWorld) : undefined;
    const world = worldId === undefined ? {} : { world: worldId };
    this.active = record;
    record.handle = this.deps.engine.start(compiled.program, target, { paused: request.paused === true }, {
      event: (event) => this.events.fire({ runId: id, event }),
      state: (state) => {
        record.state = state;
        this.states.fire({ runId: id, target: request.target, state, ...world });
      },
      simulation: (frame) => this.frames.fire({ runId: id, ...frame }),
      sensors: (reading) => this.readings.fire({ runId: id, ...reading }),
    });
    return { started: true, runId: id, diagnostics };
  }

  pause(): void {
    this.current().handle.pause();
  }

  resume(): void {
    this.current().handle.resume();
  }

  step(): void {
    this.current().handle.step();
  }

  /** Always succeeds: with no run, it still puts a connected robot in a safe state. */
  async stop(): Promise<void> {
    const active = this.active;
    if (active?.handle && active.state !== 'ended') await active.handle.stop();
    else await this.deps.robots.stopAll();
  }

  private current(): ActiveRun & { handle: RunHandle } {
    const active = this.active;
    if (!active?.handle || active.state === 'ended') throw new AppError({ code: 'no-run' });
    return active as ActiveRun & { handle: RunHandle };
  }

  private resolveTarget(request: RunRequest, defaultWorld: string | null, simProfile: Profile | undefined): RunTargetSpec {
    if (request.target === 'robot') {
      const ready = this.deps.robots.ready;
      if (!ready) throw new AppError({ code: 'not-connected' });
      // The robot that is plugged in decides what the program can use.
      return { kind: 'robot', profile: ready.profile, io: ready.io };
    }
    const profile = simProfile ?? requireProfile(request.profile);
    const worldId = this.worldId(request, defaultWorld);
    const world = worldId === undefined ? undefined : this.deps.worlds.get(worldId);
    if (!world) throw new AppError({ code: 'unknown-world', params: { world: worldId ?? '' } });
    return { kind: 'sim', profile, world };
  }

  private worldId(request: RunRequest, defaultWorld: string | null): string | undefined {
    return request.world ?? defaultWorld ?? this.deps.worlds.list()[0]?.id;
  }
}

export function requireProfile(id: string): Profile {
  const profile = findProfile(id);
  if (!profile) throw new AppError({ code: 'unknown-profile', params: { profile: id } });
  return profile;
}
