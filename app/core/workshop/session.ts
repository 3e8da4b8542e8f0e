/**
 * `.robokitsession` workshop files (SPEC §10): parse untrusted text into a validated Session, or say
 * in one sentence what is wrong (a code from the i18n catalog); and the small pure steps a workshop
 * takes (add a team, record a try, keep a drawing). Never throws on input; values are never mutated.
 */
import { validateSession } from '../generated/session-validator';
import type { MessageCode } from '../i18n/messages';
import { describePackError } from '../lessons/pack-error';
import { schemaErrors } from '../lessons/schema-errors';
import { MAX_NESTING } from '../nesting';
import { guardJsonText } from '../project/json-guard';
import { looksTruncated } from '../project/project';
import { isPngDataUrl } from './png';

export const SESSION_FORMAT = 'robokit-session';
export const SESSION_VERSION = 1;
/** Five hundred drawings of ~40 kB fit well below this; a USB key's stray video does not. */
export const SESSION_LIMITS = { maxChars: 64 * 1024 * 1024, maxDepth: Math.min(MAX_NESTING, 16) } as const;

export interface RouteStep {
  readonly pack: string;
  readonly lesson: string;
  readonly minutes: number;
  /** For the teams that finish early (not counted in the route's minutes). */
  readonly bonus?: boolean;
}
export interface Route {
  readonly minutes: number;
  /** Seconds between pilote/copilote swaps (0: no timer). */
  readonly swapSeconds: number;
  readonly steps: readonly RouteStep[];
}
/** A team is a nickname and nothing else (no other personal data is kept). */
export interface Team {
  readonly id: string;
  readonly nickname: string;
}
export type TryOutcome = 'checked' | 'skipped' | 'manual';
export type Role = 'child' | 'parent';
export interface Try {
  readonly team: string;
  readonly pack: string;
  readonly lesson: string;
  readonly at: string;
  readonly seconds: number;
  /** checked: Vérifier was pressed; skipped: the facilitator skipped; manual: done on the real robot. */
  readonly outcome: TryOutcome;
  readonly passed: boolean;
  readonly stars: number;
  /** Who was piloting when the try was made, and how many swaps there had been. */
  readonly pilot: Role;
  readonly swaps: number;
}
export interface Drawing {
  readonly team: string;
  readonly pack: string;
  readonly lesson: string;
  readonly png: string;
}
export interface CurrentTurn {
  readonly team: string;
  readonly step: number;
  readonly elapsedSeconds: number;
  /** Written only while the facilitator has paused the clock. */
  readonly paused?: boolean;
  /** Extra time given on this challenge, seconds (written only when some was given). */
  readonly extraSeconds?: number;
}
export interface Session {
  readonly format: typeof SESSION_FORMAT;
  readonly version: typeof SESSION_VERSION;
  readonly id: string;
  readonly title: string;
  readonly createdAt: string;
  readonly route: Route;
  readonly teams: readonly Team[];
  readonly tries: readonly Try[];
  readonly drawings: readonly Drawing[];
  /** The turn under way, so an autosaved session resumes where it was (and the projector shows its clock). */
  readonly current?: CurrentTurn;
}

export interface SessionError {
  readonly code: MessageCode;
  readonly params: Readonly<Record<string, string | number>>;
}
export type ParseSessionResult = { ok: true; session: Session } | { ok: false; error: SessionError };

const fail = (code: MessageCode, params: Record<string, string | number> = {}): ParseSessionResult => ({
  ok: false,
  error: { code, params },
});

const GUARD_CODES = {
  'file-empty': 'session-empty',
  'file-too-large': 'session-too-large',
  'file-not-json': 'session-not-json',
  'file-too-deep': 'session-too-deep',
} as const;

export function parseSession(text: string): ParseSessionResult {
  const guard = guardJsonText(text, SESSION_LIMITS);
  if (guard) {
    return fail(GUARD_CODES[guard.code], guard.code === 'file-too-large' ? { size: `${guard.size} octets` } : {});
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail(looksTruncated(text) ? 'session-truncated' : 'session-not-json');
  }
  return checkSession(data);
}

/** Validates already-parsed data (e.g. received over IPC or read from the autosave). */
export function checkSession(data: unknown): ParseSessionResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('session-wrong-format');
  const record = data as Record<string, unknown>;
  if (record.format !== SESSION_FORMAT) return fail('session-wrong-format');
  if (typeof record.version === 'number' && record.version > SESSION_VERSION) {
    return fail('session-future-version', { version: record.version });
  }
  if (!validateSession(data)) {
    const first = schemaErrors('atelier', validateSession.errors ?? [])[0];
    if (!first) return fail('session-invalid', { fr: 'format inattendu.', en: 'unexpected format.' });
    return fail('session-invalid', { fr: describePackError(first, 'fr'), en: describePackError(first, 'en') });
  }
  const session = data as unknown as Session;
  const teams = new Set(session.teams.map((t) => t.id));
  const stranger = [...session.tries, ...session.drawings].find((t) => !teams.has(t.team));
  if (stranger) return fail('session-unknown-team', { team: stranger.team });
  if (session.current && !teams.has(session.current.team)) return fail('session-unknown-team', { team: session.current.team });
  const bad = session.drawings.findIndex((d) => !isPngDataUrl(d.png));
  if (bad >= 0) return fail('session-bad-drawing', { index: bad + 1 });
  return { ok: true, session };
}

export function newSession(id: string, title: string, route: Route, now: string): Session {
  return { format: SESSION_FORMAT, version: SESSION_VERSION, id, title, createdAt: now, route, teams: [], tries: [], drawings: [] };
}

/** A nickname as typed: trimmed, 1–40 characters, no control characters. */
export function cleanNickname(typed: string): string | null {
  const nickname = typed.trim().replace(/\s+/g, ' ');
  // eslint-disable-next-line no-control-regex
  if (nickname.length < 1 || nickname.length > 40 || /[\u0000-\u001f\u007f]/.test(nickname)) return null;
  return nickname;
}

export type AddTeamResult = { ok: true; session: Session; team: Team } | { ok: false; error: SessionError };

export function addTeam(session: Session, typed: string): AddTeamResult {
  const nickname = cleanNickname(typed);
  if (!nickname) return { ok: false, error: { code: 'session-bad-nickname', params: {} } };
  if (session.teams.some((t) => t.nickname.toLocaleLowerCase('fr') === nickname.toLocaleLowerCase('fr'))) {
    return { ok: false, error: { code: 'session-duplicate-nickname', params: { nickname } } };
  }
  let n = session.teams.length + 1;
  while (session.teams.some((t) => t.id === `t${n}`)) n++;
  const team = { id: `t${n}`, nickname };
  return { ok: true, session: { ...session, teams: [...session.teams, team] }, team };
}

export function recordTry(session: Session, attempt: Try): Session {
  return { ...session, tries: [...session.tries, attempt] };
}

/** Keeps the team's latest drawing for a lesson (one per team and lesson). */
export function keepDrawing(session: Session, drawing: Drawing): Session {
  const others = session.drawings.filter(
    (d) => !(d.team === drawing.team && d.pack === drawing.pack && d.lesson === drawing.lesson),
  );
  return { ...session, drawings: [...others, drawing] };
}

export function serializeSession(session: Session): string {
  return `${JSON.stringify(session, null, 1)}\n`;
}
