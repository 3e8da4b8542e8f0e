/**
 * The step attribute rule (`shared/step-purify.ts`), used by the host's sanitiser and again by the
 * page: links go only to the web and open outside; images only from the app's own URLs.
 */
import { describe, expect, test } from 'vitest';
import { enforceStepAttributes as hostRule, STEP_PURIFY_CONFIG as HOST_CONFIG } from '../../../app/host/packs';
import { STEP_PURIFY_CONFIG as PAGE_CONFIG } from '../../../app/shared/step-purify';

class FakeElement {
  readonly attrs = new Map<string, string>();
  constructor(
    readonly tagName: string,
    attrs: Record<string, string>,
  ) {
    for (const [k, v] of Object.entries(attrs)) this.attrs.set(k, v);
  }
  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.attrs.set(name, value);
  }
  removeAttribute(name: string): void {
    this.attrs.delete(name);
  }
}

const OUTSIDE = { target: '_blank', rel: 'noopener noreferrer', 'data-external': 'true' };
const CASES: [string, Record<string, string>, Record<string, string>][] = [
  ['A', { href: 'https://exemple.fr/' }, { href: 'https://exemple.fr/', ...OUTSIDE }],
  ['A', { href: 'javascript:alert(1)' }, OUTSIDE],
  ['A', { href: 'robokit-pack://x/y.png' }, OUTSIDE],
  ['IMG', { src: 'data:image/png;base64,AAAA' }, { src: 'data:image/png;base64,AAAA' }],
  ['IMG', { src: 'data:image/svg+xml;base64,AAAA' }, {}],
  ['IMG', { src: 'https://tracker.example/pixel.gif' }, {}],
  ['IMG', { src: 'robokit-pack://fr.a.b/images/x.png', href: 'https://x' }, { src: 'robokit-pack://fr.a.b/images/x.png' }],
  ['P', { src: 'data:image/png;base64,AAAA', target: '_blank', rel: 'opener', 'data-external': 'true' }, {}],
];

describe('the step sanitiser', () => {
  test('the host and the page share one configuration', () => {
    expect(PAGE_CONFIG).toBe(HOST_CONFIG);
  });

  test.each(CASES)('<%s %j> keeps %j', (tag, attrs, kept) => {
    const element = new FakeElement(tag, attrs);
    hostRule(element);
    expect(Object.fromEntries(element.attrs)).toEqual(kept);
  });
});
