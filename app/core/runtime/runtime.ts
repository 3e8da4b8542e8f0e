/**
 * The runtime: interprets a Program against a RobotIo with an injected Clock, one slice at a time.
 * A host drives it (`drive-virtual.ts` for the simulator, `drive-realtime.ts` for a real robot):
 * `slice()` runs until the program waits on the clock, uses up its step budget, is paused or ends,
 * and never blocks. Stop, errors and the program's end all go through `end()`: `io.stopAll()` first,
 * then the events, exactly one `end` per run.
 */
import type { Program } from '../ir';
import type { RobotIo } from '../robot-io';
import type { Profile } from '../profiles';
import { AppError, BugError } from '../errors';
import type { MessageCode } from '../i18n/messages';
import type { Clock, EndReason, RunEvent, RunState } from './events';
import { Actuators } from './actuators';
import { Emitter } from './emitter';
import { Machine } from './machine';
import { createRandom } from '../random';
import { describeError } from './runtime-errors';
import { Variables } from './variables';

export interface RuntimeOptions {
  /** Seed of `math_random_int`; the same seed gives the same numbers. A fixed seed when absent. */
  seed?: number;
  /** Procedure calls inside each other before `recursion-too-deep` (default 100). */
  maxCallDepth?: number;
  /** Statements (and loop iterations) per slice (default 1000). */
  stepBudget?: number;
  profile: Profile;
}

export type SliceResult =
  | { kind: 'wait'; until: number /* clock ms */ }
  | { kind: 'yield' }
  | { kind: 'paused' }
  | { kind: 'ended' };

const DEFAULT_SEED = 0x526f626f;
const PAUSED: SliceResult = { kind: 'paused' };
const ENDED: SliceResult = { kind: 'ended' };
const YIELD: SliceResult = { kind: 'yield' };

interface Failure {
  readonly code: MessageCode;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly blockId?: string | undefined;
}

/** A step goes round an empty loop at most this often before it pauses anyway. */
const STEP_MAX_ITERATIONS = 1000;

export class Runtime {
  private runState: RunState = 'idle';
  private readonly events = new Emitter<RunEvent>();
  private readonly errors = new Emitter<Extract<RunEvent, { type: 'error' }>>();
  private readonly states = new Emitter<RunState>();
  private readonly wakes = new Emitter<void>();
  private readonly actuators: Actuators;
  private readonly machine: Machine;
  private readonly stepBudget: number;
  private ending: Promise<void> | null = null;
  private pausedAt = 0;
  /** A `step()` started a statement that takes time: pause again when it is done. */
  private stepping = false;
  private unlink: (() => void) | null = null;

  constructor(
    private readonly program: Program,
    private readonly io: RobotIo,
    private readonly clock: Clock,
    options: RuntimeOptions,
  ) {
    this.stepBudget = Math.max(1, options.stepBudget ?? 1000);
    this.actuators = new Actuators(io, ({ left, right }) => this.emit({ type: 'motors', t: clock.now(), left, right }));
    const vars = new Variables();
    this.machine = new Machine(program, {
      eval: { io, vars, random: createRandom(options.seed ?? DEFAULT_SEED) },
      actuators: this.actuators,
      clock,
      profile: options.profile,
      maxCallDepth: options.maxCallDepth ?? 100,
      emitBlock: (blockId) => {
        if (this.events.active) this.emit({ type: 'block', t: clock.now(), blockId });
      },
      emitSay: (blockId, said) => this.emit({ type: 'say', t: clock.now(), blockId, ...said }),
      wake: () => {
        if (this.runState === 'running' && !this.ending) this.wakes.emit();
      },
    });
  }

  get state(): RunState {
    return this.runState;
  }

  /** True while the program sits in `wait until`: a wall-clock driver polls it gently. */
  get waitingForCondition(): boolean {
    return this.machine.waitingForCondition;
  }

  /** Only the `error` event: for a caller that judges the run afterwards (block events are not built for it). */
  onDidFail(listener: (e: Extract<RunEvent, { type: 'error' }>) => void): () => void {
    return this.errors.on(listener);
  }

  onDidEmit(listener: (e: RunEvent) => void): () => void {
    return this.events.on(listener);
  }

  onDidChangeState(listener: (s: RunState) => void): () => void {
    return this.states.on(listener);
  }

  /** The robot finished a move, turn or beep it timed itself: the program can go on now. */
  onDidWake(listener: () => void): () => void {
    return this.wakes.on(listener);
  }

