/**
 * Marks on blocks: compile diagnostics before a run, a runtime error on the block that failed.
 * Blockly's warning icon (yellow triangle) carries the French/English text; a runtime error also
 * opens its bubble so the pupil sees it without clicking.
 */
import * as Blockly from 'blockly/core';
import type { Locale } from '../../../core/i18n/messages';
import type { ApiErrorData } from '../../../shared/api';
import type { Editor } from '../editor/editor';
import { apiErrorText } from '../shell/error-text';

const COMPILE = 'robokit-compile';
const RUNTIME = 'robokit-runtime';

export class BlockMarks {
  private compileMarks: readonly ApiErrorData[] = [];
  private runtimeMark: ApiErrorData | null = null;

  constructor(
    private readonly editor: Editor,
    private locale: Locale,
  ) {}

  get hasCompileMarks(): boolean {
    return this.compileMarks.some((d) => d.blockId);
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.apply();
  }

  showDiagnostics(diagnostics: readonly ApiErrorData[]): void {
    this.clearOn(COMPILE);
    this.compileMarks = diagnostics;
    this.apply();
  }

  showRuntimeError(error: ApiErrorData): void {
    this.clearOn(RUNTIME);
    this.runtimeMark = error;
    this.apply();
    const block = error.blockId ? this.editor.block(error.blockId) : null;
    const icon = block?.getIcon(Blockly.icons.WarningIcon.TYPE);
    if (icon instanceof Blockly.icons.WarningIcon) void icon.setBubbleVisible(true);
  }

  clearRuntime(): void {
    this.clearOn(RUNTIME);
    this.runtimeMark = null;
  }

  clearAll(): void {
    this.clearOn(COMPILE);
    this.clearOn(RUNTIME);
    this.compileMarks = [];
    this.runtimeMark = null;
  }

  /** Put the marks back (after the workspace was rebuilt for another language or look). */
  apply(): void {
    for (const d of this.compileMarks) this.mark(d, COMPILE);
    if (this.runtimeMark) this.mark(this.runtimeMark, RUNTIME);
  }

  private mark(data: ApiErrorData, id: string): void {
    const block = data.blockId ? this.editor.block(data.blockId) : null;
    block?.setWarningText(apiErrorText(data, this.locale), id);
  }

  private clearOn(id: string): void {
    const ids = new Set([...this.compileMarks, ...(this.runtimeMark ? [this.runtimeMark] : [])].map((d) => d.blockId));
    for (const blockId of ids) if (blockId) this.editor.block(blockId)?.setWarningText(null, id);
  }
}
