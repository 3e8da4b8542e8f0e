/**
 * French copy, checked on what people read: every message catalog (core messages with sample params,
 * the screen's words, block labels and tooltips, Blockly's words RoboKit sets) and every built-in
 * pack (titles, hints, teacher notes, and every step rendered as the app renders it).
 *
 * - French typography: a no-break space before « ; : ! ? % » and inside « » (never an ordinary space,
 *   never none after a word before ! ? ;);
 * - real plurals: no « bloc(s) »;
 * - no point médian in pupil text (« En solo », not « Seul·e »);
 * - no raw ids in messages: no block type (`robot_motors`), no input or field name (`SECONDS`);
 * - hardware messages start with « Demande à un adulte »;
 * - every `{{block:TYPE}}` of a built-in pack names a real block its lesson offers, and is drawn.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCKLY_MESSAGE_OVERRIDES } from '../../app/core/blocks/blockly-messages';
import { CATALOG } from '../../app/core/blocks/catalog';
import { CATEGORIES } from '../../app/core/blocks/categories';
import { blockDefinitions } from '../../app/core/blocks/toolbox';
import { allowedBlockTypes } from '../../app/core/challenge';
import { MESSAGES, message, type MessageCode } from '../../app/core/i18n/messages';
import { fillTemplate, frenchTypography } from '../../app/core/i18n/typography';
import { renderMarkdown } from '../../app/core/lessons/markdown';
import { lessonTexts, stepBlockTypes } from '../../app/core/lessons/step-blocks';
import { loadPackFolder, type LoadedPack } from '../../app/host/packs';
import { KNOWN_TAGS, LESSON_TEXT, lt, tagText, type LessonTextKey } from '../../app/renderer/src/lessons/lesson-text';
import { UI_TEXT, ui, type UiKey } from '../../app/renderer/src/shell/ui-text';

/** Input and field names of every block (`SECONDS`, `DIRECTION`…), which no message may show. */
const SLOT_NAMES = new Set(
  blockDefinitions('fr').flatMap((d) => ((d['args0'] as { name?: string }[] | undefined) ?? []).flatMap((a) => (a.name ? [a.name] : []))),
);
for (const name of ['TIMES', 'BOOL', 'DO', 'IF0', 'ELSE', 'NUM', 'OP', 'VALUE', 'DELTA', 'FROM', 'TO', 'VAR']) SLOT_NAMES.add(name);
const BLOCK_TYPE = /\b(?:robot|robokit|controls|logic|math|variables|procedures)_[A-Za-z_]+\b/;

/** What is wrong with a French text people read; empty when it is right. */
function frenchProblems(text: string, options: { pupil: boolean }): string[] {
  const problems: string[] = [];
  if (/ [;:!?»%]/.test(text)) problems.push('ordinary space before ; : ! ? » %');
  if (/« /.test(text)) problems.push('ordinary space after «');
  if (/[\p{L}\d)»*][;!?]/u.test(text.replace(/https?:\/\/\S+/g, ''))) problems.push('no space before ; ! ?');
  if (/«[^\u00a0\u202f]/.test(text) || /[^\u00a0\u202f]»/.test(text)) problems.push('« » without no-break spaces');
  if (/\p{L}\((?:s|e|es|x)\)/u.test(text)) problems.push('« (s) » instead of a real plural');
  if (/[\u00a0\u202f]{2}/.test(text)) problems.push('two no-break spaces in a row');
  if (options.pupil && /\p{L}·\p{L}/u.test(text)) problems.push('point médian');
  if (options.pupil) {
    const type = BLOCK_TYPE.exec(text);
    if (type) problems.push(`raw block type ${type[0]}`);
    const slot = text.split(/[^A-Z0-9_]+/).find((w) => SLOT_NAMES.has(w));
    if (slot) problems.push(`raw input name ${slot}`);
  }
  return problems;
}

/** Sample values for a template's placeholders: a number for counts and times, a word otherwise. */
function sampleParams(template: string): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [, key] of template.matchAll(/\{(\w+)[}|]/g)) params[key!] = /count|n|min|max|total|seconds|time|stars|blocks|goal|age|sum|minutes|line|column|version/.test(key!) ? 2 : 'mot';
  return params;
}

