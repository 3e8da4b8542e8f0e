/**
 * Keeps a program without waits from flooding the UI. A `forever` loop runs thousands of blocks a
 * second; only the latest `block` event matters (it is the highlighted block), only the latest
 * `motors` event is the motors' state, and only the latest `say` can be read in the speech bubble.
 * So while the run is running, those three are held (the latest of each) and sent at most once per
 * flush: at every simulator frame, or on a timer for a real robot. `error` and `end` pass at once
 * (after what is held), and nothing is held across a state change:
 * the held events go out before `paused` or `ended`, before `error` and `end`, so the highlighted
 * block is exact on pause, on each step (a paused run is never held) and when the run ends.
 */
import type { RunEvent, RunState } from '../../core/runtime/events';
import type { RunSink } from '../seams';

type Held = Extract<RunEvent, { type: 'block' | 'motors' | 'say' }>;

export interface ThrottleTimer {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ThrottledSink extends RunSink {
  /** Sends what is held now (the simulator calls it with each frame). */
  flush(): void;
}

/**
 * `timer`: flush `periodMs` after the first held event (a robot run); without it, held events wait
 * for the next `flush()` or state change (a simulated run flushes with each frame).
 */
export function throttleRunSink(sink: RunSink, timer?: { readonly clock: ThrottleTimer; readonly periodMs: number }): ThrottledSink {
  let running = false;
  /** In the order of their latest arrival, so what is sent keeps the program's order. */
  const held = new Map<Held['type'], Held>();
  let pending: unknown = null;

  const flush = () => {
    if (pending !== null) timer?.clock.clearTimeout(pending);
    pending = null;
    if (held.size === 0) return;
    const out = [...held.values()];
    held.clear();
    for (const event of out) sink.event(event);
  };

  return {
    event(event: RunEvent) {
      if (running && (event.type === 'block' || event.type === 'motors' || event.type === 'say')) {
        held.delete(event.type);
        held.set(event.type, event);
        if (timer && pending === null) pending = timer.clock.setTimeout(flush, timer.periodMs);
        return;
      }
      flush();
      sink.event(event);
    },
    state(state: RunState) {
      running = state === 'running';
      flush();
      sink.state(state);
    },
    simulation: (frame) => sink.simulation(frame),
    sensors: (reading) => sink.sensors(reading),
    flush,
  };
}
