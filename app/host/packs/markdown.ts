/**
 * Step HTML for the app: the core's markdown rendering (safe by construction), then DOMPurify with a
 * strict allow-list as a second wall. DOMPurify needs a DOM: in Node it gets a small jsdom window,
 * created on first use (≈0.3 s). The browser renderer may sanitise again with its own DOM at display
 * time using `STEP_PURIFY_CONFIG` and `enforceStepAttributes`.
 */
import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';
import { packImageUrl, renderMarkdown } from '../../core/lessons/markdown';
import type { LoadedPack } from './load-pack';

/** Image URLs the app itself produces: the pack scheme, or data URIs of raster images. */
const IMAGE_URL = /^(?:robokit-pack:\/\/|data:image\/(?:png|jpeg|gif|webp);base64,)/i;
const WEB_URL = /^https?:\/\//i;

export const STEP_PURIFY_CONFIG: Config = {
  ALLOWED_TAGS: [
    'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'strong', 'em', 's', 'code', 'pre', 'blockquote', 'hr', 'br',
    'a', 'img', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  ALLOWED_ATTR: ['href', 'src', 'alt', 'title', 'class', 'target', 'rel', 'data-external', 'start'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:https?:\/\/|robokit-pack:\/\/|data:image\/(?:png|jpeg|gif|webp);base64,)/i,
  FORBID_TAGS: ['style', 'script', 'iframe', 'object', 'embed', 'form', 'svg', 'math'],
};

/** The part of a DOM element the rule below touches (no DOM types in the host layer). */
export interface ElementLike {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

/** Links open outside the app; images come only from the app's own URLs. */
export function enforceStepAttributes(node: ElementLike): void {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (!WEB_URL.test(href)) node.removeAttribute('href');
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
    node.setAttribute('data-external', 'true');
  } else {
    node.removeAttribute('target');
    node.removeAttribute('rel');
    node.removeAttribute('data-external');
    node.removeAttribute('href');
  }
  if (node.tagName === 'IMG') {
    if (!IMAGE_URL.test(node.getAttribute('src') ?? '')) node.removeAttribute('src');
  } else node.removeAttribute('src');
}

let purifier: DOMPurify | undefined;

function getPurifier(): DOMPurify {
  if (!purifier) {
    const { window } = new JSDOM('');
    purifier = createDOMPurify(window as unknown as WindowLike);
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeType === 1) enforceStepAttributes(node as unknown as ElementLike);
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
export function renderStepHtml(pack: LoadedPack, file: string, imageUrl?: (packPath: string) => string): string {
  const source = pack.steps.get(file);
  if (source === undefined) return '';
  const rendered = renderMarkdown(source, {
    file,
    hasFile: (p) => pack.files.has(p),
    imageUrl: imageUrl ?? ((p) => packImageUrl(pack.id, p)),
  });
  return sanitizeStepHtml(rendered.html);
}
