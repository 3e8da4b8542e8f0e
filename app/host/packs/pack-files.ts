/**
 * Binary files of a pack (its images): read without following links and within a size, and
 * recognised by their first bytes. The app shows only what `imageType` knows, so the pack loader
 * refuses the rest.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

export const IMAGE_LIMITS = {
  /** One image file. */
  maxImageBytes: 2 * 1024 * 1024,
  /** All images of one lesson (both languages share the same files). */
  maxLessonImageBytes: 8 * 1024 * 1024,
} as const;

/** A file inside `root`, never through a link, or null when missing, special or too large. */
export async function readPackFile(root: string, rel: string, maxBytes: number): Promise<Buffer | null> {
  const base = resolve(root);
  const full = resolve(base, ...rel.split('/'));
  if (!full.startsWith(base + sep)) return null;
  let handle;
  try {
    handle = await open(full, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return null;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > maxBytes) return null;
    const buffer = Buffer.alloc(info.size);
    const { bytesRead } = await handle.read(buffer, 0, info.size, 0);
    return buffer.subarray(0, bytesRead);
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** The image type from the file's first bytes (the name is not trusted). */
export function imageType(bytes: Buffer): 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.subarray(0, 6).toString('latin1'))) return 'image/gif';
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'image/webp';
  }
  return null;
}
