/**
 * A lesson's steps as the app shows them: sanitised HTML in French and English, with the pack's own
 * images inlined as `data:` URIs (the renderer's CSP allows `img-src data:`; no URL scheme or route
 * serves pack files). Only PNG, JPEG, GIF and WebP recognised by their first bytes are inlined, each
 * within a size limit; anything else keeps only its alt text.
 */
import { renderMarkdown } from '../../core/lessons/markdown';
import type { Lesson } from '../../core/lessons/types';
import type { LessonStepView } from '../../shared/api';
import { PACK_MANIFEST } from '../../core/lessons/pack-error';
import { renderStepHtml, sanitizeStepHtml, type LoadedPack } from '../packs';
import { IMAGE_LIMITS, imageType, readPackFile } from '../packs/pack-files';


export async function stepViews(pack: LoadedPack, lesson: Lesson, limits = IMAGE_LIMITS): Promise<LessonStepView[]> {
  const files = lesson.steps.flatMap((s) => [s.file.fr, s.file.en]);
  const images = await inlineImages(pack, imagesOf(pack, files), limits);
  const html = (file: string, locale: 'fr' | 'en') => renderStepHtml(pack, file, (p) => images.get(p) ?? '', locale);
  return lesson.steps.map((step) => ({
    html: { fr: html(step.file.fr, 'fr'), en: html(step.file.en, 'en') },
    ...(step.hint ? { hint: step.hint, hintHtml: { fr: inlineHtml(step.hint.fr, 'fr'), en: inlineHtml(step.hint.en, 'en') } } : {}),
  }));
}

/**
 * A short text from `pack.json` (a hint, a teacher note) as sanitised HTML: markdown, French
 * typography, blocks as placeholders; no images (they live in step files).
 */
export function inlineHtml(text: string, locale: 'fr' | 'en'): string {
  const rendered = renderMarkdown(text, { file: PACK_MANIFEST, hasFile: () => false, imageUrl: () => '', locale });
  return sanitizeStepHtml(rendered.html.trim());
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

