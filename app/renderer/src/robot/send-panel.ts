/**
 * « Envoyer dans le robot »: keeps the program on screen in the connected robot (RoboKit firmware)
 * so it runs without the cable. Before sending: « Ton programme utilise 312 octets sur 896 » and
 * the blocks the robot skips (`say`), or one sentence naming the block that cannot go in. Then a
 * progress bar, « Démarrer tout seul », and at the end « Débranche le robot et appuie sur son
 * bouton ». On a StandardFirmata robot: kindly, the RoboKit firmware is needed, with a button to
 * the installer.
 */
import { message, type Locale } from '../../../core/i18n/messages';
import type { ApiErrorData, ConnectionStatus, RobokitApi, RobotProgramCheck, WorkspaceJson } from '../../../shared/api';
import { debounce, h } from '../shell/dom';
import { apiErrorText, failureText } from '../shell/error-text';
import { ui } from '../shell/ui-text';

export interface SendHooks {
  /** The program on screen. */
  workspace(): WorkspaceJson;
  /** Marks the refused blocks in the editor (or clears the marks). */
  showProblems(problems: readonly ApiErrorData[]): void;
  /** Opens « Installer le programme du robot » with the RoboKit firmware chosen. */
  openInstaller(): void;
}

type Outcome =
  | { readonly kind: 'sent'; readonly autostart: boolean }
  | { readonly kind: 'refused'; readonly problems: readonly ApiErrorData[] }
  | { readonly kind: 'failed'; readonly error: unknown };

/** How long after the last edit the size is worked out again. */
const CHECK_DELAY_MS = 400;

export class SendPanel {
  private readonly section: HTMLElement;
  private readonly title: HTMLElement;
  private readonly note: HTMLElement;
  private readonly install: HTMLButtonElement;
  private readonly size: HTMLElement;
  private readonly skippedTitle: HTMLElement;
  private readonly skipped: HTMLUListElement;
  private readonly autostart: HTMLInputElement;
  private readonly autostartText: HTMLElement;
  private readonly send: HTMLButtonElement;
  private readonly progress: HTMLProgressElement;
  private readonly result: HTMLElement;
  private status: ConnectionStatus = { state: 'none' };
  private check: RobotProgramCheck | null = null;
  private checkFailure: unknown = null;
  private sending = false;
  private outcome: Outcome | null = null;
  private checks = 0;
  /** Whether blocks in the editor carry this panel's marks (so it clears only its own). */
  private marked = false;
  readonly programChanged = debounce(() => void this.refresh(), CHECK_DELAY_MS);

  constructor(
    container: HTMLElement,
    private readonly api: RobokitApi,
    private locale: Locale,
    private readonly hooks: SendHooks,
  ) {
    this.title = h('h3', { id: 'send-title', class: 'send-title' });
    this.note = h('p', { id: 'send-note', class: 'panel-note' });
    this.install = h('button', { id: 'send-install', type: 'button', class: 'btn btn-tool' });
    this.size = h('p', { id: 'send-size', class: 'send-size' });
    this.skippedTitle = h('p', { id: 'send-skipped-title', class: 'panel-note' });
    this.skipped = h('ul', { id: 'send-skipped', class: 'send-skipped', 'aria-labelledby': 'send-skipped-title' });
    this.autostart = h('input', { id: 'send-autostart', type: 'checkbox' });
    this.autostartText = h('span');
    this.send = h('button', { id: 'send-robot', type: 'button', class: 'btn btn-tool btn-send' });
    this.progress = h('progress', { id: 'send-progress', max: '100', value: '0' });
    this.result = h('div', { id: 'send-result', class: 'robot-problem', role: 'status' });
    this.section = h(
      'section',
      { id: 'send-section', class: 'send-section', 'aria-labelledby': 'send-title' },
      this.title,
      this.note,
      this.install,
      this.size,
      this.skippedTitle,
      this.skipped,
      h('label', { class: 'toggle', for: 'send-autostart' }, this.autostart, this.autostartText),
      h('div', { class: 'field' }, this.send),
      this.progress,
      this.result,
    );
    container.append(this.section);
    this.send.addEventListener('click', () => void this.start());
    this.install.addEventListener('click', () => hooks.openInstaller());
    api.onDidReportProgramUpload(({ sent, total }) => {
      if (!this.sending || total <= 0) return;
      this.progress.value = Math.round((sent / total) * 100);
    });
    this.render();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.render();
  }

  /** The connection changed: offered only on a ready robot running the RoboKit firmware. */
  setStatus(status: ConnectionStatus): void {
    const was = this.offered;
    this.status = status;
    if (!this.offered) {
      this.check = null;
      this.checkFailure = null;
      this.mark([]);
    } else if (!was) void this.refresh();
    if (!this.sending && !this.offered) this.outcome = null;
    this.render();
  }

  private get connected(): boolean {
    return this.status.state === 'ready';
  }

