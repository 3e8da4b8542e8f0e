/** Conditions on what the robot did besides moving through zones: walls, the line, light, sound. */
import type { Trace } from '../simulator/trace';
import { say, seconds, type ConditionResult } from './verdict';

/** No collision at all (walls, obstacles, the arena's border), over the whole run. */
export function neverTouchWall(trace: Trace): ConditionResult {
  const first = trace.collisions[0];
  if (first === undefined) return { kind: 'neverTouchWall', passed: true, doneAtMs: null, detail: say('challenge-wall-ok') };
  const detail = say('challenge-wall-miss', { count: trace.collisions.length, time: seconds(first.t) });
  return { kind: 'neverTouchWall', passed: false, doneAtMs: null, detail };
}

/** On the line for at least `fraction` of the run (`line.onLineMs / line.totalMs`). */
export function followLine(fraction: number, trace: Trace): ConditionResult {
  const { onLineMs, totalMs } = trace.line;
  const share = totalMs > 0 ? onLineMs / totalMs : 0;
  const passed = totalMs > 0 && share >= fraction;
  // Whole percents, rounded down when failing so "79.6 %" is never shown as the 80 % asked.
  const percent = passed ? Math.round(share * 100) : Math.min(Math.round(share * 100), Math.ceil(fraction * 100) - 1);
  const params = { percent: Math.max(0, percent), goal: Math.round(fraction * 1000) / 10 };
  return { kind: 'followLine', passed, doneAtMs: null, detail: say(passed ? 'challenge-line-ok' : 'challenge-line-miss', params) };
}

/**
 * The light on for at least `wanted` seconds in total. The trace keeps only the total, so the
 * condition is "done" when the run ends.
 */
export function lightOnFor(wanted: number, trace: Trace): ConditionResult {
  const passed = trace.lightOnMs >= wanted * 1000 - 1e-6;
  const params = { seconds: seconds(trace.lightOnMs), goal: wanted };
  return {
    kind: 'lightOnFor',
    passed,
    doneAtMs: passed ? trace.durationMs : null,
    detail: say(passed ? 'challenge-light-ok' : 'challenge-light-miss', params),
  };
}

/** At least `atLeast` tones started (`toneEvents` with hz > 0). Done when the last one needed starts. */
export function playTones(atLeast: number, trace: Trace): ConditionResult {
  let count = 0;
  let doneAt: number | null = atLeast <= 0 ? 0 : null;
  for (const e of trace.toneEvents) {
    if (e.hz <= 0) continue;
    count++;
    if (count === atLeast) doneAt = e.t;
  }
  const passed = count >= atLeast;
  const detail = say(passed ? 'challenge-tones-ok' : 'challenge-tones-miss', { count, goal: atLeast });
  return { kind: 'playTones', passed, doneAtMs: passed ? doneAt : null, detail };
}
