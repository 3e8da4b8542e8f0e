/**
 * Blocks in lesson steps. A step shows a block with `{{block:TYPE}}` (RoboKit draws it with its
 * current label); prose may also name a block in words: « le bloc « répéter … fois » », « the "repeat"
 * block », « le bloc avancer ». `pack validate` refuses a reference to a type that does not exist or
 * that the lesson's toolbox lacks, and (in version 2 packs) a name no block shows.
 *
 * Names are found where they can be found reliably: a quoted or bold name right after « bloc » / « block »
 * (or right before « block »), and in French an unquoted verb right after « le bloc », « du bloc »…
 * (« le bloc avancer »). Other words after « bloc » (« le bloc suivant ») are left alone.
 */
import { namesABlock } from '../blocks/block-labels';
import type { Locale, Localized } from '../i18n/messages';
import { joinPath, PACK_MANIFEST } from './pack-error';
import type { Lesson } from './types';

/** `{{block:robot_move}}`; any other `{{…}}` is a mistake the validator reports. */
export const BLOCK_REF = /\{\{block:([a-z][A-Za-z0-9_]{0,63})\}\}/g;
const ANY_BRACES = /\{\{[^{}\n]{0,80}\}\}/g;


/** The block types a step shows, in order, repeated ones once. */
export function stepBlockTypes(source: string): string[] {
  return [...new Set([...source.matchAll(BLOCK_REF)].map((m) => m[1]!))];
}

/** `{{…}}` texts that are not a valid block reference (« {{bloc:robot_move}} », « {{block: robot_move}} »). */
export function badBlockRefs(source: string): string[] {
  return [...source.matchAll(ANY_BRACES)].map((m) => m[0]).filter((text) => !new RegExp(`^${BLOCK_REF.source}$`).test(text));
}

/** A name in quotes or in bold: « … », “…”, "…", **…**. */
const QUOTED = String.raw`(?:«\s*([^»\n]{1,80}?)\s*»|“([^”\n]{1,80})”|"([^"\n]{1,80})"|\*\*([^*\n]{1,80})\*\*)`;
const QUOTED_FR = new RegExp(String.raw`\bblocs?\s+${QUOTED}`, 'giu');
const QUOTED_EN_AFTER = new RegExp(String.raw`\bblocks?\s+${QUOTED}`, 'giu');
const QUOTED_EN_BEFORE = new RegExp(String.raw`${QUOTED}\s+blocks?\b`, 'giu');
/** « le bloc avancer »: an infinitive (-er, -ir, -re) right after the article and « bloc ». */
const UNQUOTED_FR = /(?:^|[\s(])(?:le|du|au|ce|un|les|des|ces)\s+blocs?\s+([a-zàâäçéèêëîïôöûùüÿœ]{2,30})(?![\p{L}’'-])/giu;
const INFINITIVE = /(?:er|ir|re)$/;
/** Words ending like infinitives that are not verbs. */
const NOT_VERBS = new Set(['entre', 'autre', 'notre', 'votre', 'contre', 'premier', 'dernier', 'entier', 'lumière', 'ordre', 'centre', 'chiffre', 'nombre', 'titre', 'libre']);

/** The names a step gives blocks in words (see the header for where names are looked for). */
export function blockMentions(source: string, locale: Locale): string[] {
  const text = source.replace(BLOCK_REF, ' ');
  const found: { at: number; name: string }[] = [];
  const take = (re: RegExp) => {
    for (const m of text.matchAll(re)) {
      const name = m.slice(1).find((g) => g !== undefined);
      if (name) found.push({ at: m.index, name: name.trim() });
    }
  };
  if (locale === 'fr') {
    take(QUOTED_FR);
    for (const m of text.matchAll(UNQUOTED_FR)) {
      const word = m[1]!.toLowerCase();
      if (INFINITIVE.test(word) && !NOT_VERBS.has(word) && !word.endsWith('ier')) found.push({ at: m.index, name: word });
    }
  } else {
    take(QUOTED_EN_AFTER);
    take(QUOTED_EN_BEFORE);
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.name);
}

/** Names in the step that no block of `types` shows in `locale`. */
export function unknownBlockNames(source: string, locale: Locale, types: Iterable<string>): string[] {
  const all = [...types];
  return [...new Set(blockMentions(source, locale))].filter((name) => !namesABlock(name, locale, all));
}

export interface LessonText {
  readonly text: string;
  readonly locale: Locale;
  /** Where to point an author: the step file, or `pack.json` and the JSON path of a hint or note. */
  readonly at: { readonly file: string; readonly path?: string };
}

/** Every text of a lesson that may show or name blocks: its step files (from `steps`), hints and teacher notes. */
export function lessonTexts(lesson: Lesson, index: number, steps: ReadonlyMap<string, string>): LessonText[] {
  const out: LessonText[] = [];
  const base = joinPath('lessons', index);
  const both = (value: Localized | undefined, path: string) => {
    if (!value) return;
    for (const locale of ['fr', 'en'] as const) out.push({ text: value[locale], locale, at: { file: PACK_MANIFEST, path: joinPath(path, locale) } });
  };
  lesson.steps.forEach((step, s) => {
    for (const locale of ['fr', 'en'] as const) {
      const text = steps.get(step.file[locale]);
      if (text !== undefined) out.push({ text, locale, at: { file: step.file[locale] } });
    }
    both(step.hint, joinPath(joinPath(joinPath(base, 'steps'), s), 'hint'));
  });
  const notes = lesson.teacher;
  if (!notes) return out;
  const path = (...keys: (string | number)[]) => keys.reduce<string>((p, k) => joinPath(p, k), joinPath(base, 'teacher'));
  notes.objectives?.forEach((o, k) => both(o.text, path('objectives', k, 'text')));
  notes.prerequisites?.forEach((p, k) => both(p, path('prerequisites', k)));
  notes.phases?.forEach((p, k) => both(p.title, path('phases', k, 'title')));
  both(notes.unplugged, path('unplugged'));
  notes.debrief?.forEach((d, k) => both(d, path('debrief', k)));
  notes.mistakes?.forEach((m, k) => both(m, path('mistakes', k)));
  both(notes.easier, path('easier'));
  both(notes.harder, path('harder'));
  return out;
}
