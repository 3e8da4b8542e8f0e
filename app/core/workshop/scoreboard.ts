/**
 * One scoreboard from one or several workshop sessions (several laptops, one USB key). A team is its
 * session's id plus its own id: the same nickname on two laptops stays two teams, and the same file
 * imported twice counts once. Ranked by challenges done, then stars, then time (less is better).
 */
import type { Session, Try } from './session';

export interface ScoreRow {
  /** `sessionId/teamId`: unique across merged sessions. */
  readonly key: string;
  readonly nickname: string;
  readonly session: string;
  /** Challenges passed, by Vérifier or by hand. */
  readonly done: number;
  /** The best stars of each challenge done, added up. */
  readonly stars: number;
  /** The seconds each challenge done took (its quickest pass), added up. */
  readonly seconds: number;
  readonly tries: number;
  /** 1 for the first; equal scores share a rank (1, 1, 3). */
  readonly rank: number;
}

export function scoreboard(sessions: readonly Session[]): ScoreRow[] {
  const teams = new Map<string, { nickname: string; session: string; tries: Map<string, Try> }>();
  for (const session of sessions) {
    for (const team of session.teams) {
      const key = `${session.id}/${team.id}`;
      if (!teams.has(key)) teams.set(key, { nickname: team.nickname, session: session.id, tries: new Map() });
    }
    for (const t of session.tries) {
      // The same try from the same session imported twice is one try.
      teams.get(`${session.id}/${t.team}`)?.tries.set(JSON.stringify([t.pack, t.lesson, t.at, t.outcome, t.seconds]), t);
    }
  }
  const rows = [...teams].map(([key, team]) => ({ key, nickname: team.nickname, session: team.session, ...score([...team.tries.values()]) }));
  rows.sort(
    (a, b) =>
      b.done - a.done || b.stars - a.stars || a.seconds - b.seconds || a.nickname.localeCompare(b.nickname, 'fr') || a.key.localeCompare(b.key),
  );
  return rows.map((row, i) => {
    let rank = i + 1;
    for (let j = i - 1; j >= 0 && same(rows[j]!, row); j--) rank = j + 1;
    return { ...row, rank };
  });
}

const same = (a: { done: number; stars: number; seconds: number }, b: typeof a) =>
  a.done === b.done && a.stars === b.stars && a.seconds === b.seconds;

function score(tries: readonly Try[]): { done: number; stars: number; seconds: number; tries: number } {
  const best = new Map<string, { stars: number; seconds: number }>();
  for (const t of tries) {
    if (!t.passed) continue;
    const key = `${t.pack}/${t.lesson}`;
    const was = best.get(key);
    best.set(key, {
      stars: Math.max(was?.stars ?? 0, t.stars),
      seconds: Math.min(was?.seconds ?? Infinity, t.seconds),
    });
  }
  let stars = 0;
  let seconds = 0;
  for (const b of best.values()) {
    stars += b.stars;
    seconds += b.seconds;
  }
  return { done: best.size, stars, seconds: Math.round(seconds), tries: tries.filter((t) => t.outcome !== 'skipped').length };
}
