/**
 * The code view: the program as the Johnny-Five JavaScript the compiler exports, read-only and
 * highlighted (highlight.js core with JavaScript only). Nothing here is ever run.
 */
import hljs from 'highlight.js/lib/core';
import javascript from 'highlight.js/lib/languages/javascript';
import 'highlight.js/styles/a11y-light.css';
import type { Locale } from '../../../core/i18n/messages';
import { h } from '../shell/dom';
import { ui } from '../shell/ui-text';

hljs.registerLanguage('javascript', javascript);

export class CodeView {
  private readonly note: HTMLParagraphElement;
  private readonly code: HTMLElement;
  private readonly title: HTMLHeadingElement;
  private lastSource = '';
  private hasProblems = false;

  constructor(container: HTMLElement, private locale: Locale) {
    this.title = h('h2', { class: 'panel-title' });
    this.note = h('p', { class: 'panel-note' });
    this.code = h('code', { class: 'hljs language-javascript', id: 'code-view-code' });
    const pre = h('pre', { class: 'code-view', tabindex: 0, 'aria-readonly': 'true', 'aria-labelledby': 'code-view-title' }, this.code);
    this.title.id = 'code-view-title';
    container.append(this.title, this.note, pre);
    this.renderText();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.renderText();
  }

  /** Shows `source`; `hasProblems` says some blocks were left out because they need fixing. */
  show(source: string, hasProblems: boolean): void {
    this.hasProblems = hasProblems;
    this.renderText();
    if (source === this.lastSource) return;
    this.lastSource = source;
    // highlight.js escapes the source; its output is spans around escaped text.
    this.code.innerHTML = hljs.highlight(source, { language: 'javascript', ignoreIllegals: true }).value;
  }

  get text(): string {
    return this.code.textContent ?? '';
  }

  private renderText(): void {
    this.title.textContent = ui('codeTitle', this.locale);
    this.note.textContent = ui(this.hasProblems ? 'codeHasProblems' : 'codeReadOnly', this.locale);
  }
}
