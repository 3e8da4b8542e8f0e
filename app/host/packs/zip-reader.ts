/**
 * `.robokitpack` archives, read with yauzl in two passes:
 * 1. the central directory alone: every name, type, size and ratio is checked, and nothing is written
 *    unless all entries pass;
 * 2. extraction into an empty folder, one entry at a time through a byte counter that stops the
 *    stream as soon as an entry or the whole pack goes past what was declared or allowed (a header
 *    may lie). Memory stays bounded: entries are streamed, never buffered whole.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { checkEntryName, collisionKey } from '../../core/lessons/entry-names';
import { formatBytes, packError, showName, type PackError } from '../../core/lessons/pack-error';
import type { PackLimits } from '../../core/lessons/pack-limits';
import type { PackMessageCode } from '../../core/i18n/pack-messages';

export interface ZipEntryInfo {
  readonly path: string;
  readonly isDir: boolean;
  readonly size: number;
  readonly entry: Entry;
}

export type ZipListing =
  | { readonly ok: true; readonly zip: ZipFile; readonly entries: readonly ZipEntryInfo[] }
  | { readonly ok: false; readonly errors: readonly PackError[] };

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
/** DOS/NTFS attribute: reparse point (a link or a junction). */
const FILE_ATTRIBUTE_REPARSE_POINT = 0x400;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_FLAG = 0x800;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Pass 1: opens the archive and checks its central directory. The caller closes `zip`. */
export async function listZip(file: string, limits: PackLimits): Promise<ZipListing> {
  const name = basename(file);
  const early = await checkArchiveFile(file, name, limits);
  if (early) return { ok: false, errors: [early] };
  let zip: ZipFile;
  try {
    zip = await openZip(file);
  } catch {
    // It starts like a zip (checked above) but its directory is missing or broken: cut short.
    return { ok: false, errors: [packError('pack-zip-damaged', {}, { file: showName(name) })] };
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    return { ok: false, errors: [packError('pack-too-many-entries', {}, { count: zip.entryCount, max: limits.maxEntries })] };
  }
  const checker = new EntryChecker(limits);
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      checker.add(entry);
      if (checker.errors.length >= limits.maxErrors || checker.stop) break;
    }
  } catch (e) {
    zip.close();
    const code = e instanceof Error && /size mismatch/.test(e.message) ? 'pack-entry-size-lie' : 'pack-zip-damaged';
    return { ok: false, errors: [...checker.errors, packError(code, {}, { file: showName(name), where: showName(name) })] };
  }
  if (checker.errors.length > 0) {
    zip.close();
    return { ok: false, errors: checker.errors };
  }
  return { ok: true, zip, entries: checker.entries };
}

async function checkArchiveFile(file: string, name: string, limits: PackLimits): Promise<PackError | null> {
  const params = { file: showName(name) };
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return packError('pack-not-zip', {}, params);
    size = info.size;
  } catch {
    return packError('pack-not-found', {}, params);
  }
  if (size === 0) return packError('pack-empty-file', {}, params);
  if (size > limits.maxArchiveBytes) return packError('pack-archive-too-large', {}, { ...params, max: formatBytes(limits.maxArchiveBytes) });
  const head = Buffer.alloc(4);
  try {
    const handle = await open(file, 'r');
    try {
      await handle.read(head, 0, 4, 0);
    } finally {
      await handle.close();
    }
  } catch {
    return packError('pack-unreadable', {}, params);
  }
  // A local file header, or the end record of an empty archive.
  const magic = head.readUInt32LE(0);
  return magic === 0x04034b50 || magic === 0x06054b50 ? null : packError('pack-not-zip', {}, params);
}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolvePromise, reject) => {
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('no zip')) : resolvePromise(zip),
    );
  });
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolvePromise, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry) => (cleanup(), resolvePromise(entry));
    const onEnd = () => (cleanup(), resolvePromise(null));
    const onError = (err: Error) => (cleanup(), reject(err));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** The checks of pass 1, entry by entry. */
class EntryChecker {
  readonly errors: PackError[] = [];
  readonly entries: ZipEntryInfo[] = [];
  stop = false;
  private total = 0;
  private readonly kinds = new Map<string, 'file' | 'dir'>();

  constructor(private readonly limits: PackLimits) {}

  add(entry: Entry): void {
    const raw = entry.fileNameRaw;
    const name = decodeName(raw, entry.generalPurposeBitFlag);
    const shown = name ?? showName(raw.toString('latin1'));
    const fail = (code: PackMessageCode, params: Record<string, string | number> = {}) =>
      this.errors.push(packError(code, {}, { where: showName(shown), ...params }));
    if (name === null) return void fail('pack-entry-name-encoding');
    const checked = checkEntryName(name, this.limits);
    if (!checked.ok) return void fail(checked.code, { max: this.limits.maxPathBytes, depth: this.limits.maxPathDepth });
    const type = entryType(entry);
    if (type === 'link') return void fail('pack-entry-link');
    if (type === 'special') return void fail('pack-entry-special');
    if (entry.isEncrypted()) return void fail('pack-entry-encrypted');
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return void fail('pack-entry-compression');
    const isDir = checked.isDir || type === 'dir';
    if (!this.register(checked.path, isDir)) return void fail('pack-entry-duplicate');
    const size = entry.uncompressedSize;
    if (isDir && size !== 0) return void fail('pack-entry-size-lie');
    if (size > this.limits.maxFileBytes) return void fail('pack-entry-too-large', { max: formatBytes(this.limits.maxFileBytes) });
    const ratio = size / Math.max(entry.compressedSize, 1);
    if (size > this.limits.ratioFloorBytes && ratio > this.limits.maxRatio) {
      return void fail('pack-entry-ratio', { ratio: Math.round(ratio), max: this.limits.maxRatio });
    }
    this.total += size;
    if (this.total > this.limits.maxTotalBytes) {
      this.stop = true;
      return void this.errors.push(packError('pack-too-large', {}, { max: formatBytes(this.limits.maxTotalBytes) }));
    }
    if (!checked.ignored) this.entries.push({ path: checked.path, isDir, size, entry });
  }

