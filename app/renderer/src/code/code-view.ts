/**
 * The code view: the program as the Johnny-Five JavaScript the compiler exports, read-only and
 * highlighted (highlight.js core with JavaScript only). Nothing here is ever run. The pupil's own
 * program (the blocks under « quand je démarre ») comes first; the robot's set-up follows, folded.
 */
import hljs from 'highlight.js/lib/core';
import javascript from 'highlight.js/lib/languages/javascript';
import 'highlight.js/styles/a11y-light.css';
import type { Locale } from '../../../core/i18n/messages';
import { h } from '../shell/dom';
import { localizeCode } from './code-locale';
import { ui } from '../shell/ui-text';
import { splitProgram } from './split-program';

hljs.registerLanguage('javascript', javascript);

export class CodeView {
  private readonly note: HTMLParagraphElement;
  private readonly code: HTMLElement;
  private readonly setupCode: HTMLElement;
  private readonly setup: HTMLDetailsElement;
  private readonly setupTitle: HTMLElement;
  private readonly title: HTMLHeadingElement;
  private lastSource = '';
  private hasProblems = false;

  constructor(container: HTMLElement, private locale: Locale) {
    this.title = h('h2', { class: 'panel-title' });
    this.note = h('p', { class: 'panel-note' });
    this.code = h('code', { class: 'hljs language-javascript', id: 'code-view-code' });
    const pre = h('pre', { class: 'code-view', tabindex: 0, 'aria-readonly': 'true', 'aria-labelledby': 'code-view-title' }, this.code);
    this.title.id = 'code-view-title';
    this.setupCode = h('code', { class: 'hljs language-javascript', id: 'code-view-setup' });
    this.setupTitle = h('summary', { class: 'code-setup-title' });
    this.setup = h('details', { class: 'code-setup', id: 'code-view-setup-box' }, this.setupTitle, h('pre', { class: 'code-view', tabindex: 0, 'aria-readonly': 'true' }, this.setupCode));
    container.append(this.title, this.note, pre, this.setup);
    this.renderText();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.renderText();
    const source = this.lastSource;
    this.lastSource = '';
    if (source) this.show(source, this.hasProblems);
  }

  /** Shows `source`; `hasProblems` says some blocks were left out because they need fixing. */
  show(source: string, hasProblems: boolean): void {
    this.hasProblems = hasProblems;
    this.renderText();
    if (source === this.lastSource) return;
    this.lastSource = source;
    const { program, setup } = splitProgram(source);
    // highlight.js escapes the source; its output is spans around escaped text.
    // In French, numbers are shown with a decimal comma (only the view: the exported file is JavaScript).
    this.code.innerHTML = hljs.highlight(localizeCode(program, this.locale), { language: 'javascript', ignoreIllegals: true }).value;
    this.setupCode.innerHTML = hljs.highlight(localizeCode(setup, this.locale), { language: 'javascript', ignoreIllegals: true }).value;
    this.setup.hidden = setup === '';
    this.setupLines = setup === '' ? 0 : setup.split('\n').length;
    this.renderText();
  }

  /** The pupil's program first, then the set-up. */
  get text(): string {
    return `${this.code.textContent ?? ''}\n${this.setupCode.textContent ?? ''}`;
  }

  private setupLines = 0;

  private renderText(): void {
    this.title.textContent = ui('codeTitle', this.locale);
    this.note.textContent = ui(this.hasProblems ? 'codeHasProblems' : 'codeReadOnly', this.locale);
    this.setupTitle.textContent = ui('codeSetup', this.locale).replace('{lines}', String(this.setupLines));
  }
}
