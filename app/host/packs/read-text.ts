/**
 * Reads one text file of a pack: never through a link, never more than `maxBytes`, and only if it is
 * valid UTF-8 (a byte-order mark is dropped).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { formatBytes, packError, type PackError } from '../../core/lessons/pack-error';

export type TextRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: PackError };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export async function readPackText(root: string, rel: string, maxBytes: number): Promise<TextRead> {
  const base = resolve(root);
  const full = resolve(base, ...rel.split('/'));
  const at = { file: rel };
  if (!full.startsWith(base + sep)) return { ok: false, error: packError('pack-file-missing', at, { file: rel }) };
  let handle;
  try {
    handle = await open(full, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return { ok: false, error: packError('pack-unreadable', {}, { file: rel }) };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, error: packError('pack-entry-special', {}, { where: rel }) };
    if (info.size > maxBytes) return { ok: false, error: packError('pack-file-too-large', at, { max: formatBytes(maxBytes) }) };
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) return { ok: false, error: packError('pack-file-too-large', at, { max: formatBytes(maxBytes) }) };
    try {
      return { ok: true, text: utf8.decode(buffer.subarray(0, bytesRead)) };
    } catch {
      return { ok: false, error: packError('pack-file-not-utf8', at) };
    }
  } catch {
    return { ok: false, error: packError('pack-unreadable', {}, { file: rel }) };
  } finally {
    await handle.close();
  }
}
