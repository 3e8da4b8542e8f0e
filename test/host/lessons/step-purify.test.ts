/**
 * The renderer sanitises step HTML again with `shared/step-purify.ts` (the host's module loads jsdom,
 * which the page must not bundle): the allow-list and the attribute rule must stay the host's.
 */
import { describe, expect, test } from 'vitest';
import { enforceStepAttributes as hostRule, STEP_PURIFY_CONFIG as HOST_CONFIG } from '../../../app/host/packs';
import { enforceStepAttributes as pageRule, STEP_PURIFY_CONFIG as PAGE_CONFIG } from '../../../app/shared/step-purify';

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

const CASES: [string, Record<string, string>][] = [
  ['A', { href: 'https://exemple.fr/' }],
  ['A', { href: 'javascript:alert(1)' }],
  ['A', { href: 'robokit-pack://x/y.png' }],
  ['IMG', { src: 'data:image/png;base64,AAAA' }],
  ['IMG', { src: 'data:image/svg+xml;base64,AAAA' }],
  ['IMG', { src: 'https://tracker.example/pixel.gif' }],
  ['IMG', { src: 'robokit-pack://fr.a.b/images/x.png', href: 'https://x' }],
  ['P', { src: 'data:image/png;base64,AAAA', target: '_blank', rel: 'opener', 'data-external': 'true' }],
];

describe('the page’s step sanitiser matches the host’s', () => {
  test('same DOMPurify configuration', () => {
    expect(PAGE_CONFIG).toEqual(HOST_CONFIG);
  });

  test.each(CASES)('same attribute rule on <%s %j>', (tag, attrs) => {
    const a = new FakeElement(tag, attrs);
    const b = new FakeElement(tag, attrs);
    hostRule(a);
    pageRule(b);
    expect(Object.fromEntries(b.attrs)).toEqual(Object.fromEntries(a.attrs));
  });
});
