/**
 * A team's turn in a workshop, as pure data and steps (the UI drives it with elapsed seconds): the
 * route's challenge under way, the pair timer (the child pilots first; pilote and copilote swap every
 * `route.swapSeconds`), pause, extra time, and how a turn ends a challenge — Vérifier, skip, or done
 * by hand on the real robot. Every try lands in the session; the turn itself keeps no personal data.
 */
import type { MessageCode } from '../i18n/messages';
import type { CurrentTurn, Role, Session, Try, TryOutcome } from './session';

export interface Turn {
  readonly team: string;
  /** Index in `route.steps`; equal to the number of steps when the route is finished. */
  readonly step: number;
  /** Seconds spent on this challenge (paused time not counted). */
  readonly elapsed: number;
  readonly extraSeconds: number;
  readonly paused: boolean;
  readonly pilot: Role;
  readonly swaps: number;
  readonly tries: number;
}

export interface Advanced {
  readonly turn: Turn;
  /** The roles swapped during this advance: show the banner, play the sound. */
  readonly swapped: boolean;
  /** The challenge's time (and any extra time) has just run out. */
  readonly timeUp: boolean;
}

export function startTurn(team: string, step = 0, elapsed = 0): Turn {
  return { team, step, elapsed, extraSeconds: 0, paused: false, pilot: 'child', swaps: 0, tries: 0 };
}

/** The turn saved in `session.current`, resumed after a crash (roles follow from the elapsed time). */
export function resumeTurn(session: Session): Turn | null {
  const current = session.current;
  if (!current) return null;
  const swaps = session.route.swapSeconds > 0 ? Math.floor(current.elapsedSeconds / session.route.swapSeconds) : 0;
  const tries = session.tries.filter((t) => t.team === current.team && sameStep(session, current.step, t)).length;
  return {
    ...startTurn(current.team, current.step, current.elapsedSeconds),
    swaps,
    pilot: swaps % 2 === 0 ? 'child' : 'parent',
    tries,
    paused: current.paused === true,
    extraSeconds: current.extraSeconds ?? 0,
  };
}

export function limitSeconds(session: Session, turn: Turn): number {
  const step = session.route.steps[turn.step];
  return step ? step.minutes * 60 + turn.extraSeconds : 0;
}

/** Time passes (nothing while paused): roles swap at each multiple of `swapSeconds`. */
export function advance(session: Session, turn: Turn, seconds: number): Advanced {
  if (turn.paused || seconds <= 0 || finished(session, turn)) return { turn, swapped: false, timeUp: false };
  const every = session.route.swapSeconds;
  const elapsed = turn.elapsed + seconds;
  const crossed = every > 0 ? Math.floor(elapsed / every) - Math.floor(turn.elapsed / every) : 0;
  const limit = limitSeconds(session, turn);
  const pilot: Role = crossed % 2 === 1 ? other(turn.pilot) : turn.pilot;
  return {
    turn: { ...turn, elapsed, swaps: turn.swaps + crossed, pilot },
    swapped: crossed > 0,
    timeUp: turn.elapsed < limit && elapsed >= limit,
  };
}

export const setPaused = (turn: Turn, paused: boolean): Turn => ({ ...turn, paused });
export const giveExtraTime = (turn: Turn, seconds: number): Turn => ({ ...turn, extraSeconds: turn.extraSeconds + Math.max(0, seconds) });

export function finished(session: Session, turn: Turn): boolean {
  return turn.step >= session.route.steps.length;
}

export interface Ended {
  readonly session: Session;
  readonly turn: Turn;
}

/** Vérifier: the try is recorded; a pass moves on to the next challenge with a fresh timer. */
export function verify(session: Session, turn: Turn, passed: boolean, stars: number, at: string): Ended {
  return record(session, turn, 'checked', passed, passed ? clampStars(stars) : 0, at);
}

/** The facilitator skips the challenge: recorded as skipped (not done), and on to the next. */
export function skip(session: Session, turn: Turn, at: string): Ended {
  return record(session, turn, 'skipped', false, 0, at);
}

/** Done on the real robot, marked by hand by the facilitator. */
export function markDone(session: Session, turn: Turn, stars: number, at: string): Ended {
  return record(session, turn, 'manual', true, clampStars(stars), at);
}

/** « Famille suivante »: the turn is over; the session keeps the results and forgets the turn. */
export function endTurn(session: Session): Session {
  const { current: _gone, ...rest } = session;
  return rest;
}

/** What to autosave: the session with the turn under way. */
export function withCurrent(session: Session, turn: Turn): Session {
  if (finished(session, turn)) return endTurn(session);
  const current: CurrentTurn = {
    team: turn.team,
    step: turn.step,
    elapsedSeconds: Math.round(turn.elapsed * 10) / 10,
    ...(turn.paused ? { paused: true } : {}),
    ...(turn.extraSeconds > 0 ? { extraSeconds: Math.round(turn.extraSeconds) } : {}),
  };
  return { ...session, current };
}

function record(session: Session, turn: Turn, outcome: TryOutcome, passed: boolean, stars: number, at: string): Ended {
  const step = session.route.steps[turn.step];
  if (!step) return { session, turn };
  const attempt: Try = {
    team: turn.team,
    pack: step.pack,
    lesson: step.lesson,
    at,
    seconds: Math.round(turn.elapsed * 10) / 10,
    outcome,
    passed,
    stars,
    pilot: turn.pilot,
    swaps: turn.swaps,
  };
  const next = { ...session, tries: [...session.tries, attempt] };
  const moveOn = outcome !== 'checked' || passed;
  const turnAfter = moveOn ? { ...startTurn(turn.team, turn.step + 1), paused: turn.paused } : { ...turn, tries: turn.tries + 1 };
  return { session: withCurrent(next, turnAfter), turn: turnAfter };
}

/** The banner at a swap, with its short hint for the parent. */
export function swapBanner(turn: Turn): MessageCode {
  return turn.pilot === 'child' ? 'workshop-swap-to-child' : 'workshop-swap-to-parent';
}

const other = (role: Role): Role => (role === 'child' ? 'parent' : 'child');
const clampStars = (stars: number): number => Math.max(0, Math.min(3, Math.round(stars)));
const sameStep = (session: Session, step: number, t: Try): boolean =>
  session.route.steps[step]?.pack === t.pack && session.route.steps[step]?.lesson === t.lesson;
