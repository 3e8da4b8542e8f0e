/**
 * The teacher's view of a lesson's solution: a second, read-only Blockly workspace in a modal dialog,
 * so the pupil's own program is never touched. Built when shown, disposed when closed.
 */
import * as Blockly from 'blockly/core';
import type { Locale } from '../../../core/i18n/messages';
import type { WorkspaceJson } from '../../../shared/api';
import { themeFor, type Appearance } from '../editor/themes';
import { h } from '../shell/dom';
import { lt } from './lesson-text';

export class SolutionView {
  readonly dialog: HTMLDialogElement;
  private readonly title = h('h2', { id: 'solution-title', class: 'library-title' });
  private readonly note = h('p', { class: 'panel-note' });
  private readonly closeButton = h('button', { type: 'button', class: 'btn', id: 'solution-close' });
  private readonly stage = h('div', { id: 'solution-workspace', class: 'solution-workspace' });
  private workspace: Blockly.WorkspaceSvg | null = null;

  constructor(private locale: Locale) {
    this.dialog = h(
      'dialog',
      { id: 'solution-dialog', class: 'library solution', 'aria-labelledby': 'solution-title' },
      h('div', { class: 'library-head' }, this.title, this.closeButton),
      this.note,
      this.stage,
    );
    this.closeButton.addEventListener('click', () => this.dialog.close());
    this.dialog.addEventListener('close', () => this.dispose());
    this.setLocale(locale);
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.title.textContent = lt('solutionTitle', locale);
    this.note.textContent = lt('solutionNote', locale);
    this.closeButton.textContent = lt('close', locale);
  }

  /** The editor has defined the blocks and Blockly's language already. */
  show(json: WorkspaceJson, appearance: Appearance): void {
    this.dispose();
    this.dialog.showModal();
    this.workspace = Blockly.inject(this.stage, {
      readOnly: true,
      media: './media/',
      theme: themeFor(appearance),
      renderer: 'geras',
      zoom: { controls: true, wheel: true, startScale: 0.9 },
      move: { scrollbars: true, drag: true, wheel: true },
      sounds: false,
    });
    Blockly.serialization.workspaces.load(json, this.workspace, { recordUndo: false });
    this.workspace.scrollCenter();
  }

  private dispose(): void {
    this.workspace?.dispose();
    this.workspace = null;
    this.stage.replaceChildren();
  }
}
