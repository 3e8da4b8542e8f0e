/**
 * How the renderer sanitises a lesson step's HTML a second time, with its own DOM, at display time:
 * the same allow-list and attribute rule the host applies (`host/packs/markdown.ts`, whose
 * `STEP_PURIFY_CONFIG` and `enforceStepAttributes` a test keeps equal to these). Here because the
 * host module loads jsdom, which the renderer must not bundle. Plain data and one pure function.
 */
import type { Config } from 'dompurify';

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

/** The part of a DOM element the rule below touches. */
export interface StepElement {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

/** Links open outside the app; images come only from the app's own URLs. */
export function enforceStepAttributes(node: StepElement): void {
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
