/**
 * Names of files inside a pack (zip entries or folder files), checked before anything is written:
 * nothing may leave the pack folder, and every name must be safe to create on Windows, macOS and Linux.
 */
import type { PackMessageCode } from '../i18n/pack-messages';
import { PACK_LIMITS, type PackLimits } from './pack-limits';

export type EntryName =
  | { readonly ok: true; readonly path: string; readonly isDir: boolean; readonly ignored: boolean }
  | { readonly ok: false; readonly code: PackMessageCode };

/** Files that archivers and file managers add; skipped, never extracted. */
const JUNK = new Set(['__macosx', '.ds_store', 'thumbs.db', 'desktop.ini']);
/**
 * Windows device names, whatever the case and the extension (`nul.txt`, `Con .tar.gz`): CON, PRN,
 * AUX, NUL, CONIN$, CONOUT$, COM0–9 and LPT0–9, with the superscript digits ¹ ² ³ Windows also
 * reads as device numbers.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])\s*(\..*)?$/iu;
// Control characters, Windows-forbidden characters, bidi overrides and invisible characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f<>:"|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffd]/u;

/** Checks one entry name (already decoded from UTF-8; a trailing `/` marks a folder). */
export function checkEntryName(name: string, limits: PackLimits = PACK_LIMITS): EntryName {
  const fail = (code: PackMessageCode): EntryName => ({ ok: false, code });
  if (/^[A-Za-z]:/.test(name)) return fail('pack-entry-drive');
  if (name.startsWith('/')) return fail('pack-entry-absolute');
  if (name.includes('\\')) return fail('pack-entry-backslash');
  const isDir = name.endsWith('/');
  const path = isDir ? name.slice(0, -1) : name;
  const segments = path.split('/');
  if (segments.includes('..')) return fail('pack-entry-escapes');
  if (path === '' || segments.some((s) => s === '' || s === '.')) return fail('pack-entry-bad-name');
  if (FORBIDDEN_CHARS.test(path)) return fail('pack-entry-bad-name');
  if (segments.some((s) => WINDOWS_RESERVED.test(s) || /[. ]$/.test(s))) return fail('pack-entry-bad-name');
  if (utf8Length(path) > limits.maxPathBytes || segments.length > limits.maxPathDepth) return fail('pack-entry-too-long');
  const ignored = segments.some((s) => s.startsWith('.') || JUNK.has(s.toLowerCase()));
  return { ok: true, path, isDir, ignored };
}

/** Two names that one file system may treat as the same file (case, Unicode normalisation). */
export function collisionKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
