/**
 * A workshop as CSV, one row per try (RFC 4180: comma-separated, CRLF line ends, a field quoted when
 * it holds a comma, a quote or a line break, quotes doubled). Safe to open in a spreadsheet: a cell
 * starting with = + - @ (or a tab or carriage return) gets a leading apostrophe, so it is never a formula.
 */
import type { Session, TryOutcome } from './session';

const HEADER = ['atelier', 'date', 'équipe', 'pack', 'défi', 'heure', 'secondes', 'résultat', 'réussi', 'étoiles', 'pilote', 'échanges'];
const OUTCOME: Record<TryOutcome, string> = { checked: 'vérifié', skipped: 'passé', manual: 'fait à la main' };

export function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function sessionsCsv(sessions: readonly Session[]): string {
  const rows: (string | number | boolean)[][] = [HEADER];
  for (const session of sessions) {
    const nickname = new Map(session.teams.map((t) => [t.id, t.nickname]));
    for (const t of session.tries) {
      rows.push([
        session.title,
        session.createdAt,
        nickname.get(t.team) ?? t.team,
        t.pack,
        t.lesson,
        t.at,
        Math.round(t.seconds),
        OUTCOME[t.outcome],
        t.passed ? 'oui' : 'non',
        t.stars,
        t.pilot === 'child' ? 'enfant' : 'parent',
        t.swaps,
      ]);
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
