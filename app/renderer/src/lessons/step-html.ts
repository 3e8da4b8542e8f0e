/**
 * A step's HTML on screen: the host already rendered and sanitised it; it is sanitised again here,
 * in the page's own DOM, with the same allow-list, and inserted as nodes (never `innerHTML` of
 * unsanitised text). Hosts inline pack images as data: URIs, which the page's CSP allows.
 */
import createDOMPurify from 'dompurify';
import { enforceStepAttributes, STEP_PURIFY_CONFIG, type StepElement } from '../../../shared/step-purify';

let purifier: ReturnType<typeof createDOMPurify> | undefined;

function getPurifier(): ReturnType<typeof createDOMPurify> {
  if (!purifier) {
    purifier = createDOMPurify(window);
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeType === Node.ELEMENT_NODE) enforceStepAttributes(node as unknown as StepElement);
    });
  }
  return purifier;
}

export function stepFragment(html: string): DocumentFragment {
  return getPurifier().sanitize(html, { ...STEP_PURIFY_CONFIG, RETURN_DOM_FRAGMENT: true });
}
