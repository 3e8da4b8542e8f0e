import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { message } from '../../../app/core/i18n/messages';
import { isPngDataUrl } from '../../../app/core/workshop/png';
import {
  addTeam,
  keepDrawing,
  newSession,
  parseSession,
  recordTry,
  serializeSession,
} from '../../../app/core/workshop/session';
import { PNG_1x1, ROUTE, attempt, sessionWith } from './fixtures';

const full = keepDrawing(recordTry(sessionWith('s-abc123', ['Les Tigres', 'Zébulon']), attempt('t1', 'le-spectacle')), {
  team: 't1',
  pack: 'fr.robokit.defis-parents-enfants',
  lesson: 'le-spectacle',
  png: PNG_1x1,
});
const valid = serializeSession(full);
const withDrawing = (png: string) => serializeSession({ ...full, drawings: [{ ...full.drawings[0]!, png }] });

describe('parseSession', () => {
  it('reads back what it wrote', () => {
    const result = parseSession(valid);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.session).toEqual(full);
  });

  it.each([
    ['empty', '', 'session-empty'],
    ['truncated', valid.slice(0, valid.length / 2), 'session-truncated'],
    ['truncated inside the drawing', valid.slice(0, valid.indexOf('iVBOR') + 10), 'session-truncated'],
    ['random bytes', '\u0001\u0002\u00ff\u0000garbage', 'session-not-json'],
    ['not json', 'bonjour', 'session-not-json'],
    ['a project file', JSON.stringify({ format: 'robokit-project', version: 1 }), 'session-wrong-format'],
    ['an array', '[]', 'session-wrong-format'],
    ['a future version', JSON.stringify({ ...full, version: 9 }), 'session-future-version'],
    ['100,000-deep nesting', '['.repeat(100_000) + ']'.repeat(100_000), 'session-too-deep'],
    ['too large', `{"format":"robokit-session","title":"${'a'.repeat(64 * 1024 * 1024)}"}`, 'session-too-large'],
    ['personal data beside the nickname', JSON.stringify({ ...full, teams: [{ id: 't1', nickname: 'A', email: 'a@b.fr' }] }), 'session-invalid'],
    ['a 41-character nickname', JSON.stringify({ ...full, teams: [{ id: 't1', nickname: 'x'.repeat(41) }] }), 'session-invalid'],
    ['four stars', JSON.stringify({ ...full, tries: [attempt('t1', 'le-spectacle', { stars: 4 })] }), 'session-invalid'],
    ['a lesson id with a slash', JSON.stringify({ ...full, tries: [attempt('t1', '../etc')] }), 'session-invalid'],
    ['a try of an unknown team', JSON.stringify({ ...full, tries: [attempt('t9', 'le-spectacle')] }), 'session-unknown-team'],
    ['a JPEG as a drawing', withDrawing('data:image/jpeg;base64,/9j/4AAQ'), 'session-invalid'],
    ['a GIF named PNG', withDrawing('data:image/png;base64,R0lGODlhAQABAAAAACw='), 'session-bad-drawing'],
    ['a truncated PNG', withDrawing(PNG_1x1.slice(0, PNG_1x1.length - 12)), 'session-bad-drawing'],
    ['a PNG with bytes after IEND', withDrawing(PNG_1x1.replace(/==$/, 'AAAAAA==')), 'session-bad-drawing'],
    ['text that is not base64', withDrawing('data:image/png;base64,<script>alert(1)</script>'), 'session-bad-drawing'],
  ])('refuses %s with one sentence in French and English', (_name, text, code) => {
    const result = parseSession(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    for (const locale of ['fr', 'en'] as const) {
      const said = message(result.error.code, locale, result.error.params);
      expect(said).not.toMatch(/\{\w+\}/);
      expect(said).toMatch(/^[A-ZÀ-Ý].*[.!]$/s);
    }
  });
});

describe('isPngDataUrl', () => {
  it('accepts a real PNG and refuses a wrong size in IHDR', () => {
    expect(isPngDataUrl(PNG_1x1)).toBe(true);
    // Width 0 (bytes 16–19 of the file are base64 characters 21–26 of the payload).
    const bytes = Buffer.from(PNG_1x1.split(',')[1]!, 'base64');
    bytes.writeUInt32BE(0, 16);
    expect(isPngDataUrl(`data:image/png;base64,${bytes.toString('base64')}`)).toBe(false);
    bytes.writeUInt32BE(100_000, 16);
    expect(isPngDataUrl(`data:image/png;base64,${bytes.toString('base64')}`)).toBe(false);
  });
});

describe('teams and tries', () => {
  const empty = newSession('s1', 'Atelier', ROUTE, '2026-12-01T09:00:00.000Z');

  it('adds a team by nickname only, trimmed, refusing blanks, control characters and duplicates', () => {
    const first = addTeam(empty, '  Les   Tigres ');
    expect(first.ok && first.team).toEqual({ id: 't1', nickname: 'Les Tigres' });
    if (!first.ok) return;
    expect(addTeam(first.session, 'les tigres')).toMatchObject({ ok: false, error: { code: 'session-duplicate-nickname' } });
    expect(addTeam(first.session, '   ')).toMatchObject({ ok: false, error: { code: 'session-bad-nickname' } });
    expect(addTeam(first.session, 'a\u0007b')).toMatchObject({ ok: false, error: { code: 'session-bad-nickname' } });
    expect(addTeam(first.session, 'x'.repeat(41))).toMatchObject({ ok: false, error: { code: 'session-bad-nickname' } });
    const second = addTeam(first.session, 'Zébulon');
    expect(second.ok && second.team.id).toBe('t2');
    expect(empty.teams).toEqual([]); // never mutated
  });

  it('keeps one drawing per team and lesson, the latest', () => {
    const d = { team: 't1', pack: 'p', lesson: 'l', png: PNG_1x1 };
    const s = keepDrawing(keepDrawing(sessionWith('s', ['A']), d), { ...d, png: `${PNG_1x1}` });
    expect(s.drawings).toHaveLength(1);
    expect(recordTry(s, attempt('t1', 'l')).tries).toHaveLength(1);
  });
});

describe('the sample session file', () => {
  it('is valid and resumes at the turn it recorded', () => {
    const result = parseSession(readFileSync('test/fixtures/workshop/samedi.robokitsession', 'utf8'));
    expect(result.ok && result.session.current).toEqual({ team: 't3', step: 1, elapsedSeconds: 12.5 });
  });
});
