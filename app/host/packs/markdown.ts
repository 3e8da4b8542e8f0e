/**
 * Step HTML for the app: the core's markdown rendering (safe by construction), then DOMPurify with a
 * strict allow-list as a second wall. DOMPurify needs a DOM: in Node it gets a small jsdom window,
 * created on first use (≈0.3 s). The browser renderer may sanitise again with its own DOM at display
 * time using `STEP_PURIFY_CONFIG` and `enforceStepAttributes`.
 */
import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';
import type { Locale } from '../../core/i18n/messages';
import { packImageUrl, renderMarkdown } from '../../core/lessons/markdown';
import { enforceStepAttributes, STEP_PURIFY_CONFIG, type StepElement } from '../../shared/step-purify';
import type { LoadedPack } from './load-pack';

// One allow-list and one attribute rule for the host and the page (which sanitises again).
export { enforceStepAttributes, STEP_PURIFY_CONFIG };

let purifier: DOMPurify | undefined;

function getPurifier(): DOMPurify {
  if (!purifier) {
    const { window } = new JSDOM('');
    purifier = createDOMPurify(window as unknown as WindowLike);
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeType === 1) enforceStepAttributes(node as unknown as StepElement);
    });
  }
  return purifier;
}

/** Second wall: whatever HTML comes in, only the allow-listed tags and attributes come out. */
export function sanitizeStepHtml(html: string): string {
  return getPurifier().sanitize(html, { ...STEP_PURIFY_CONFIG, RETURN_TRUSTED_TYPE: false }) as unknown as string;
}

/**
 * The HTML of one step file of a loaded pack ('' if the pack has no such step). Images point at
 * `imageUrl(path)`, by default `robokit-pack://<packId>/<path>` which the host serves from the store.
 */
export function renderStepHtml(pack: LoadedPack, file: string, imageUrl?: (packPath: string) => string, locale: Locale = 'fr'): string {
  const source = pack.steps.get(file);
  if (source === undefined) return '';
  const rendered = renderMarkdown(source, {
    file,
    hasFile: (p) => pack.files.has(p),
    imageUrl: imageUrl ?? ((p) => packImageUrl(pack.id, p)),
    locale,
  });
  return sanitizeStepHtml(rendered.html);
}
