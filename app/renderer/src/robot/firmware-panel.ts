/**
 * « Installer le programme du robot »: the firmware to install (RoboKit, recommended, or
 * StandardFirmata), a progress bar, the result in one sentence, the request to press the board's
 * reset button when it does not answer, and « Robot suivant » to prepare a box of robots in a row
 * (swap the cable, press it, the same firmware goes on the next board). Addressed to an adult.
 */
import { localized, type Locale } from '../../../core/i18n/messages';
import type { FirmwareChoice, FirmwareInstallProgress, InstallFirmwareResult, RobokitApi } from '../../../shared/api';
import { h } from '../shell/dom';
import { failureText } from '../shell/error-text';
import { ui } from '../shell/ui-text';
import { helpTexts } from './help-text';

type Outcome = { readonly ok: true; readonly result: InstallFirmwareResult } | { readonly ok: false; readonly error: unknown };

export class FirmwarePanel {
  private readonly choice: HTMLSelectElement;
  private readonly install: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly progress: HTMLProgressElement;
  private readonly status: HTMLElement;
  private readonly result: HTMLElement;
  private phase: FirmwareInstallProgress['phase'] | null = null;
  private pressReset = false;
  private outcome: Outcome | null = null;
  /** Robots prepared since the panel opened (the facilitator's count). */
  private prepared = 0;

  constructor(
    container: HTMLElement,
    private readonly api: RobokitApi,
    private locale: Locale,
    private readonly port: () => string | null,
    private readonly refreshPorts: () => Promise<void>,
  ) {
    this.choice = h('select', { id: 'firmware-choice', class: 'select' });
    this.install = h('button', { id: 'firmware-install', type: 'button', class: 'btn btn-tool' });
    this.next = h('button', { id: 'firmware-next', type: 'button', class: 'btn btn-tool' });
    this.progress = h('progress', { id: 'firmware-progress', max: '100', value: '0' });
    this.status = h('p', { id: 'firmware-status', class: 'panel-note', role: 'status' });
    this.result = h('div', { id: 'firmware-result', class: 'robot-problem', role: 'alert' });
    container.append(
      h(
        'details',
        { id: 'firmware-section', class: 'firmware-section' },
        h('summary', { id: 'firmware-summary' }),
        h('div', { class: 'field' }, h('label', { for: 'firmware-choice', class: 'field-label', id: 'firmware-choice-label' }), this.choice),
        h('div', { class: 'field' }, this.install, this.next),
        this.progress,
        this.status,
        this.result,
      ),
    );
    this.install.addEventListener('click', () => void this.start());
    this.next.addEventListener('click', () => void this.nextRobot());
    api.onDidReportFirmwareInstall((progress) => this.onProgress(progress));
    this.render();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.render();
  }

  /** Opens the section, e.g. from a « Mettre à jour » button next to a connection problem. */
  open(firmware: FirmwareChoice = 'robokit'): void {
    (this.install.closest('details') as HTMLDetailsElement).open = true;
    this.choice.value = firmware;
    this.install.focus();
  }

  get busy(): boolean {
    return this.phase !== null;
  }

  private async start(): Promise<void> {
    const port = this.port();
    if (!port || this.busy) return;
    this.outcome = null;
    this.pressReset = false;
    this.phase = 'connecting';
    this.progress.value = 0;
    this.render();
    try {
      const result = await this.api.installFirmware({ port, firmware: this.choice.value as FirmwareChoice });
      this.outcome = { ok: true, result };
      this.prepared++;
    } catch (error) {
      this.outcome = { ok: false, error };
    }
    this.phase = null;
    this.render();
  }

  private async nextRobot(): Promise<void> {
    await this.refreshPorts();
    await this.start();
  }

  private onProgress(progress: FirmwareInstallProgress): void {
    if (progress.phase === 'press-reset') this.pressReset = true;
    else this.phase = progress.phase;
    if (progress.done !== undefined && progress.total) {
      // Writing is the first half of the bar, reading back the second.
      const share = (progress.done / progress.total) * 50;
      this.progress.value = Math.round(progress.phase === 'verifying' ? 50 + share : share);
    }
    if (progress.phase === 'checking') this.pressReset = false;
    this.render();
  }

  private render(): void {
    const { locale } = this;
    const chosen = this.choice.value || 'robokit';
    this.choice.replaceChildren(
      h('option', { value: 'robokit' }, ui('firmwareRobokit', locale)),
      h('option', { value: 'firmata' }, ui('firmwareFirmata', locale)),
    );
    this.choice.value = chosen;
    const summary = this.install.closest('details')?.querySelector('summary');
    if (summary) summary.textContent = ui('firmwareSection', locale);
    const label = this.choice.closest('details')?.querySelector('#firmware-choice-label');
    if (label) label.textContent = ui('firmwareChoice', locale);
    this.install.textContent = ui('firmwareInstall', locale);
    this.install.disabled = this.busy || this.port() === null;
    this.choice.disabled = this.busy;
    this.next.textContent = `${ui('firmwareNext', locale)}${this.prepared > 0 ? ` (${this.prepared})` : ''}`;
    this.next.hidden = this.busy || this.outcome?.ok !== true;
    this.progress.hidden = this.phase === null && this.outcome === null;
    if (this.outcome?.ok) this.progress.value = 100;
    this.status.textContent = this.phase ? this.phaseText() : '';
    this.status.hidden = this.phase === null;
    this.result.replaceChildren();
    this.result.hidden = this.outcome === null;
    this.result.dataset.ok = String(this.outcome?.ok ?? '');
    if (this.outcome?.ok) {
      const { name, version } = this.outcome.result;
      this.result.append(h('p', {}, localized('firmware-installed', { firmware: name, version })[locale]));
    } else if (this.outcome) {
      this.result.append(h('strong', {}, ui('whatToDo', locale)), h('p', {}, failureText(this.outcome.error, locale)));
      for (const text of helpTexts(this.outcome.error, locale)) this.result.append(h('p', { class: 'help' }, text));
    }
  }

  private phaseText(): string {
    const phase = localized(`firmware-phase-${this.phase === 'press-reset' ? 'connecting' : this.phase!}`)[this.locale];
    return this.pressReset ? `${phase} ${localized('firmware-press-reset')[this.locale]}` : phase;
  }
}
