/**
 * A pack folder, walked without following links: the same rules as an archive's entries (names,
 * links, special files, counts and sizes). Hidden files and file-manager junk are skipped.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { checkEntryName, collisionKey } from '../../core/lessons/entry-names';
import { formatBytes, packError, showName, type PackError } from '../../core/lessons/pack-error';
import type { PackLimits } from '../../core/lessons/pack-limits';

export interface FolderListing {
  /** Pack-relative paths of regular files, sorted. */
  readonly files: ReadonlyMap<string, number>;
  readonly errors: readonly PackError[];
}

/** The size of a file (never following a link), or -1 if it cannot be read. */
const sizeOf = (path: string): Promise<number> =>
  lstat(path).then(
    (info) => info.size,
    () => -1,
  );

export async function scanFolder(root: string, limits: PackLimits): Promise<FolderListing> {
  const files = new Map<string, number>();
  const errors: PackError[] = [];
  const seen = new Set<string>();
  let entries = 0;
  let total = 0;
  const fail = (code: PackError['code'], rel: string, params: Record<string, string | number> = {}) =>
    errors.push(packError(code, {}, { where: showName(rel), ...params }));
  const walk = async (dir: string, prefix: string, depth: number): Promise<boolean> => {
    let children: Dirent[];
    try {
      children = await readdir(dir, { withFileTypes: true });
    } catch {
      errors.push(packError('pack-unreadable', {}, { file: showName(prefix || '.') }));
      return false;
    }
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // The files' sizes are asked for all at once (never more than the entries still allowed).
    const sizes = new Map<string, Promise<number>>();
    for (const child of children.slice(0, Math.max(0, limits.maxEntries - entries + 1))) {
      if (child.isFile()) sizes.set(child.name, sizeOf(join(dir, child.name)));
    }
    for (const child of children) {
      const rel = prefix ? `${prefix}/${child.name}` : child.name;
      const checked = checkEntryName(child.isDirectory() ? `${rel}/` : rel, limits);
      if (checked.ok && checked.ignored) continue;
      if (++entries > limits.maxEntries) {
        errors.push(packError('pack-too-many-entries', {}, { count: `> ${limits.maxEntries}`, max: limits.maxEntries }));
        return false;
      }
      if (!checked.ok) {
        fail(checked.code, rel, { max: limits.maxPathBytes, depth: limits.maxPathDepth });
        continue;
      }
      if (seen.has(collisionKey(rel))) {
        fail('pack-entry-duplicate', rel);
        continue;
      }
      seen.add(collisionKey(rel));
      const full = join(dir, child.name);
      if (child.isSymbolicLink()) fail('pack-entry-link', rel);
      else if (child.isDirectory()) {
        if (depth + 1 >= limits.maxPathDepth) fail('pack-entry-too-long', rel, { max: limits.maxPathBytes, depth: limits.maxPathDepth });
        else if (!(await walk(full, rel, depth + 1))) return false;
      } else if (!child.isFile()) fail('pack-entry-special', rel);
      else {
        const size = await (sizes.get(child.name) ?? sizeOf(full));
        if (size < 0) {
          errors.push(packError('pack-unreadable', {}, { file: showName(rel) }));
          continue;
        }
        if (size > limits.maxFileBytes) fail('pack-entry-too-large', rel, { max: formatBytes(limits.maxFileBytes) });
        total += size;
        if (total > limits.maxTotalBytes) {
          errors.push(packError('pack-too-large', {}, { max: formatBytes(limits.maxTotalBytes) }));
          return false;
        }
        files.set(rel, size);
      }
      if (errors.length >= limits.maxErrors) return false;
    }
    return true;
  };
  await walk(root, '', 0);
  return { files, errors };
}
