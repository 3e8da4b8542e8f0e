/**
 * The printable pages of a lesson, for the browser's print (window.print(): the system's print
 * dialog in Electron, « Enregistrer au format PDF » in any browser):
 * - the teacher's lesson sheet: everything a replacement colleague needs (the teacher notes, the
 *   challenge, every step with its blocks drawn and its hint);
 * - the pupil card: the challenge and the steps, the blocks drawn, large and simple.
 *
 * The page is built in `#print-root`, a sibling of the app; on screen it is a full-window preview with
 * « Imprimer » and « Fermer l’aperçu », and the print style sheet (print.css) prints it alone.
 */
import type { Locale } from '../../../core/i18n/messages';
import type { OpenedLesson, TeacherNotesView } from '../../../shared/api';
import type { Appearance } from '../editor/themes';
import { h } from '../shell/dom';
import { drawBlocks } from './block-pictures';
import { challengeSentence, lt, modeText } from './lesson-text';
import { stepFragment } from './step-html';
import type { PrintKind } from './teacher-dialog';
import { followUpSections, preparationSections } from './teacher-notes';
import './print.css';

export class PrintView {
  readonly element: HTMLElement;
  private readonly printButton = h('button', { type: 'button', class: 'btn btn-primary', id: 'print-now' });
  private readonly closeButton = h('button', { type: 'button', class: 'btn', id: 'print-close' });
  private readonly label = h('p', { class: 'print-bar-label', id: 'print-label' });
  private readonly page = h('div', { class: 'print-pages', id: 'print-pages' });
  private onClose: (() => void) | null = null;

  constructor(
    private locale: Locale,
    private readonly appearance: () => Appearance,
  ) {
    this.element = h(
      'div',
      { id: 'print-root', class: 'print-root', role: 'region', 'aria-labelledby': 'print-label' },
      h('div', { class: 'print-bar' }, this.label, this.printButton, this.closeButton),
      this.page,
    );
    this.element.hidden = true;
    this.printButton.addEventListener('click', () => window.print());
    this.closeButton.addEventListener('click', () => this.close());
    this.element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.close();
    });
    this.setLocale(locale);
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.printButton.textContent = lt('print', locale);
    this.closeButton.textContent = lt('printClose', locale);
    this.label.textContent = lt('printPreview', locale);
  }

  get open(): boolean {
    return !this.element.hidden;
  }

  /** Builds the page, shows the preview and opens the print dialog; `onClose` when the preview is closed. */
  show(kind: PrintKind, lesson: OpenedLesson, notes: TeacherNotesView, onClose: () => void): void {
    const article = kind === 'sheet' ? lessonSheet(lesson, notes, this.locale) : pupilCard(lesson, this.locale);
    this.page.replaceChildren(article);
    this.element.hidden = false;
    this.element.dataset.kind = kind;
    document.body.classList.add('printing');
    drawBlocks(article, this.appearance());
    this.onClose = onClose;
    this.printButton.focus();
    window.print();
  }

  close(): void {
    if (this.element.hidden) return;
    this.element.hidden = true;
    document.body.classList.remove('printing');
    this.page.replaceChildren();
    const done = this.onClose;
    this.onClose = null;
    done?.();
  }
}

function header(lesson: OpenedLesson, kind: PrintKind, locale: Locale, extra: (Node | string)[] = []): HTMLElement {
  const card = lesson.card;
  return h(
    'header',
    { class: 'print-header' },
    h('p', { class: 'print-kind' }, `${lt(kind === 'sheet' ? 'sheetKind' : 'cardKind', locale)} · ${card.packTitle[locale]}`),
    h('h1', { class: 'print-title' }, card.title[locale]),
    h(
      'p',
      { class: 'print-meta' },
      h('span', {}, lt('ages', locale, { min: card.ages[0], max: card.ages[1] })),
      h('span', {}, lt('minutes', locale, { n: card.minutes })),
      h('span', {}, modeText(card.mode, locale)),
      ...extra,
    ),
  );
}

function steps(lesson: OpenedLesson, locale: Locale, withHints: boolean): HTMLElement {
  return h(
    'ol',
    { class: 'print-steps' },
    ...lesson.steps.map((step) =>
      h(
        'li',
        { class: 'print-step' },
        h('div', { class: 'print-step-body' }, stepFragment(step.html[locale])),
        withHints && step.hintHtml
          ? h('div', { class: 'print-hint' }, h('strong', {}, lt('labelled', locale, { label: lt('hintTitle', locale), value: '' })), stepFragment(step.hintHtml[locale]))
          : null,
      ),
    ),
  );
}

function challenge(lesson: OpenedLesson, locale: Locale, key: 'challenge' | 'cardChallenge'): HTMLElement | null {
  if (!lesson.challenge) return null;
  return h('section', { class: 'print-challenge' }, h('h2', {}, lt(key, locale)), h('p', {}, challengeSentence(lesson.challenge, locale)));
}

/** The teacher's sheet: notes to prepare, the challenge and the steps, then notes for during and after. */
export function lessonSheet(lesson: OpenedLesson, notes: TeacherNotesView, locale: Locale): HTMLElement {
  const cycles = [...new Set(notes.objectives.map((o) => o.cycle))].sort();
  return h(
    'article',
    { class: 'print-page print-sheet', 'data-lesson': `${lesson.card.packId}/${lesson.card.lessonId}` },
    header(lesson, 'sheet', locale, cycles.map((n) => h('span', { class: `cycle cycle-${n}` }, lt('cycle', locale, { n })))),
    h('div', { class: 'print-notes' }, ...preparationSections(notes, locale)),
    challenge(lesson, locale, 'challenge'),
    h('section', { class: 'print-steps-section' }, h('h2', {}, lt('sheetSteps', locale)), steps(lesson, locale, true)),
    h('div', { class: 'print-notes' }, ...followUpSections(notes, locale)),
  );
}

/** The pupil's card: her name, the challenge, the steps with the blocks, and her stars. */
export function pupilCard(lesson: OpenedLesson, locale: Locale): HTMLElement {
  return h(
    'article',
    { class: 'print-page print-card', 'data-lesson': `${lesson.card.packId}/${lesson.card.lessonId}` },
    h('p', { class: 'card-name' }, lt('cardName', locale), h('span', { class: 'card-line', 'aria-hidden': 'true' })),
    header(lesson, 'card', locale),
    challenge(lesson, locale, 'cardChallenge'),
    h('section', { class: 'print-steps-section' }, h('h2', {}, lt('cardSteps', locale)), steps(lesson, locale, false)),
    h('p', { class: 'card-done' }, lt('cardDone', locale), h('span', { class: 'card-stars', 'aria-hidden': 'true' }, ' ☆ ☆ ☆')),
  );
}
