/**
 * Drives a Runtime on the wall clock (a real robot). Idle means idle: a waiting program sleeps on
 * one timer until its wait ends; `wait until` is re-checked every `sliceMs`; a program that keeps
 * computing yields to the event loop (a 0 ms timer) after each step budget, so it never blocks
 * the host. `scheduler.now()` must read the same time line as the runtime's Clock.
 */
import { BugError } from '../errors';
import type { EndReason } from './events';
import type { Runtime } from './runtime';
import { whenEnded } from './run-watch';

export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface RealtimeOptions {
  /** How often a program blocked in `wait until` re-checks its condition, ms (default 20, about a sensor report). */
  sliceMs?: number;
  /** Wall-clock ms after which the run is stopped with reason `timeout`. */
  timeoutMs?: number;
}

/** Longest single timer: platform timers overflow past 2^31 − 1 ms; a longer wait re-arms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class RealtimeDriver {
  private timer: unknown = null;
  private timeoutTimer: unknown = null;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly runtime: Runtime,
    private readonly scheduler: Scheduler,
    private readonly options: RealtimeOptions = {},
  ) {}

  /** Starts the run if needed and resolves with how it ended. */
  async start(): Promise<EndReason> {
    if (this.runtime.state === 'ended') throw new BugError('RealtimeDriver on a run that has ended');
    const ended = whenEnded(this.runtime);
    this.cleanups.push(
      this.runtime.onDidChangeState((state) => {
        if (state === 'running') this.schedule(0);
        else this.cancelSlice();
      }),
      // A robot that times its own moves says when one is done: no need to sleep to the estimate.
      this.runtime.onDidWake(() => this.schedule(0)),
    );
    if (this.options.timeoutMs !== undefined) {
      this.timeoutTimer = this.scheduler.setTimeout(() => void this.runtime.stop('timeout'), this.options.timeoutMs);
    }
    if (this.runtime.state === 'idle') await this.runtime.start();
    if (this.runtime.state === 'running') this.schedule(0);
    const reason = await ended;
    this.dispose();
    return reason;
  }

  private runSlice(): void {
    this.timer = null;
    const result = this.runtime.slice();
    switch (result.kind) {
      case 'ended':
        return this.dispose();
      case 'paused':
        return; // a state change to 'running' schedules the next slice
      case 'wait':
        return this.schedule(Math.min(MAX_TIMER_MS, Math.max(0, result.until - this.scheduler.now())));
      case 'yield':
        return this.schedule(this.runtime.waitingForCondition ? (this.options.sliceMs ?? 20) : 0);
    }
  }

  /** One timer at a time: a new schedule replaces the old one. */
  private schedule(ms: number): void {
    this.cancelSlice();
    this.timer = this.scheduler.setTimeout(() => this.runSlice(), ms);
  }

  private cancelSlice(): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
  }

  private dispose(): void {
    this.cancelSlice();
    if (this.timeoutTimer !== null) this.scheduler.clearTimeout(this.timeoutTimer);
    this.timeoutTimer = null;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }
}
