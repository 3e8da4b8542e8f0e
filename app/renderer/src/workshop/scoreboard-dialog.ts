/**
 * The scoreboard: this workshop's teams, plus those of session files imported from other laptops
 * (a USB key), merged into one ranking (`core/workshop/scoreboard`). Each file is read here and
 * checked like any untrusted file: a hostile or truncated one is refused with one sentence naming
 * it, and the others still count. The merged results can be saved as one CSV.
 */
import { message, type Locale } from '../../../core/i18n/messages';
import { sessionsCsv } from '../../../core/workshop/csv';
import { scoreboard } from '../../../core/workshop/scoreboard';
import { SESSION_LIMITS, parseSession, type Session } from '../../../core/workshop/session';
import { h } from '../shell/dom';
import { clock } from '../lessons/lesson-text';
import { wt } from './workshop-text';

export class ScoreboardDialog {
  readonly dialog: HTMLDialogElement;
  private readonly table = h('table', { class: 'ws-scores', id: 'ws-scores' });
  private readonly status = h('div', { class: 'ws-import-status', id: 'ws-import-status', role: 'status', 'aria-live': 'polite' });
  private readonly fileInput = h('input', { type: 'file', id: 'ws-import-input', accept: '.robokitsession,application/json', multiple: true, hidden: true, tabindex: -1 });
  private readonly importButton = h('button', { type: 'button', class: 'btn', id: 'ws-import' });
  private readonly csvButton = h('button', { type: 'button', class: 'btn', id: 'ws-merged-csv' });
  private readonly closeButton = h('button', { type: 'button', class: 'btn btn-primary', id: 'ws-scores-close' });
  private readonly title = h('h2', { class: 'panel-title', id: 'ws-scores-title' });
  private readonly intro = h('p', { class: 'panel-note' });
  /** Imported sessions by id (the same file twice is one). */
  private readonly imported = new Map<string, Session>();

  constructor(
    private readonly current: () => Session | null,
    /** Saves an export (Electron's dialog, or a download). */
    save: (fileName: string, text: string) => void,
    private locale: Locale,
  ) {
    this.dialog = h(
      'dialog',
      { id: 'ws-scoreboard', class: 'ask ws-scoreboard', 'aria-labelledby': 'ws-scores-title' },
      this.title,
      this.intro,
      h('div', { class: 'ws-score-tools' }, this.importButton, this.csvButton, this.fileInput),
      this.status,
      this.table,
      h('div', { class: 'ask-buttons' }, this.closeButton),
    );
    this.importButton.addEventListener('click', () => {
      this.fileInput.value = '';
      this.fileInput.click();
    });
    this.fileInput.addEventListener('change', () => void this.importFiles([...(this.fileInput.files ?? [])]));
    this.csvButton.addEventListener('click', () => save('ateliers.csv', sessionsCsv(this.sessions())));
    this.closeButton.addEventListener('click', () => this.dialog.close());
    // Closed, it keeps no nickname in the page (the next family is behind it).
    this.dialog.addEventListener('close', () => {
      this.table.replaceChildren();
      this.status.replaceChildren();
    });
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    if (this.dialog.open) this.render();
  }

  show(): void {
    this.render();
    if (!this.dialog.open) this.dialog.showModal();
  }

  /** This workshop first, then the imported ones (this workshop's own file imported again counts once). */
  sessions(): Session[] {
    const own = this.current();
    return [...(own ? [own] : []), ...[...this.imported.values()].filter((s) => s.id !== own?.id)];
  }

  async importFiles(files: readonly File[]): Promise<void> {
    const l = this.locale;
    const refused: string[] = [];
    let added = 0;
    for (const file of files) {
      // Not even read when it is far too large for a session.
      const parsed = file.size > SESSION_LIMITS.maxChars * 4 ? null : parseSession(await file.text());
      if (!parsed?.ok) {
        const reason = parsed ? message(parsed.error.code, l, parsed.error.params) : message('session-too-large', l, { size: `${file.size} octets` });
        refused.push(wt('refusedFile', l, { file: file.name, reason }));
        continue;
      }
      this.imported.set(parsed.session.id, parsed.session);
      added++;
    }
    this.render();
    this.status.replaceChildren(
      ...(added > 0 ? [h('p', { 'data-kind': 'ok' }, wt('imported', l, { count: added }))] : []),
      ...refused.map((text) => h('p', { 'data-kind': 'error', class: 'ws-refused' }, text)),
    );
  }

  private render(): void {
    const l = this.locale;
    this.title.textContent = wt('scoreboard', l);
    this.intro.textContent = wt('scoreboardIntro', l);
    this.importButton.textContent = wt('importSessions', l);
    this.csvButton.textContent = wt('exportMergedCsv', l);
    this.closeButton.textContent = wt('close', l);
    const sessions = this.sessions();
    const titles = new Map(sessions.map((s) => [s.id, s.title]));
    const rows = scoreboard(sessions);
    this.table.replaceChildren(
      h('thead', {}, h('tr', {}, ...(['rank', 'team', 'done', 'stars', 'time', 'fromSession'] as const).map((k) => h('th', { scope: 'col' }, wt(k, l))))),
      h(
        'tbody',
        {},
        ...rows.map((row) =>
          h(
            'tr',
            { 'data-key': row.key },
            h('td', {}, String(row.rank)),
            h('th', { scope: 'row' }, row.nickname),
            h('td', {}, String(row.done)),
            h('td', { 'aria-label': String(row.stars) }, `${row.stars} ★`),
            h('td', {}, clock(row.seconds)),
            h('td', {}, titles.get(row.session) ?? row.session),
          ),
        ),
      ),
    );
  }
}
