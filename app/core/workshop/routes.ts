/**
 * Ready-made workshop routes of 15, 45 and 90 minutes through a pack: its challenges in order, as
 * many as the minutes hold, and on the longest route the next one as a bonus for the fastest teams.
 * For the built-in parent–child pack this gives what its description promises: 15 min the show;
 * 45 min the show, parking, the house; 90 min the first five, and the line for the fastest.
 */
import type { Route, RouteStep } from './session';

export const ROUTE_MINUTES = [15, 45, 90] as const;
/** The pair timer's default: pilote and copilote swap every three minutes. */
export const DEFAULT_SWAP_SECONDS = 180;

export interface RoutePack {
  readonly id: string;
  readonly lessons: readonly { readonly id: string; readonly minutes: number }[];
}

export function routeFor(pack: RoutePack, minutes: number, swapSeconds = DEFAULT_SWAP_SECONDS): Route | null {
  const steps: RouteStep[] = [];
  let used = 0;
  for (const lesson of pack.lessons) {
    if (used + lesson.minutes > minutes) break;
    used += lesson.minutes;
    steps.push({ pack: pack.id, lesson: lesson.id, minutes: lesson.minutes });
  }
  if (steps.length === 0) return null;
  const next = pack.lessons[steps.length];
  if (next && minutes === Math.max(...ROUTE_MINUTES)) {
    steps.push({ pack: pack.id, lesson: next.id, minutes: next.minutes, bonus: true });
  }
  return { minutes, swapSeconds, steps };
}

/** The ready-made routes that fit the pack (a route with no challenge is left out). */
export function readyRoutes(pack: RoutePack, swapSeconds = DEFAULT_SWAP_SECONDS): Route[] {
  return ROUTE_MINUTES.map((m) => routeFor(pack, m, swapSeconds)).filter((r): r is Route => r !== null);
}
