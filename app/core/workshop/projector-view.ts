/**
 * What the projector view shows of a workshop (issue #15), as plain data: the team whose turn it is
 * (its nickname only), the challenge and where it sits in the route, the clock (time left, paused,
 * time up), who pilots and when the roles swap next, and the scoreboard. Pure: the page feeds it
 * the session it was sent and the seconds that passed since, and draws what comes back.
 */
import type { Localized } from '../i18n/messages';
import { scoreboard, type ScoreRow } from './scoreboard';
import type { Role, Session } from './session';

/** Lesson titles by `pack/lesson` (the library's cards); an unknown lesson shows its id. */
export type LessonTitles = ReadonlyMap<string, Localized>;

export interface ProjectorTurn {
  readonly nickname: string;
  /** 1-based, out of `steps` (bonus steps included). */
  readonly step: number;
  readonly steps: number;
  readonly bonus: boolean;
  readonly challenge: Localized;
  readonly elapsedSeconds: number;
  readonly limitSeconds: number;
  /** Never below 0. */
  readonly remainingSeconds: number;
  readonly timeUp: boolean;
  readonly paused: boolean;
  readonly pilot: Role;
  /** Seconds to the next swap of roles; null when the route has no pair timer. */
  readonly nextSwapSeconds: number | null;
  /** Swaps so far in this challenge (the page shows the banner when this grows). */
  readonly swaps: number;
}

export interface ProjectorView {
  readonly title: string;
  /** Null between two families (« Famille suivante » was pressed), or when the route is done. */
  readonly turn: ProjectorTurn | null;
  readonly scores: readonly ScoreRow[];
}

/** `sinceSaved`: seconds since the session was received (the clock runs on unless paused). */
export function projectorView(session: Omit<Session, 'drawings'>, titles: LessonTitles, sinceSaved = 0): ProjectorView {
  const scores = scoreboard([{ ...session, drawings: [] }]);
  return { title: session.title, turn: turnView(session, titles, sinceSaved), scores };
}

function turnView(session: Omit<Session, 'drawings'>, titles: LessonTitles, sinceSaved: number): ProjectorTurn | null {
  const current = session.current;
  const step = current ? session.route.steps[current.step] : undefined;
  const team = current ? session.teams.find((t) => t.id === current.team) : undefined;
  if (!current || !step || !team) return null;
  const paused = current.paused === true;
  const elapsedSeconds = current.elapsedSeconds + (paused ? 0 : Math.max(0, sinceSaved));
  const limitSeconds = step.minutes * 60 + (current.extraSeconds ?? 0);
  const every = session.route.swapSeconds;
  const swaps = every > 0 ? Math.floor(elapsedSeconds / every) : 0;
  return {
    nickname: team.nickname,
    step: current.step + 1,
    steps: session.route.steps.length,
    bonus: step.bonus === true,
    challenge: titles.get(`${step.pack}/${step.lesson}`) ?? { fr: step.lesson, en: step.lesson },
    elapsedSeconds,
    limitSeconds,
    remainingSeconds: Math.max(0, limitSeconds - elapsedSeconds),
    timeUp: elapsedSeconds >= limitSeconds,
    paused,
    pilot: swaps % 2 === 0 ? 'child' : 'parent',
    nextSwapSeconds: every > 0 ? (swaps + 1) * every - elapsedSeconds : null,
    swaps,
  };
}

/** 754.2 → « 12:35 » (minutes:seconds, rounded up so 0:00 means the time is out). */
export function clockText(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds - 1e-9));
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