  private get offered(): boolean {
    return this.connected && this.status.firmware?.kind === 'robokit';
  }

  /** Works out the size and what is skipped again (after an edit, on connecting). */
  private async refresh(): Promise<void> {
    if (!this.offered || this.sending) return;
    // Another program on screen: the last send's news is over.
    this.outcome = null;
    const asked = ++this.checks;
    try {
      const check = await this.api.checkRobotProgram({ workspace: this.hooks.workspace() });
      if (asked !== this.checks) return;
      this.check = check;
      this.checkFailure = null;
      this.mark(check.fits ? [] : check.problems);
    } catch (error) {
      if (asked !== this.checks) return;
      this.check = null;
      this.checkFailure = error;
    }
    this.render();
  }

  private async start(): Promise<void> {
    if (!this.offered || this.sending) return;
    this.sending = true;
    this.outcome = null;
    this.progress.value = 0;
    this.mark([]);
    this.render();
    try {
      const result = await this.api.sendRobotProgram({ workspace: this.hooks.workspace(), autostart: this.autostart.checked });
      if (result.sent) {
        this.outcome = { kind: 'sent', autostart: result.autostart };
        this.check = { fits: true, bytes: result.bytes, max: result.max, skipped: result.skipped };
        this.progress.value = 100;
      } else {
        this.outcome = { kind: 'refused', problems: result.problems };
        this.check = { fits: false, max: result.max, problems: result.problems, ...(result.bytes !== undefined ? { bytes: result.bytes } : {}) };
        this.mark(result.problems);
      }
    } catch (error) {
      this.outcome = { kind: 'failed', error };
    }
    this.sending = false;
    this.render();
  }

  /** Marks the blocks that keep the program out of the robot, or clears the marks this panel made. */
  private mark(problems: readonly ApiErrorData[]): void {
    if (problems.length === 0 && !this.marked) return;
    this.marked = problems.length > 0;
    this.hooks.showProblems(problems);
  }

  private render(): void {
    const { locale } = this;
    this.title.textContent = ui('sendTitle', locale);
    this.autostartText.textContent = ui('sendAutostart', locale);
    this.autostart.title = ui('sendAutostartHint', locale);
    this.send.textContent = ui(this.sending ? 'sendSending' : 'sendButton', locale);
    this.install.textContent = ui('sendInstall', locale);
    const firmata = this.connected && !this.offered;
    this.note.textContent = firmata ? message('bytecode-needs-robokit-firmware', locale) : this.offered ? ui('sendIntro', locale) : ui('sendConnectFirst', locale);
    this.install.hidden = !firmata;
    for (const el of [this.size, this.autostart.parentElement!, this.send.parentElement!]) el.hidden = !this.offered;
    this.renderCheck();
    this.send.disabled = !this.offered || this.sending || this.check?.fits === false;
    this.autostart.disabled = this.sending;
    this.progress.hidden = !this.sending && this.outcome?.kind !== 'sent';
    this.renderOutcome();
  }

  private renderCheck(): void {
    const { locale, check } = this;
    const skipped = this.offered && check?.fits ? check.skipped : [];
    const bytes = check?.bytes;
    this.size.textContent = bytes !== undefined && check ? message('bytecode-size', locale, { bytes, max: check.max }) : '';
    this.size.dataset.bytes = bytes === undefined ? '' : String(bytes);
    this.skippedTitle.textContent = ui('sendSkipped', locale);
    this.skippedTitle.hidden = skipped.length === 0;
    this.skipped.hidden = skipped.length === 0;
    this.skipped.replaceChildren(...skipped.map((s) => h('li', { 'data-block': s.blockId ?? '' }, apiErrorText(s, locale))));
  }

  private renderOutcome(): void {
    const { locale, outcome, check } = this;
    this.result.replaceChildren();
    // Before sending, a program that cannot go in says why at once (not only after a press).
    const refused = outcome?.kind === 'refused' ? outcome.problems : this.offered && check?.fits === false ? check.problems : null;
    this.result.dataset.outcome = outcome?.kind ?? (refused ? 'refused' : '');
    if (outcome?.kind === 'sent') {
      this.result.append(h('p', {}, message(outcome.autostart ? 'bytecode-sent-autostart' : 'bytecode-sent', locale)));
    } else if (refused) {
      this.result.append(h('strong', {}, ui('whatToDo', locale)), ...refused.slice(0, 3).map((p) => h('p', { 'data-block': p.blockId ?? '' }, apiErrorText(p, locale))));
    } else if (outcome?.kind === 'failed' || (this.offered && this.checkFailure)) {
      this.result.append(h('strong', {}, ui('whatToDo', locale)), h('p', {}, failureText(outcome?.kind === 'failed' ? outcome.error : this.checkFailure, locale)));
    }
    this.result.hidden = this.result.childElementCount === 0;
  }
}
