/**
 * The teacher space's notes: a dialog over the editor with the lesson's teacher notes (in two
 * columns on a wide screen: preparing the session, then running it) and the two print buttons,
 * « Imprimer la fiche » and « Imprimer la carte élève ». Opened only once the adult's code was given.
 */
import type { Locale } from '../../../core/i18n/messages';
import type { TeacherNotesView } from '../../../shared/api';
import type { Appearance } from '../editor/themes';
import { h } from '../shell/dom';
import { drawBlocks } from './block-pictures';
import { lt } from './lesson-text';
import { followUpSections, notesEmpty, preparationSections } from './teacher-notes';

export type PrintKind = 'sheet' | 'card';

export class TeacherDialog {
  readonly dialog: HTMLDialogElement;
  private readonly title = h('h2', { id: 'teacher-title', class: 'library-title' });
  private readonly sheetButton = h('button', { type: 'button', class: 'btn btn-primary', id: 'print-sheet' });
  private readonly cardButton = h('button', { type: 'button', class: 'btn', id: 'print-card' });
  private readonly closeButton = h('button', { type: 'button', class: 'btn', id: 'teacher-close' });
  private readonly body = h('div', { class: 'teacher-notes', id: 'teacher-notes-body' });
  private shown: { readonly title: string; readonly notes: TeacherNotesView } | null = null;

  constructor(
    private locale: Locale,
    print: (kind: PrintKind) => void,
    private readonly appearance: () => Appearance,
  ) {
    this.dialog = h(
      'dialog',
      { id: 'teacher-dialog', class: 'library teacher', 'aria-labelledby': 'teacher-title' },
      h('div', { class: 'library-head' }, this.title, h('div', { class: 'teacher-buttons' }, this.sheetButton, this.cardButton, this.closeButton)),
      this.body,
    );
    this.sheetButton.addEventListener('click', () => print('sheet'));
    this.cardButton.addEventListener('click', () => print('card'));
    this.closeButton.addEventListener('click', () => this.dialog.close());
    this.setLocale(locale);
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.sheetButton.textContent = lt('printSheet', locale);
    this.cardButton.textContent = lt('printCard', locale);
    this.closeButton.textContent = lt('close', locale);
    if (this.shown) this.render(this.shown.title, this.shown.notes);
  }

  /** `title`: the lesson's title in the current language. */
  show(title: string, notes: TeacherNotesView): void {
    this.render(title, notes);
    if (!this.dialog.open) this.dialog.showModal();
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  private render(title: string, notes: TeacherNotesView): void {
    const l = this.locale;
    this.shown = { title, notes };
    this.title.textContent = lt('teacherNotesOf', l, { title });
    if (notesEmpty(notes)) {
      this.body.replaceChildren(h('p', { class: 'panel-note' }, lt('notesNone', l)));
      return;
    }
    this.body.replaceChildren(
      h('div', { class: 'teacher-column' }, ...preparationSections(notes, l)),
      h('div', { class: 'teacher-column' }, ...followUpSections(notes, l)),
    );
    drawBlocks(this.body, this.appearance());
  }
}
