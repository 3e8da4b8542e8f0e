/** Promises over a Runtime's events, for drivers. */
import type { EndReason } from './events';
import type { Runtime } from './runtime';

/** Resolves with the reason of the run's `end` event. Subscribe before the run can end. */
export function whenEnded(runtime: Runtime): Promise<EndReason> {
  return new Promise((resolve) => {
    const off = runtime.onDidEmit((e) => {
      if (e.type !== 'end') return;
      off();
      resolve(e.reason);
    });
  });
}

/** Resolves at the runtime's next state change (e.g. resumed, stepped, ended). */
export function whenStateChanges(runtime: Runtime): Promise<void> {
  return new Promise((resolve) => {
    const off = runtime.onDidChangeState(() => {
      off();
      resolve();
    });
  });
}
