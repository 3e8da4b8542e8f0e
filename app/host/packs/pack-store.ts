/**
 * The pack store: a folder with one subfolder per pack id. Installing is atomic: the pack is
 * unpacked (or copied) into a temporary sibling `.incoming-*`, checked, then renamed into place;
 * a failed install leaves the store as it was. Nothing is ever written outside the store.
 */
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PACK_MANIFEST, packError, showName, type PackError } from '../../core/lessons/pack-error';
import { PACK_LIMITS, type PackLimits } from '../../core/lessons/pack-limits';
import { loadPackFolder, type PackLoadOptions, type PackLoadResult } from './load-pack';
import { scanFolder } from './folder-scan';

type Unpacked = { ok: true; tmp: string; root: string } | { ok: false; errors: readonly PackError[] };

/** Installs a pack (a folder or a `.robokitpack`) into `storeDir/<pack id>`, replacing an older copy. */
export async function installPack(source: string, storeDir: string, options: PackLoadOptions = {}): Promise<PackLoadResult> {
  const limits = options.limits ?? PACK_LIMITS;
  const store = resolve(storeDir);
  try {
    await mkdir(store, { recursive: true });
  } catch {
    return { ok: false, errors: [packError('pack-store-failed', {}, { file: showName(store) })] };
  }
  const unpacked = await unpackInto(source, store, limits);
  if (!unpacked.ok) return unpacked;
  try {
    const loaded = await loadPackFolder(unpacked.root, options);
    if (!loaded.ok) return loaded;
    const target = join(store, loaded.pack.id);
    if (dirname(target) !== store) return { ok: false, errors: [packError('pack-store-failed', {}, { file: showName(loaded.pack.id) })] };
    await replaceFolder(unpacked.root, target, store);
    return { ok: true, pack: { ...loaded.pack, root: target } };
  } catch {
    return { ok: false, errors: [packError('pack-store-failed', {}, { file: showName(store) })] };
  } finally {
    await rm(unpacked.tmp, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Checks a pack without installing it: an archive is unpacked into a private temporary folder. */
export async function openPackForCheck(source: string, options: PackLoadOptions = {}): Promise<PackLoadResult> {
  const kind = await sourceKind(source);
  if (kind === 'missing') return { ok: false, errors: [packError('pack-not-found', {}, { file: showName(source) })] };
  if (kind === 'folder') return loadPackFolder(source, options);
  const scratch = await mkdtemp(join(tmpdir(), 'robokit-pack-check-'));
  try {
    const unpacked = await unpackInto(source, scratch, options.limits ?? PACK_LIMITS);
    return unpacked.ok ? await loadPackFolder(unpacked.root, options) : unpacked;
  } finally {
    await rm(scratch, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function sourceKind(source: string): Promise<'folder' | 'file' | 'missing'> {
  try {
    const info = await stat(source);
    return info.isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** Unpacks an archive, or copies a folder, into a new `.incoming-*` folder under `parent`. */
async function unpackInto(source: string, parent: string, limits: PackLimits): Promise<Unpacked> {
  const kind = await sourceKind(source);
  if (kind === 'missing') return { ok: false, errors: [packError('pack-not-found', {}, { file: showName(source) })] };
  if (kind === 'file') {
    // Loaded for archives only: checking or installing a pack folder does not pay for yauzl.
    const { extractZip, listZip } = await import('./zip-reader');
    const listing = await listZip(source, limits);
    if (!listing.ok) return listing;
    const tmp = await mkdtemp(join(parent, '.incoming-'));
    try {
      const errors = await extractZip(listing.zip, listing.entries, tmp, limits);
      if (errors.length > 0) return await discard(tmp, errors);
    } finally {
      listing.zip.close();
    }
    return { ok: true, tmp, root: await packRoot(tmp) };
  }
  const listing = await scanFolder(resolve(source), limits);
  if (listing.errors.length > 0) return { ok: false, errors: listing.errors };
  const tmp = await mkdtemp(join(parent, '.incoming-'));
  try {
    for (const rel of listing.files.keys()) await copyNoFollow(resolve(source), rel, tmp, limits.maxFileBytes);
  } catch {
    return discard(tmp, [packError('pack-unreadable', {}, { file: showName(source) })]);
  }
  return { ok: true, tmp, root: tmp };
}

async function discard(tmp: string, errors: readonly PackError[]): Promise<Unpacked> {
  await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  return { ok: false, errors };
}

/** `pack.json` at the top, or inside the archive's only folder (as file managers zip a folder). */
async function packRoot(tmp: string): Promise<string> {
  if (await exists(join(tmp, PACK_MANIFEST))) return tmp;
  const listing = await scanFolder(tmp, PACK_LIMITS);
  const tops = new Set([...listing.files.keys()].map((p) => p.split('/')[0]));
  const [only] = tops;
  if (tops.size === 1 && only !== undefined && (await exists(join(tmp, only, PACK_MANIFEST)))) return join(tmp, only);
  return tmp;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Copies one file without following a link, and never more than `maxBytes` (it may grow meanwhile). */
async function copyNoFollow(sourceRoot: string, rel: string, destRoot: string, maxBytes: number): Promise<void> {
  const from = resolve(sourceRoot, ...rel.split('/'));
  const to = resolve(destRoot, ...rel.split('/'));
  if (!from.startsWith(sourceRoot + sep) || !to.startsWith(destRoot + sep)) throw new Error('path escapes');
  await mkdir(dirname(to), { recursive: true });
  const handle = await open(from, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  await pipeline(createReadStream('', { fd: handle, start: 0, end: maxBytes - 1 }), createWriteStream(to, { flags: 'wx', mode: 0o644 }));
}

/** Moves `from` to `target`, replacing an existing folder with two renames. */
async function replaceFolder(from: string, target: string, store: string): Promise<void> {
  if (!(await exists(target))) return rename(from, target);
  const old = await mkdtemp(join(store, '.old-'));
  const parked = join(old, 'pack');
  await rename(target, parked);
  try {
    await rename(from, target);
  } catch (e) {
    await rename(parked, target);
    throw e;
  }
  await rm(old, { recursive: true, force: true }).catch(() => undefined);
}
