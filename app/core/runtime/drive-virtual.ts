/**
 * Drives a Runtime on virtual time (the simulator, `robokit run --robot sim`): deterministic, as
 * fast as the CPU allows. The runtime's Clock must read `world.timeMs`. A program that only waits
 * advances the world without running slices; a program that yields lets the world move by `dtMs`.
 */
import { BugError } from '../errors';
import type { EndReason } from './events';
import { reached } from './frames';
import type { Runtime } from './runtime';
import { whenEnded, whenStateChanges } from './run-watch';

export interface VirtualWorld {
  step(dtMs: number): void;
  readonly timeMs: number;
}

export interface DriveVirtualOptions {
  /** World step in ms (default 10). A wait ends exactly on time: the last step may be shorter. */
  dtMs?: number;
  /** Virtual time after which the run is stopped with reason `timeout`. */
  timeoutMs?: number;
  /** Most slices to run (a guard independent of virtual time); beyond it the run ends with `timeout`. */
  maxWallSlices?: number;
  /** Called every `yieldEvery` world steps so the host can handle Stop or Ctrl-C (e.g. `setImmediate`). */
  yieldToHost?: () => Promise<void>;
  /** World steps between calls to `yieldToHost` (default 1000). */
  yieldEvery?: number;
}

export async function driveVirtual(
  runtime: Runtime,
  world: VirtualWorld,
  options: DriveVirtualOptions = {},
): Promise<EndReason> {
  if (runtime.state === 'ended') throw new BugError('driveVirtual on a run that has ended');
  const ended = whenEnded(runtime);
  if (runtime.state === 'idle') await runtime.start();
  const driver = new VirtualDriver(runtime, world, options);
  await driver.run();
  return ended;
}

class VirtualDriver {
  private readonly dtMs: number;
  private readonly timeoutMs: number;
  private slices = 0;
  private steps = 0;

  constructor(
    private readonly runtime: Runtime,
    private readonly world: VirtualWorld,
    private readonly options: DriveVirtualOptions,
  ) {
    this.dtMs = options.dtMs ?? 10;
    this.timeoutMs = options.timeoutMs ?? Infinity;
    if (!(this.dtMs > 0)) throw new BugError(`driveVirtual: dtMs must be > 0, got ${this.dtMs}`);
  }

  async run(): Promise<void> {
    for (;;) {
      if (this.outOfTime()) return this.runtime.stop('timeout');
      const result = this.runtime.slice();
      this.slices++;
      // Only a pause or the host's turn (`yieldToHost`) costs an await; plain steps run in a loop.
      let hostTurn: Promise<void> | undefined;
      switch (result.kind) {
        case 'ended':
          return;
        case 'paused':
          await whenStateChanges(this.runtime);
          break;
        case 'yield':
          hostTurn = this.advance(this.world.timeMs + this.dtMs);
          break;
        case 'wait':
          hostTurn = this.advance(result.until);
          break;
      }
      if (hostTurn) await hostTurn;
    }
  }

  private outOfTime(): boolean {
    return reached(this.world.timeMs, this.timeoutMs) || this.slices >= (this.options.maxWallSlices ?? Infinity);
  }

  /**
   * Steps the world up to `until` (or the timeout), in steps of at most dtMs. Returns the host's
   * turn when it is due: the caller awaits it, then goes back to slice() (the host may have paused
   * or stopped the run).
   */
  private advance(until: number): Promise<void> | undefined {
    const target = Math.min(until, this.timeoutMs);
    while (!reached(this.world.timeMs, target)) {
      this.world.step(Math.min(this.dtMs, target - this.world.timeMs));
      this.steps++;
      if (this.options.yieldToHost && this.steps % (this.options.yieldEvery ?? 1000) === 0) {
        return this.options.yieldToHost();
      }
    }
    return undefined;
  }
}
