/**
 * Lesson steps: markdown → HTML that cannot run code, without a DOM.
 *
 * Safe by construction: markdown-it with `html: false` escapes every tag the author writes, and the
 * link and image rules below allow only
 * - images from inside the pack, rewritten by `imageUrl` (e.g. `robokit-pack://<packId>/<path>`);
 *   remote, `data:` and `javascript:` images are dropped (their alt text stays);
 * - links to `http(s)` pages, marked `data-external` with `target="_blank" rel="noopener noreferrer"`
 *   so the host opens them outside the app; other links become plain text.
 * Hosts sanitise the result again with DOMPurify (`host/packs/markdown.ts`) as a second wall.
 */
import MarkdownIt, { type Env } from 'markdown-it';
import { blockLabel } from '../blocks/block-labels';
import type { Locale } from '../i18n/messages';
import type { PackMessageCode } from '../i18n/pack-messages';
import { frenchTypography } from '../i18n/typography';
import { BLOCK_REF } from './step-blocks';

export interface MarkdownContext {
  /** The markdown file, pack-relative: relative image paths are resolved from its folder. */
  readonly file: string;
  /** True when the pack holds this file. */
  readonly hasFile: (packPath: string) => boolean;
  /** The URL the app shows a pack image from. */
  readonly imageUrl: (packPath: string) => string;
  /** The file's language: French text gets French typography, blocks their label in it (default French). */
  readonly locale?: Locale;
}

export interface MarkdownProblem {
  readonly code: Extract<PackMessageCode, 'pack-md-image-missing' | 'pack-md-remote-image' | 'pack-md-unsafe-link' | 'pack-md-raw-html'>;
  /** The image's pack path or the URL as written. */
  readonly ref: string;
}

export interface RenderedMarkdown {
  readonly html: string;
  readonly problems: readonly MarkdownProblem[];
}

interface RenderEnv extends Env {
  readonly ctx: MarkdownContext;
  readonly problems: MarkdownProblem[];
  /** For each open link: was it kept? */
  readonly links: boolean[];
}

const WEB_LINK = /^https?:\/\/[^\s/?#]+/i;
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

type Markdown = InstanceType<typeof MarkdownIt>;
const state = (env: Env | undefined): RenderEnv => env as RenderEnv;

function createMarkdown(): Markdown {
  const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false, maxNesting: 20 });
  // Every link reaches the rules below, which decide with an allow-list (markdown-it's own check is a deny-list).
  md.validateLink = () => true;
  md.renderer.rules.image = (tokens, idx, options, raw, self) => {
    const env = state(raw);
    const token = tokens[idx]!;
    const alt = escapeHtml(self.renderInlineAsText(token.children ?? [], options, raw));
    const src = String(token.attrGet('src') ?? '');
    const packPath = resolvePackPath(env.ctx.file, src);
    if (packPath === null) {
      env.problems.push({ code: isUrlLike(src) ? 'pack-md-remote-image' : 'pack-md-image-missing', ref: src });
      return `<span class="robokit-image-missing">${alt}</span>`;
    }
    if (!env.ctx.hasFile(packPath)) {
      env.problems.push({ code: 'pack-md-image-missing', ref: packPath });
      return `<span class="robokit-image-missing">${alt}</span>`;
    }
    return `<img src="${escapeHtml(env.ctx.imageUrl(packPath))}" alt="${alt}">`;
  };
  md.renderer.rules.link_open = (tokens, idx, _options, raw) => {
    const env = state(raw);
    const href = String(tokens[idx]!.attrGet('href') ?? '');
    const kept = WEB_LINK.test(href);
    env.links.push(kept);
    if (!kept) {
      env.problems.push({ code: 'pack-md-unsafe-link', ref: href });
      return '<span class="robokit-link-disabled">';
    }
    return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer" data-external="true">`;
  };
  md.renderer.rules.link_close = (_tokens, _idx, _options, raw) => (state(raw).links.pop() ? '</a>' : '</span>');
  // `{{block:TYPE}}`: a placeholder the app replaces with the block drawn by Blockly; its text is the
  // block's label, so a page without Blockly (or a screen reader) still says which block it is.
  const ref = new RegExp(`^${BLOCK_REF.source}`);
  md.inline.ruler.before('emphasis', 'robokit_block', (inline, silent) => {
    if (inline.src.charCodeAt(inline.pos) !== 0x7b /* { */) return false;
    const m = ref.exec(inline.src.slice(inline.pos));
    if (!m) return false;
    if (!silent) inline.push('robokit_block', 'span', 0).meta = { type: m[1] };
    inline.pos += m[0].length;
    return true;
  });
  md.renderer.rules['robokit_block'] = (tokens, idx, _options, raw) => {
    const type = String((tokens[idx]!.meta as { type: string }).type);
    const label = escapeHtml(blockLabel(type, state(raw).ctx.locale ?? 'fr'));
    return `<span class="robokit-block robokit-block-${escapeHtml(type)}">${label}</span>`;
  };
  // French typography on the French text only (never on code, links' addresses or images' paths).
  md.core.ruler.push('robokit_typography', (core) => {
    if ((state(core.env).ctx.locale ?? 'fr') !== 'fr') return;
    for (const block of core.tokens) {
      for (const child of block.children ?? []) if (child.type === 'text') child.content = frenchTypography(child.content);
    }
  });
  return md;
}

let markdown: Markdown | undefined;

/** Renders one step file. Never throws for any input. */
export function renderMarkdown(source: string, ctx: MarkdownContext): RenderedMarkdown {
  markdown ??= createMarkdown();
  const env: RenderEnv = { ctx, problems: [], links: [] };
  const html = markdown.render(source, env);
  if (/<\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|<!--/.test(source)) env.problems.unshift({ code: 'pack-md-raw-html', ref: '' });
  return { html, problems: env.problems };
}

/** `robokit-pack://<packId>/<path>`: the URL scheme hosts serve pack files under. */
export function packImageUrl(packId: string, packPath: string): string {
  return `robokit-pack://${encodeURIComponent(packId)}/${packPath.split('/').map(encodeURIComponent).join('/')}`;
}

function isUrlLike(ref: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(ref) || ref.startsWith('//');
}

/**
 * A relative reference from `file` (e.g. `img/a.png` from `steps/1.fr.md` → `steps/img/a.png`), or
 * null when it is a URL, absolute, or leaves the pack.
 */
export function resolvePackPath(file: string, ref: string): string | null {
  if (ref === '' || isUrlLike(ref) || ref.startsWith('/') || ref.includes('\\')) return null;
  const bare = ref.replace(/[?#].*$/, '');
  const parts = file.split('/').slice(0, -1);
  for (const raw of bare.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment.includes('/') || segment.includes('\\') || segment.includes('\0')) return null;
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.length > 0 ? parts.join('/') : null;
}
