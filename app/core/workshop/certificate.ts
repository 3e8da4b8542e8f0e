/**
 * What a team takes home (issue #15): its certificate as plain data — the nickname (nothing else
 * about anyone), the day, each challenge it did in the route's order with its best stars, and the
 * robot's last drawing from the simulator. Pure: the certificate page lays it out and prints it.
 */
import type { Session, TryOutcome } from './session';

export interface CertificateChallenge {
  readonly pack: string;
  readonly lesson: string;
  /** The best stars of its passes (0–3). */
  readonly stars: number;
  /** Done on the real robot and marked by hand (no Vérifier). */
  readonly byHand: boolean;
}

export interface Certificate {
  readonly team: string;
  readonly nickname: string;
  readonly workshop: string;
  /** The day of the team's last try (ISO), or the workshop's when it has none. */
  readonly date: string;
  readonly challenges: readonly CertificateChallenge[];
  /** The team's latest drawing (a PNG data URL), or null. */
  readonly drawing: string | null;
}

/** Every team's certificate, in the order the teams were registered; or one team's (`[]` if unknown). */
export function certificates(session: Session, team?: string): Certificate[] {
  return session.teams.filter((t) => team === undefined || t.id === team).map((t) => certificate(session, t.id, t.nickname));
}

function certificate(session: Session, team: string, nickname: string): Certificate {
  const tries = session.tries.filter((t) => t.team === team);
  const best = new Map<string, { stars: number; outcomes: Set<TryOutcome> }>();
  for (const t of tries) {
    if (!t.passed) continue;
    const key = `${t.pack}/${t.lesson}`;
    const was = best.get(key) ?? { stars: 0, outcomes: new Set<TryOutcome>() };
    was.outcomes.add(t.outcome);
    best.set(key, { stars: Math.max(was.stars, t.stars), outcomes: was.outcomes });
  }
  const order = session.route.steps.map((s) => `${s.pack}/${s.lesson}`);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const challenges = [...best]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, b]) => {
      const [pack = '', lesson = ''] = key.split('/');
      return { pack, lesson, stars: b.stars, byHand: !b.outcomes.has('checked') };
    });
  const last = tries.map((t) => t.at).sort().at(-1);
  const drawing = session.drawings.filter((d) => d.team === team).at(-1)?.png ?? null;
  return { team, nickname, workshop: session.title, date: last ?? session.createdAt, challenges, drawing };
}