  /** Prepares the robot for what the program uses, then runs. A robot that cannot be prepared ends the run. */
  async start(): Promise<void> {
    if (this.runState !== 'idle' || this.ending) throw new BugError('Runtime.start() called twice');
    this.unlink = this.io.onDidChangeLink?.((link) => {
      if (link === 'lost') void this.fail('robot-disconnected');
    }) ?? null;
    try {
      await this.io.prepare(this.program.uses);
    } catch (e) {
      await this.end('error', e instanceof AppError ? e.toData() : undefined);
      if (!(e instanceof AppError)) throw e;
      return;
    }
    if (!this.ending) this.setState('running');
  }

  slice(): SliceResult {
    if (this.ending || this.runState === 'ended') return ENDED;
    if (this.runState === 'paused') return PAUSED;
    if (this.runState === 'idle') throw new BugError('Runtime.slice() before start()');
    try {
      return this.run();
    } catch (e) {
      return this.failOn(e);
    }
  }

  pause(): void {
    if (this.runState !== 'running' || this.ending) return;
    this.stepping = false;
    this.enterPause();
  }

  resume(): void {
    this.stepping = false;
    if (this.runState !== 'paused' || this.ending) return;
    this.leavePause();
    this.setState('running');
  }

  /** Paused: runs exactly one statement; one that takes time runs to its end, then the program is paused again. */
  step(): void {
    if (this.runState !== 'paused' || this.ending) return;
    try {
      if (!this.machine.isBlocked) {
        // A click shows a step: a loop going round (no block of its own) goes on to the next statement.
        let unit = this.machine.runUnit();
        for (let i = 0; unit === 'iteration' && i < STEP_MAX_ITERATIONS; i++) unit = this.machine.runUnit();
        if (unit === 'done') return void this.end('finished');
        if (!this.machine.isBlocked) return;
        this.pausedAt = this.clock.now();
      }
      this.leavePause();
      this.stepping = true;
      this.setState('running');
    } catch (e) {
      this.failOn(e);
    }
  }

  stop(reason: EndReason = 'stopped'): Promise<void> {
    return this.end(reason);
  }

  /** Ends the run on an error from outside the program (e.g. a lost link: reason `disconnected`). */
  fail(code: MessageCode, blockId?: string): Promise<void> {
    return this.end(code === 'robot-disconnected' ? 'disconnected' : 'error', { code, blockId });
  }

  private run(): SliceResult {
    for (let budget = this.stepBudget; ; budget--) {
      const blocked = this.machine.blocked();
      if (blocked) return blocked;
      if (this.stepping) {
        this.stepping = false;
        this.enterPause();
        return PAUSED;
      }
      if (budget <= 0) return YIELD;
      if (this.machine.runUnit() === 'done') {
        void this.end('finished');
        return ENDED;
      }
    }
  }

  /** A pupil's mistake ends the run; anything else is a bug and goes up, after making the robot safe. */
  private failOn(e: unknown): SliceResult {
    void this.end('error', e instanceof AppError ? e.toData() : undefined);
    if (!(e instanceof AppError)) throw e;
    return ENDED;
  }

  private enterPause(): void {
    this.pausedAt = this.clock.now();
    this.actuators.suspend();
    this.setState('paused');
  }

  private leavePause(): void {
    this.machine.shiftWait(this.clock.now() - this.pausedAt);
    this.actuators.restore();
  }

  /** stopAll first (ahead of anything), then motors/error/end events; once per run. */
  private end(reason: EndReason, failure?: Failure): Promise<void> {
    if (this.ending) return this.ending;
    this.ending = this.finish(reason, failure);
    return this.ending;
  }

  private async finish(reason: EndReason, failure: Failure | undefined): Promise<void> {
    const stopping = this.stopRobot();
    this.machine.clear();
    this.unlink?.();
    try {
      await stopping;
    } catch {
      // The link may be gone; the run still ends and says why.
    }
    this.actuators.stopped();
    if (failure) {
      const message = describeError(failure.code, failure.params);
      const where = failure.blockId === undefined ? {} : { blockId: failure.blockId };
      this.emit({ type: 'error', t: this.clock.now(), code: failure.code, message, ...where });
    }
    this.emit({ type: 'end', t: this.clock.now(), reason });
    this.setState('ended');
  }

  /** Calls `io.stopAll()` right now, before anything else, whatever it throws. */
  private stopRobot(): Promise<void> {
    try {
      return this.io.stopAll();
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  private emit(event: RunEvent): void {
    this.events.emit(event);
    if (event.type === 'error') this.errors.emit(event);
  }

  private setState(state: RunState): void {
    if (state === this.runState) return;
    this.runState = state;
    this.states.emit(state);
  }
}
