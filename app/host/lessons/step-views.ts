/**
 * A lesson's steps as the app shows them: sanitised HTML in French and English, with the pack's own
 * images inlined as `data:` URIs (the renderer's CSP allows `img-src data:`; no URL scheme or route
 * serves pack files). Only PNG, JPEG, GIF and WebP recognised by their first bytes are inlined, each
 * within a size limit; anything else keeps only its alt text.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { renderMarkdown } from '../../core/lessons/markdown';
import type { Lesson } from '../../core/lessons/types';
import type { LessonStepView } from '../../shared/api';
import { renderStepHtml, type LoadedPack } from '../packs';

export const IMAGE_LIMITS = {
  /** One image file. */
  maxImageBytes: 2 * 1024 * 1024,
  /** All images of one lesson (both languages share the same files). */
  maxLessonImageBytes: 8 * 1024 * 1024,
} as const;

export async function stepViews(pack: LoadedPack, lesson: Lesson, limits = IMAGE_LIMITS): Promise<LessonStepView[]> {
  const files = lesson.steps.flatMap((s) => [s.file.fr, s.file.en]);
  const images = await inlineImages(pack, imagesOf(pack, files), limits);
  const html = (file: string) => renderStepHtml(pack, file, (p) => images.get(p) ?? '');
  return lesson.steps.map((step) => ({
    html: { fr: html(step.file.fr), en: html(step.file.en) },
    ...(step.hint ? { hint: step.hint } : {}),
  }));
}

/** Pack paths of the images the step files show (the pack loader checked they exist). */
function imagesOf(pack: LoadedPack, files: readonly string[]): string[] {
  const wanted = new Set<string>();
  for (const file of files) {
    const source = pack.steps.get(file);
    if (source === undefined) continue;
    renderMarkdown(source, {
      file,
      hasFile: (p) => pack.files.has(p),
      imageUrl: (p) => {
        wanted.add(p);
        return '';
      },
    });
  }
  return [...wanted];
}

async function inlineImages(pack: LoadedPack, paths: readonly string[], limits: typeof IMAGE_LIMITS): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let total = 0;
  for (const path of paths) {
    const bytes = await readPackFile(pack.root, path, limits.maxImageBytes);
    const type = bytes && imageType(bytes);
    if (!bytes || !type || total + bytes.length > limits.maxLessonImageBytes) continue;
    total += bytes.length;
    out.set(path, `data:${type};base64,${bytes.toString('base64')}`);
  }
  return out;
}

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
