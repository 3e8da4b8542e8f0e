/**
 * Hostile markdown in steps: the pack still loads (with warnings for the author), and what the app
 * shows cannot run code or fetch anything: checked on the parsed DOM, both after the core's
 * rendering alone and after the host's DOMPurify pass.
 */
import { JSDOM } from 'jsdom';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../app/core/lessons/markdown';
import type { PackMessageCode } from '../../../../app/core/i18n/pack-messages';
import { loadPackFolder } from '../../../../app/host/packs/load-pack';
import { renderStepHtml } from '../../../../app/host/packs/markdown';
import { miniWith, writeFolder } from './corpus-helpers';

const ALLOWED_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'S', 'CODE', 'PRE', 'BLOCKQUOTE', 'HR', 'BR', 'A', 'IMG', 'SPAN', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD']);

/** Parses `html` and checks every element and attribute. */
function expectHarmless(html: string): void {
  const { document } = new JSDOM(`<body>${html}</body>`).window;
  for (const el of document.body.querySelectorAll('*')) {
    expect(ALLOWED_TAGS.has(el.tagName), `tag ${el.tagName}`).toBe(true);
    for (const attr of el.attributes) {
      expect(attr.name, `attribute ${attr.name}`).not.toMatch(/^on/i);
      expect(attr.name).not.toBe('style');
      expect(attr.value.toLowerCase()).not.toMatch(/javascript:|vbscript:|data:|file:/);
    }
    if (el.tagName === 'IMG') expect(el.getAttribute('src') ?? '').toMatch(/^robokit-pack:\/\/fr\.robokit\.test-mini\//);
    if (el.tagName === 'A') {
      expect(el.getAttribute('href') ?? '').toMatch(/^https?:\/\//);
      expect(el.getAttribute('target')).toBe('_blank');
      expect(el.getAttribute('rel')).toBe('noopener noreferrer');
    }
  }
}

interface Case {
  readonly name: string;
  readonly markdown: string;
  /** A warning the author gets. */
  readonly warns?: PackMessageCode;
}

const CASES: readonly Case[] = [
  { name: 'script tag', markdown: 'Salut <script>alert(1)</script>', warns: 'pack-md-raw-html' },
  { name: 'script block', markdown: '<script>\nfetch("https://evil.example")\n</script>', warns: 'pack-md-raw-html' },
  { name: 'iframe', markdown: '<iframe src="https://evil.example"></iframe>', warns: 'pack-md-raw-html' },
  { name: 'img onerror', markdown: '<img src=x onerror=alert(1)>', warns: 'pack-md-raw-html' },
  { name: 'svg onload', markdown: '<svg onload=alert(1)><circle r=9></svg>', warns: 'pack-md-raw-html' },
  { name: 'style tag', markdown: '<style>body{display:none}</style>', warns: 'pack-md-raw-html' },
  { name: 'inline style with javascript', markdown: '<div style="background:url(javascript:alert(1))">x</div>', warns: 'pack-md-raw-html' },
  { name: 'raw html link', markdown: '<a href="javascript:alert(1)">clique</a>', warns: 'pack-md-raw-html' },
  { name: 'javascript: link', markdown: '[clique](javascript:alert(1))', warns: 'pack-md-unsafe-link' },
  { name: 'mixed-case JaVaScRiPt: link', markdown: '[clique](JaVaScRiPt:alert(1))', warns: 'pack-md-unsafe-link' },
  { name: 'entity-encoded javascript: link', markdown: '[clique](&#106;avascript&#58;alert(1))', warns: 'pack-md-unsafe-link' },
  { name: 'javascript: autolink', markdown: '<javascript:alert(1)>', warns: 'pack-md-unsafe-link' },
  { name: 'vbscript: link', markdown: '[x](vbscript:msgbox(1))', warns: 'pack-md-unsafe-link' },
  { name: 'file: link', markdown: '[x](file:///etc/passwd)', warns: 'pack-md-unsafe-link' },
  { name: 'data: link', markdown: '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', warns: 'pack-md-unsafe-link' },
  { name: 'link to our own scheme', markdown: '[x](robokit-pack://autre.pack/secret.png)', warns: 'pack-md-unsafe-link' },
  { name: 'remote image (tracking pixel)', markdown: '![pixel](https://evil.example/track.png)', warns: 'pack-md-remote-image' },
  { name: 'protocol-relative image', markdown: '![x](//evil.example/x.png)', warns: 'pack-md-remote-image' },
  { name: 'data: SVG image', markdown: '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)', warns: 'pack-md-remote-image' },
  { name: 'javascript: image', markdown: '![x](javascript:alert(1))', warns: 'pack-md-remote-image' },
  { name: 'image from another pack', markdown: '![x](robokit-pack://autre.pack/secret.png)', warns: 'pack-md-remote-image' },
  { name: 'title breaking out of its quotes', markdown: '[x](https://ok.example "t\\" onmouseover=\\"alert(1)")' },
  { name: 'alt text breaking out of its quotes', markdown: '![x" onerror="alert(1)](../images/robot.png)' },
  { name: 'fence info string with an attribute', markdown: '```js" onclick="alert(1)\ncode\n```' },
  { name: 'reference-style javascript: link', markdown: '[clique][a]\n\n[a]: javascript:alert(1)', warns: 'pack-md-unsafe-link' },
  { name: '50,000 opening brackets', markdown: '['.repeat(50_000) },
  { name: '10,000 nested quotes', markdown: `${'>'.repeat(10_000)} hop` },
  { name: 'HTML comment hiding a script', markdown: '<!-- --><script>alert(1)</script> -->', warns: 'pack-md-raw-html' },
];

describe('hostile markdown is rendered harmlessly', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  for (const c of CASES) {
    it(c.name, async () => {
      const root = mkdtempSync(join(tmpdir(), 'robokit-md-'));
      roots.push(root);
      writeFolder(root, miniWith({ 'steps/2.fr.md': c.markdown }));
      const started = Date.now();
      const loaded = await loadPackFolder(root);
      expect(loaded.ok).toBe(true);
      if (!loaded.ok) return;
      if (c.warns) {
        const warning = loaded.pack.warnings.find((w) => w.code === c.warns && w.file === 'steps/2.fr.md');
        expect(warning?.severity).toBe('warning');
      }
      const core = renderMarkdown(c.markdown, { file: 'steps/2.fr.md', hasFile: (p) => loaded.pack.files.has(p), imageUrl: (p) => `robokit-pack://fr.robokit.test-mini/${p}` });
      expectHarmless(core.html);
      expectHarmless(renderStepHtml(loaded.pack, 'steps/2.fr.md'));
      expect(Date.now() - started).toBeLessThan(5000);
    });
  }

  it('keeps what a lesson needs: pack images and outside links', async () => {
    const root = mkdtempSync(join(tmpdir(), 'robokit-md-'));
    roots.push(root);
    writeFolder(root, miniWith({}));
    const loaded = await loadPackFolder(root);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.pack.warnings).toEqual([]);
    const first = renderStepHtml(loaded.pack, 'steps/1.fr.md');
    expect(first).toContain('<img src="robokit-pack://fr.robokit.test-mini/images/robot.png" alt="Le robot">');
    expect(first).toContain('<strong>avancer</strong>');
    const second = renderStepHtml(loaded.pack, 'steps/2.fr.md');
    expect(second).toContain('<a href="https://robokit.invalid/aide" target="_blank" rel="noopener noreferrer" data-external="true">le site de RoboKit</a>');
    expectHarmless(first);
    expectHarmless(second);
  });

  it('lets the host serve images as data URIs', async () => {
    const root = mkdtempSync(join(tmpdir(), 'robokit-md-'));
    roots.push(root);
    writeFolder(root, miniWith({}));
    const loaded = await loadPackFolder(root);
    if (!loaded.ok) throw new Error('mini pack should load');
    const html = renderStepHtml(loaded.pack, 'steps/1.en.md', () => 'data:image/png;base64,iVBORw0KGgo=');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(renderStepHtml(loaded.pack, 'steps/1.en.md', () => 'https://evil.example/x.png')).not.toContain('evil.example');
  });
});
