/**
 * Zone conditions, judged on the trace's `zoneEvents` (the robot's centre entering and leaving
 * named zones; a start inside a zone enters it at t = 0). Sentences quote a zone by its display name
 * (`names`), not by the id the goal uses.
 */
import type { Localized } from '../i18n/messages';
import type { ZoneEvent } from '../simulator/trace';
import { say, seconds, type ConditionResult } from './verdict';

/** A zone's display name in each language, from its id. */
export type ZoneNames = (zone: string) => Localized;

/** Ids shown as they are (a world without labels). */
export const zoneIds: ZoneNames = (zone) => ({ fr: zone, en: zone });

function firstEnter(events: readonly ZoneEvent[], zone: string): number | null {
  for (const e of events) if (e.zone === zone && e.kind === 'enter') return e.t;
  return null;
}

/** The robot's centre entered the zone at some point. Done at the first entry. */
export function reachZone(zone: string, events: readonly ZoneEvent[], names: ZoneNames = zoneIds): ConditionResult {
  const t = firstEnter(events, zone);
  return t === null
    ? { kind: 'reachZone', passed: false, doneAtMs: null, detail: say('challenge-reach-zone-miss', { zone: names(zone) }) }
    : { kind: 'reachZone', passed: true, doneAtMs: t, detail: say('challenge-reach-zone-ok', { zone: names(zone), time: seconds(t) }) };
}

/** Inside the zone when the run ends: its last event is an entry. Done at that entry. */
export function endInZone(zone: string, events: readonly ZoneEvent[], names: ZoneNames = zoneIds): ConditionResult {
  let last: ZoneEvent | undefined;
  for (const e of events) if (e.zone === zone) last = e;
  if (last?.kind === 'enter') {
    return { kind: 'endInZone', passed: true, doneAtMs: last.t, detail: say('challenge-end-zone-ok', { zone: names(zone) }) };
  }
  const code = last === undefined ? 'challenge-end-zone-miss' : 'challenge-end-zone-left';
  return { kind: 'endInZone', passed: false, doneAtMs: null, detail: say(code, { zone: names(zone) }) };
}

/** Never entered the zone (a whole-run condition, so it has no "done" time). */
export function avoidZone(zone: string, events: readonly ZoneEvent[], names: ZoneNames = zoneIds): ConditionResult {
  const t = firstEnter(events, zone);
  return t === null
    ? { kind: 'avoidZone', passed: true, doneAtMs: null, detail: say('challenge-avoid-zone-ok', { zone: names(zone) }) }
    : { kind: 'avoidZone', passed: false, doneAtMs: null, detail: say('challenge-avoid-zone-miss', { zone: names(zone), time: seconds(t) }) };
}

/**
 * The zones' first entries happen in this order (equal times count as in order: zones may touch).
 * A zone named again later in the list must be entered again after the zone before it.
 * Done at the last zone's entry.
 */
export function visitZonesInOrder(zones: readonly string[], events: readonly ZoneEvent[], names: ZoneNames = zoneIds): ConditionResult {
  let prevT = -Infinity;
  for (const [i, zone] of zones.entries()) {
    const repeat = zones.indexOf(zone) < i;
    const t = repeat ? enterAfter(events, zone, prevT) : firstEnter(events, zone);
    const previous = zones[i - 1];
    if (t === null || t < prevT) {
      const wrong = t !== null && previous !== undefined;
      const detail = wrong ? say('challenge-order-wrong', { zone: names(zone), previous: names(previous) }) : say('challenge-order-missing', { zone: names(zone) });
      return { kind: 'visitZonesInOrder', passed: false, doneAtMs: null, detail };
    }
    prevT = t;
  }
  const fr = say('challenge-order-ok', { zones: zones.map((z) => `«\u00a0${names(z).fr}\u00a0»`).join(', ') }).fr;
  const en = say('challenge-order-ok', { zones: zones.map((z) => `"${names(z).en}"`).join(', ') }).en;
  return { kind: 'visitZonesInOrder', passed: true, doneAtMs: Math.max(prevT, 0), detail: { fr, en } };
}

function enterAfter(events: readonly ZoneEvent[], zone: string, after: number): number | null {
  for (const e of events) if (e.zone === zone && e.kind === 'enter' && e.t > after) return e.t;
  return null;
}
