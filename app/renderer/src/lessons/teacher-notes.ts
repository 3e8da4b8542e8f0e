/**
 * A lesson's teacher notes as page sections, built once for the teacher space (a dialog) and for the
 * printable lesson sheet, so both always say the same. Texts arrive as sanitised HTML from the host
 * (blocks as placeholders: the caller draws them with `drawBlocks`); they are sanitised again here.
 */
import type { Locale, Localized } from '../../../core/i18n/messages';
import type { TeacherNotesView } from '../../../shared/api';
import { h } from '../shell/dom';
import { lt, type LessonTextKey } from './lesson-text';
import { stepFragment } from './step-html';

/** True when the pack gave no notes at all (a format 1 pack). */
export function notesEmpty(notes: TeacherNotesView): boolean {
  return (
    notes.objectives.length + notes.prerequisites.length + notes.phases.length + notes.debrief.length + notes.mistakes.length === 0 &&
    !notes.unplugged &&
    !notes.easier &&
    !notes.harder
  );
}

function section(key: LessonTextKey, locale: Locale, name: string, ...body: (Node | null)[]): HTMLElement {
  return h('section', { class: `notes-section notes-${name}`, 'data-notes': name }, h('h3', { class: 'notes-heading' }, lt(key, locale)), ...body);
}

const html = (text: Localized, locale: Locale): DocumentFragment => stepFragment(text[locale]);

function list(items: readonly Localized[], locale: Locale, ordered = false): HTMLElement {
  return h(ordered ? 'ol' : 'ul', { class: 'notes-list' }, ...items.map((item) => h('li', {}, html(item, locale))));
}

function phasesTable(notes: TeacherNotesView, locale: Locale): HTMLElement {
  const total = notes.phases.reduce((sum, p) => sum + p.minutes, 0);
  const minutes = (n: number) => lt('minutes', locale, { n });
  return h(
    'table',
    { class: 'notes-phases' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, lt('phase', locale)), h('th', { scope: 'col', class: 'num' }, lt('phaseMinutes', locale)))),
    h(
      'tbody',
      {},
      ...notes.phases.map((p) => h('tr', {}, h('td', {}, html(p.html, locale)), h('td', { class: 'num' }, minutes(p.minutes)))),
    ),
    h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, lt('phaseTotal', locale)), h('td', { class: 'num' }, minutes(total)))),
  );
}

/** Objectives, prerequisites, phases and the warm-up: what to prepare before the session. */
export function preparationSections(notes: TeacherNotesView, locale: Locale): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (notes.objectives.length > 0) {
    const items = notes.objectives.map((o) =>
      h('li', { 'data-cycle': o.cycle }, h('span', { class: `cycle cycle-${o.cycle}` }, lt('cycle', locale, { n: o.cycle })), ' ', html(o.html, locale)),
    );
    out.push(section('notesObjectives', locale, 'objectives', h('ul', { class: 'notes-list notes-objectives-list' }, ...items)));
  }
  if (notes.prerequisites.length > 0) out.push(section('notesPrerequisites', locale, 'prerequisites', list(notes.prerequisites, locale)));
  if (notes.phases.length > 0) out.push(section('notesPhases', locale, 'phases', phasesTable(notes, locale)));
  if (notes.unplugged) out.push(section('notesUnplugged', locale, 'unplugged', h('div', {}, html(notes.unplugged, locale))));
  return out;
}

/** Mistakes, debrief questions and the easier and harder variants: what to have at hand during it. */
export function followUpSections(notes: TeacherNotesView, locale: Locale): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (notes.mistakes.length > 0) out.push(section('notesMistakes', locale, 'mistakes', list(notes.mistakes, locale)));
  if (notes.debrief.length > 0) out.push(section('notesDebrief', locale, 'debrief', list(notes.debrief, locale, true)));
  if (notes.easier || notes.harder) {
    const variant = (key: LessonTextKey, text: Localized | undefined, name: string) =>
      text ? h('div', { class: `variant variant-${name}` }, h('strong', {}, lt('labelled', locale, { label: lt(key, locale), value: '' })), html(text, locale)) : null;
    out.push(section('notesVariants', locale, 'variants', variant('notesEasier', notes.easier, 'easier'), variant('notesHarder', notes.harder, 'harder')));
  }
  return out;
}
