/** Hand-made traces and worlds for challenge tests: only what a test sets differs from "nothing happened". */
import type { Trace } from '../../../app/core/simulator/trace';
import type { World, Zone } from '../../../app/core/simulator/world';
import { makeWorld as emptyWorld } from '../simulator/make-world';

export function makeTrace(extra: Partial<Trace> = {}): Trace {
  const durationMs = extra.durationMs ?? 10_000;
  return {
    durationMs,
    samples: [],
    collisions: [],
    zoneEvents: [],
    penSegments: [],
    lightOnMs: 0,
    toneEvents: [],
    line: { onLineMs: 0, totalMs: durationMs },
    ...extra,
  };
}

const zone = (name: string, x: number): Zone => ({ type: 'rect', x, y: 0, width: 20, height: 20, name });

export function makeWorld(zones: readonly string[] = ['a', 'b', 'c', 'arrivee', 'lave']): World {
  return emptyWorld({ robot: { x: 10, y: 10, heading: 0 }, zones: zones.map((z, i) => zone(z, i * 30)) });
}

export const enter = (zone: string, t: number) => ({ t, zone, kind: 'enter' as const });
export const leave = (zone: string, t: number) => ({ t, zone, kind: 'leave' as const });
