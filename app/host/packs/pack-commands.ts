/**
 * `robokit pack validate PACK` and `robokit pack build DIR -o FILE.robokitpack` (SPEC §6), as functions
 * the command line wires: they return data and never throw for bad input; exit 0 when `ok`, 2 when not.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { relative, resolve, isAbsolute } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { Locale } from '../../core/i18n/messages';
import { describePackError, packError, showName, type PackError } from '../../core/lessons/pack-error';
import { loadPackFolder, type PackLoadOptions } from './load-pack';
import { openPackForCheck } from './pack-store';

export interface PackReport {
  readonly ok: boolean;
  /** The folder or archive checked. */
  readonly source: string;
  readonly packId?: string;
  readonly lessons?: number;
  readonly errors: readonly PackError[];
  readonly warnings: readonly PackError[];
}

export type BuildResult =
  | { readonly ok: true; readonly file: string; readonly bytes: number; readonly files: number; readonly report: PackReport }
  | { readonly ok: false; readonly errors: readonly PackError[]; readonly report?: PackReport };

/** Checks a pack folder or `.robokitpack` file without installing it. */
export async function validatePack(path: string, options: PackLoadOptions = {}): Promise<PackReport> {
  const result = await openPackForCheck(path, options);
  if (!result.ok) {
    return {
      ok: false,
      source: path,
      errors: result.errors.filter((e) => e.severity === 'error'),
      warnings: result.errors.filter((e) => e.severity === 'warning'),
    };
  }
  const { pack } = result;
  return { ok: true, source: path, packId: pack.id, lessons: pack.manifest.lessons.length, errors: [], warnings: pack.warnings };
}

/** Date written on every entry, so the same folder always builds the same bytes. */
const FIXED_MTIME = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

/**
 * Validates `dir`, then zips it into `outFile` deterministically (sorted names, fixed dates and
 * modes). Refuses a pack with errors. The archive is written beside `outFile`, then renamed.
 */
export async function buildPack(dir: string, outFile: string, options: PackLoadOptions = {}): Promise<BuildResult> {
  const root = resolve(dir);
  const out = resolve(outFile);
  const inside = relative(root, out);
  if (!inside.startsWith('..') && !isAbsolute(inside)) {
    return { ok: false, errors: [packError('pack-build-output-inside', {}, { file: showName(outFile) })] };
  }
  const loaded = await loadPackFolder(root, options);
  if (!loaded.ok) {
    const errors = loaded.errors.filter((e) => e.severity === 'error');
    const report: PackReport = { ok: false, source: dir, errors, warnings: loaded.errors.filter((e) => e.severity === 'warning') };
    return { ok: false, errors: [packError('pack-build-refused', {}, { count: errors.length }), ...errors], report };
  }
  const { pack } = loaded;
  const names = [...pack.files.keys()].sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
  const zip = new yazl.ZipFile();
  for (const name of names) {
    zip.addFile(resolve(root, ...name.split('/')), name, { mtime: FIXED_MTIME, mode: 0o100644, compress: true, forceDosTimestamp: true });
  }
  zip.end();
  const tmp = `${out}.${randomBytes(6).toString('hex')}.part`;
  try {
    await pipeline(zip.outputStream, createWriteStream(tmp, { flags: 'wx' }));
    await rename(tmp, out);
    const bytes = (await stat(out)).size;
    const report: PackReport = { ok: true, source: dir, packId: pack.id, lessons: pack.manifest.lessons.length, errors: [], warnings: pack.warnings };
    return { ok: true, file: out, bytes, files: names.length, report };
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
    return { ok: false, errors: [packError('pack-write-failed', {}, { file: showName(outFile) })] };
  }
}

/** One line per problem, errors first, for people (stderr). */
export function reportLines(report: PackReport, locale: Locale): string[] {
  return [...report.errors, ...report.warnings].map((e) => `${e.severity === 'error' ? '✗' : '!'} ${describePackError(e, locale)}`);
}
