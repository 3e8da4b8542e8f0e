/**
 * Waiting for sensor readings: `until(done)` resolves once `done()` holds, re-checked at each
 * `wake()` (a reading came in); rejects with `robot-link-lost` once the robot is disposed, or with
 * `robot-no-answer` after the timeout. Both robot adapters wait for their first readings this way.
 */
import { AppError } from '../../app/core/errors';
import type { Scheduler } from './command-queue';

export class ReadingsWait {
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly path: string,
    private readonly disposed: () => boolean,
  ) {}

  /** Something changed (a reading, the end of the robot): look again. */
  wake(): void {
    for (const w of [...this.waiters]) w();
  }

  until(done: () => boolean, timeoutMs: number): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const finish = (error?: Error): void => {
        this.waiters.delete(check);
        cancel();
        if (error) reject(error);
        else resolve();
      };
      const check = (): void => {
        if (this.disposed()) finish(new AppError({ code: 'robot-link-lost' }));
        else if (done()) finish();
      };
      const cancel = this.scheduler.setTimer(
        () => finish(new AppError({ code: 'robot-no-answer', params: { path: this.path } })),
        timeoutMs,
      );
      this.waiters.add(check);
    });
  }
}