/** Messages for authors of packs (they name JSON keys and block types on purpose). */
const forAuthors = (code: string) => code.startsWith('pack-') || code === 'bad-usage' || code === 'unknown-block';

describe('French copy of the message catalogs', () => {
  it('every core message, with its params filled, in both plural forms', () => {
    const bad: string[] = [];
    for (const code of Object.keys(MESSAGES) as MessageCode[]) {
      const template = MESSAGES[code].fr;
      for (const count of [1, 2]) {
        const params = Object.fromEntries(Object.entries(sampleParams(template)).map(([k, v]) => [k, typeof v === 'number' ? count : v]));
        for (const p of frenchProblems(message(code, 'fr', params), { pupil: !forAuthors(code) })) bad.push(`${code}: ${p}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the screen’s words and the lesson screens’ words', () => {
    const bad: string[] = [];
    for (const key of Object.keys(UI_TEXT) as UiKey[]) for (const p of frenchProblems(ui(key, 'fr'), { pupil: true })) bad.push(`${key}: ${p}`);
    for (const key of Object.keys(LESSON_TEXT) as LessonTextKey[]) {
      const text = lt(key, 'fr', sampleParams(LESSON_TEXT[key].fr));
      for (const p of frenchProblems(text, { pupil: true })) bad.push(`${key}: ${p}`);
    }
    expect(bad).toEqual([]);
  });

  it('block labels, dropdowns, tooltips, Blockly’s words RoboKit sets, and category names', () => {
    const bad: string[] = [];
    for (const def of blockDefinitions('fr')) {
      const options = ((def['args0'] as { options?: [string, string][] }[] | undefined) ?? []).flatMap((a) => a.options?.map((o) => o[0]) ?? []);
      for (const text of [def.message0.replace(/%\d+/g, '…').replace(/%%/g, '%'), def.tooltip, ...options]) {
        for (const p of frenchProblems(text, { pupil: true })) bad.push(`${def.type}: ${p} in « ${text} »`);
      }
    }
    for (const text of Object.values(BLOCKLY_MESSAGE_OVERRIDES.fr)) {
      for (const p of frenchProblems(frenchTypography(text.replace(/%\d+/g, '…')), { pupil: true })) bad.push(`${text}: ${p}`);
    }
    for (const c of CATEGORIES) for (const p of frenchProblems(c.name.fr, { pupil: true })) bad.push(`${c.id}: ${p}`);
    expect(bad).toEqual([]);
  });

  it('hardware messages start with « Demande à un adulte »', () => {
    const hardware = (Object.keys(MESSAGES) as MessageCode[]).filter((c) => /^(?:robot-(?!has-no)|driver-)/.test(c) || c === 'robot-disconnected');
    expect(hardware.length).toBeGreaterThan(10);
    expect(hardware.filter((c) => !MESSAGES[c].fr.startsWith('Demande à un adulte'))).toEqual([]);
  });

  it('plurals are real: one form for 1, the other for 2 (French 0 is singular, English 0 plural)', () => {
    expect(fillTemplate('{n} {n|bloc|blocs}', 'fr', { n: 1 })).toBe('1 bloc');
    expect(fillTemplate('{n} {n|bloc|blocs}', 'fr', { n: 0 })).toBe('0 bloc');
    expect(fillTemplate('{n} {n|bloc|blocs}', 'fr', { n: 5 })).toBe('5 blocs');
    expect(fillTemplate('{n} {n|block|blocks}', 'en', { n: 0 })).toBe('0 blocks');
    expect(message('challenge-passed', 'fr', { stars: '★★★', time: '9', blocks: 1 })).toBe('Défi réussi\u202f! ★★★ en 9 s avec 1 bloc.');
  });

  it('the checker sees what it must: a missing no-break space, a point médian, a raw input name', () => {
    expect(frenchProblems('Bravo !', { pupil: true })).toContain('ordinary space before ; : ! ? » %');
    expect(frenchProblems('Bravo!', { pupil: true })).toContain('no space before ; ! ?');
    expect(frenchProblems('Seul·e', { pupil: true })).toContain('point médian');
    expect(frenchProblems('Il manque SECONDS', { pupil: true })).toContain('raw input name SECONDS');
    expect(frenchProblems('le bloc robot_motors', { pupil: true })).toContain('raw block type robot_motors');
    expect(frenchProblems('2 bloc(s)', { pupil: true })).toContain('« (s) » instead of a real plural');
    expect(frenchProblems(frenchTypography('Bravo ! « avancer » à 50 %'), { pupil: true })).toEqual([]);
    // An author who typed the no-break space after « herself does not get a second one.
    expect(frenchTypography('(«\u00a0avance »)')).toBe('(«\u00a0avance\u00a0»)');
    expect(frenchProblems('«\u00a0\u00a0avance\u00a0»', { pupil: true })).toContain('two no-break spaces in a row');
  });
});

const LESSONS_DIR = join(import.meta.dirname, '../../lessons');
const PACK_DIRS = readdirSync(LESSONS_DIR).filter((name) => statSync(join(LESSONS_DIR, name)).isDirectory()).sort();

async function load(dir: string): Promise<LoadedPack> {
  const result = await loadPackFolder(join(LESSONS_DIR, dir));
  if (!result.ok) throw new Error(`${dir}: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result.pack;
}

/** The text of rendered HTML, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<\/?(?:p|h\d|li|ul|ol|br|blockquote|pre|table|thead|tbody|tr|td|th|hr)\b[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('French copy of the built-in packs', () => {
  it.each(PACK_DIRS)('%s: titles, hints, teacher notes and steps as the app shows them', async (dir) => {
    const pack = await load(dir);
    const bad: string[] = [];
    const check = (where: string, text: string, pupil = true) => {
      for (const p of frenchProblems(text, { pupil })) bad.push(`${where}: ${p} in « ${text.slice(0, 80)} »`);
    };
    check('title', frenchTypography(pack.manifest.title.fr));
    check('description', frenchTypography(pack.manifest.description.fr));
    pack.manifest.lessons.forEach((lesson, i) => {
      check(`lessons[${i}].title`, frenchTypography(lesson.title.fr));
      for (const { text, locale, at } of lessonTexts(lesson, i, pack.steps)) {
        if (locale !== 'fr') continue;
        const html = renderMarkdown(text, { file: at.file, hasFile: () => true, imageUrl: () => '', locale: 'fr' }).html;
        // Teacher notes are for the teacher (not pupil text), but typography and plurals still count.
        check(at.path ? `${at.file} → ${at.path}` : at.file, textOf(html), !at.path?.includes('.teacher.'));
      }
    });
    expect(bad).toEqual([]);
  });

  it.each(PACK_DIRS)('%s: every tag has its words, with their accents (« À la maison », not « A la maison »)', async (dir) => {
    const pack = await load(dir);
    expect(pack.manifest.tags.filter((tag) => !KNOWN_TAGS.includes(tag))).toEqual([]);
    for (const tag of pack.manifest.tags) expect(frenchProblems(frenchTypography(tagText(tag, 'fr')), { pupil: true })).toEqual([]);
  });

  it.each(PACK_DIRS)('%s: every block a lesson shows exists, is in its toolbox, and is drawn with its label', async (dir) => {
    const pack = await load(dir);
    const known = new Set(CATALOG.map((e) => e.type));
    const bad: string[] = [];
    pack.manifest.lessons.forEach((lesson, i) => {
      const allowed = allowedBlockTypes(lesson.toolbox).add('math_number').add('text');
      for (const { text, locale, at } of lessonTexts(lesson, i, pack.steps)) {
        for (const type of stepBlockTypes(text)) {
          if (!known.has(type) || !allowed.has(type)) bad.push(`${at.file} ${at.path ?? ''}: ${type}`);
        }
        const html = renderMarkdown(text, { file: at.file, hasFile: () => true, imageUrl: () => '', locale }).html;
        if (html.includes('{{block:')) bad.push(`${at.file}: a block reference left as text`);
      }
    });
    expect(bad).toEqual([]);
  });
});