  /** False when the name clashes with another entry (same name up to case, or file vs folder). */
  private register(path: string, isDir: boolean): boolean {
    const key = collisionKey(path);
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (this.kinds.get(parent) === 'file') return false;
      this.kinds.set(parent, 'dir');
    }
    const before = this.kinds.get(key);
    if (before === 'file' || (before === 'dir' && !isDir)) return false;
    this.kinds.set(key, isDir ? 'dir' : 'file');
    return true;
  }
}

/** UTF-8 when flagged; otherwise only printable ASCII is accepted (CP437 names are ambiguous). */
function decodeName(raw: Buffer, flags: number): string | null {
  if (!(flags & UTF8_FLAG)) return raw.every((b) => b >= 0x20 && b < 0x7f) ? raw.toString('latin1') : null;
  try {
    return utf8.decode(raw);
  } catch {
    return null;
  }
}

function entryType(entry: Entry): 'file' | 'dir' | 'link' | 'special' | 'unknown' {
  const attrs = entry.externalFileAttributes >>> 0;
  if (attrs & FILE_ATTRIBUTE_REPARSE_POINT) return 'link';
  const madeBy = entry.versionMadeBy >> 8;
  // Unix (3) and macOS (19) archivers put st_mode in the high 16 bits.
  if (madeBy !== 3 && madeBy !== 19) return 'unknown';
  const type = (attrs >>> 16) & S_IFMT;
  if (type === 0) return 'unknown';
  if (type === S_IFLNK) return 'link';
  if (type === S_IFREG) return 'file';
  if (type === S_IFDIR) return 'dir';
  return 'special';
}

class ExtractError extends Error {
  constructor(readonly error: PackError) {
    super(error.code);
  }
}

/** Counts bytes and stops the stream past `max` (whatever the headers said). */
class ByteLimit extends Transform {
  count = 0;
  constructor(
    private readonly max: number,
    private readonly onOver: () => PackError,
    private readonly onBytes: (n: number) => PackError | null,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.count += chunk.length;
    if (this.count > this.max) return done(new ExtractError(this.onOver()));
    const overall = this.onBytes(chunk.length);
    if (overall) return done(new ExtractError(overall));
    done(null, chunk);
  }
}

/**
 * Pass 2: writes the listed entries under `dest` (an empty folder the caller owns).
 * Returns errors instead of throwing; on error the caller removes `dest`.
 */
export async function extractZip(zip: ZipFile, entries: readonly ZipEntryInfo[], dest: string, limits: PackLimits): Promise<PackError[]> {
  const root = resolve(dest);
  let total = 0;
  const overall = () => (total > limits.maxTotalBytes ? packError('pack-too-large', {}, { max: formatBytes(limits.maxTotalBytes) }) : null);
  for (const item of entries) {
    const target = resolve(root, ...item.path.split('/'));
    // Names were checked in pass 1; this is the second wall.
    if (!target.startsWith(root + sep)) return [packError('pack-entry-escapes', {}, { where: showName(item.path) })];
    const where = { where: showName(item.path) };
    try {
      if (item.isDir) {
        await mkdir(target, { recursive: true });
        continue;
      }
      await mkdir(join(target, '..'), { recursive: true });
      const max = Math.min(item.size, limits.maxFileBytes);
      const counter = new ByteLimit(
        max,
        () => packError(item.size > limits.maxFileBytes ? 'pack-entry-too-large' : 'pack-entry-size-lie', {}, { ...where, max: formatBytes(limits.maxFileBytes) }),
        (n) => ((total += n), overall()),
      );
      const source = await openEntry(zip, item.entry);
      await pipeline(source, counter, createWriteStream(target, { flags: 'wx', mode: 0o644 }));
      if (counter.count !== item.size) return [packError('pack-entry-size-lie', {}, where)];
    } catch (e) {
      if (e instanceof ExtractError) return [e.error];
      if (e instanceof Error && /bytes in the stream|size mismatch/.test(e.message)) return [packError('pack-entry-size-lie', {}, where)];
      if (e instanceof Error && 'code' in e && typeof e.code === 'string' && /^E(ACCES|NOSPC|EXIST|ROFS|PERM|NOTDIR)$/.test(e.code)) {
        return [packError('pack-write-failed', {}, { file: showName(item.path) })];
      }
      return [packError('pack-zip-damaged', {}, { file: showName(item.path) })];
    }
  }
  return [];
}

function openEntry(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolvePromise, reject) => {
    try {
      zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolvePromise(stream)));
    } catch (e) {
      reject(e);
    }
  });
}
