/**
 * The robot panel: simulated robot or a detected board (friendly names from the host), the robot
 * model (profile), a connection light that says its state in words too, "Identifier", and on a
 * failure the reason and what to do (from the error's message code).
 */
import type { Locale } from '../../../core/i18n/messages';
import type { ConnectionStatus, PortInfo, ProfileSummary, RobokitApi } from '../../../shared/api';
import { ask } from '../shell/ask';
import { h } from '../shell/dom';
import { apiErrorText, failureText } from '../shell/error-text';
import { ui, type UiKey } from '../shell/ui-text';
import { isOlderThanShipped, SHIPPED_FIRMWARE_VERSIONS } from '../../../core/firmware-versions';
import { localized } from '../../../core/i18n/messages';
import { FirmwarePanel } from './firmware-panel';
import { SendPanel, type SendHooks } from './send-panel';
import { MyRobotWizard } from './my-robot-wizard';
import { helpTexts } from './help-text';

/** Connection failures the robot's program fixes: offer « Mettre à jour » next to them. */
const FIXED_BY_INSTALL: ReadonlySet<string> = new Set(['robot-no-firmata', 'robot-no-answer', 'robot-firmware-version']);

export const SIMULATED = 'sim';

const STATE_TEXT: Record<ConnectionStatus['state'], UiKey> = {
  none: 'connectionNone',
  connecting: 'connectionConnecting',
  ready: 'connectionReady',
  lost: 'connectionLost',
};

export interface RobotChoice {
  /** `sim`, or a port path. */
  readonly robot: string;
  readonly profile: string;
}

export class RobotPanel {
  readonly robotSelect: HTMLSelectElement;
  readonly profileSelect: HTMLSelectElement;
  private readonly refresh: HTMLButtonElement;
  private readonly connectButton: HTMLButtonElement;
  private readonly identify: HTMLButtonElement;
  private readonly rename: HTMLButtonElement;
  /** What the last roll call, « Identifier » or renaming said (« Je demande leur nom… »). */
  private readonly rollNote: HTMLElement;
  private rollNoteKey: { key: UiKey; name?: string } | null = null;
  private readonly light: HTMLElement;
  private readonly lightText: HTMLElement;
  private readonly problem: HTMLElement;
  private readonly note: HTMLElement;
  private readonly firmware: HTMLElement;
  private readonly update: HTMLButtonElement;
  private readonly installer: FirmwarePanel;
  private readonly sender: SendPanel;
  private readonly wizard: MyRobotWizard;
  /** The failure's message code, when it has one. */
  private failureCode: string | null = null;
  private ports: PortInfo[] = [];
  /** « Afficher tous les ports »: also the serial ports that cannot be a robot (a PC's own /dev/ttyS0). */
  private readonly showAll = h('input', { id: 'show-all-ports', type: 'checkbox' });
  private readonly showAllText = h('span');
  private profiles: ProfileSummary[] = [];
  private status: ConnectionStatus = { state: 'none' };
  private failure: { text: string; hint: string | null } | null = null;
  private readonly changeListeners = new Set<(choice: RobotChoice) => void>();

  constructor(
    container: HTMLElement,
    private readonly api: RobokitApi,
    private locale: Locale,
    program: Omit<SendHooks, 'openInstaller'>,
  ) {
    this.robotSelect = h('select', { id: 'robot-select', class: 'select' });
    this.profileSelect = h('select', { id: 'profile-select', class: 'select' });
    this.refresh = h('button', { id: 'refresh-ports', type: 'button', class: 'btn btn-tool', 'data-ui': 'refreshPorts' });
    this.connectButton = h('button', { id: 'connect', type: 'button', class: 'btn btn-tool' });
    this.identify = h('button', { id: 'identify', type: 'button', class: 'btn btn-tool', 'data-ui': 'identify' });
    this.rename = h('button', { id: 'rename-robot', type: 'button', class: 'btn btn-tool', 'data-ui': 'renameRobot' });
    this.rollNote = h('p', { id: 'roll-call-note', class: 'panel-note', 'aria-live': 'polite' });
    this.light = h('span', { class: 'light', 'aria-hidden': 'true' });
    this.lightText = h('span', { id: 'connection-text' });
    this.problem = h('div', { id: 'robot-problem', class: 'robot-problem', role: 'alert' });
    this.note = h('p', { id: 'robot-note', class: 'panel-note' });
    this.firmware = h('p', { id: 'robot-firmware', class: 'panel-note' });
    this.update = h('button', { id: 'firmware-update', type: 'button', class: 'btn btn-tool' });
    this.wizard = new MyRobotWizard(api, locale, {
      connection: () => this.status,
      activated: (profileId) => this.useProfile(profileId),
    });
    container.append(
      h('div', { class: 'field' }, h('label', { for: 'robot-select', class: 'field-label', 'data-ui': 'robotChoice' }), this.robotSelect, this.refresh),
      h('div', { class: 'field' }, h('label', { for: 'profile-select', class: 'field-label', 'data-ui': 'profile' }), this.profileSelect),
      h('p', { id: 'connection', class: 'connection', 'data-state': 'none' }, this.light, this.lightText),
      this.firmware,
      h('div', { class: 'field' }, this.connectButton, this.identify, this.rename),
      this.rollNote,
      this.note,
      // Under the connection, which stays in view at 1366×768: test the robot's parts, measure it, save it.
      h('div', { class: 'field' }, this.wizard.button),
      // Rarely needed: under the buttons, so the robot's state and Connecter stay in view.
      h('label', { class: 'toggle', for: 'show-all-ports' }, this.showAll, this.showAllText),
      this.problem,
    );
    this.sender = new SendPanel(container, api, locale, { ...program, openInstaller: () => this.installer.open('robokit') });
    this.installer = new FirmwarePanel(container, api, locale, () => (this.choice.robot === SIMULATED ? null : this.choice.robot), () => this.loadPorts());
    this.update.addEventListener('click', () => this.installer.open('robokit'));
    this.refresh.addEventListener('click', () => void this.loadPorts());
    this.showAll.addEventListener('change', () => {
      this.renderPorts();
      this.render();
    });
    this.robotSelect.addEventListener('change', () => this.changed());
    this.profileSelect.addEventListener('change', () => this.changed());
    this.connectButton.addEventListener('click', () => void this.toggleConnection());
    this.identify.addEventListener('click', () => void this.identifyChosen());
    this.rename.addEventListener('click', () => void this.renameChosen());
    api.onDidChangeConnection((status) => this.setStatus(status));
    this.render();
  }

  async load(profile: string): Promise<void> {
    this.profiles = await this.api.listProfiles();
    this.renderProfiles(profile);
    await this.loadPorts();
  }

  /** A robot saved by « Mon robot » is the one used now: listed, chosen, and said to the app. */
  private async useProfile(profileId: string): Promise<void> {
    this.profiles = await this.api.listProfiles();
    this.renderProfiles(profileId);
    this.changed();
  }

  onDidChange(listener: (choice: RobotChoice) => void): void {
    this.changeListeners.add(listener);
  }

  get choice(): RobotChoice {
    return { robot: this.robotSelect.value || SIMULATED, profile: this.profileSelect.value };
  }

  /** Runs go to the board when one is connected and chosen, else to the simulator. */
  get target(): 'sim' | 'robot' {
    return this.choice.robot !== SIMULATED && this.status.state === 'ready' ? 'robot' : 'sim';
  }

  capabilitiesOf(profile: string): ProfileSummary['capabilities'] | undefined {
    return this.profiles.find((p) => p.id === profile)?.capabilities;
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.renderProfiles(this.profileSelect.value);
    this.renderPorts();
    this.render();
    this.installer.setLocale(locale);
    this.sender.setLocale(locale);
    this.wizard.setLocale(locale);
    // Port labels come from the host in the settings' language. The robots are not asked their
    // names again: opening a port resets a real Uno, and the names are already known.
    if (this.profiles.length > 0) void this.loadPorts({ rollCall: false });
  }

  private async loadPorts({ rollCall = true } = {}): Promise<void> {
    try {
      this.ports = await this.api.listPorts();
    } catch (e) {
      this.fail(e);
    }
    this.renderPorts();
    this.render();
    if (rollCall) await this.rollCall();
  }

  /** Fifteen robots in one room: ask the robots on the ports not in use their names (a second or two). */
  private async rollCall(): Promise<void> {
    if (!this.ports.some((p) => !p.inUse && (p.likelyRobot || p.usbId !== undefined))) return;
    this.setRollNote({ key: 'lookingForRobots' });
    try {
      this.ports = await this.api.rollCall();
      this.setRollNote(null);
    } catch (e) {
      this.setRollNote(null);
      this.fail(e);
    }
    this.renderPorts();
    this.render();
  }

  private setRollNote(note: { key: UiKey; name?: string } | null): void {
    this.rollNoteKey = note;
    this.render();
  }

  /** « Identifier »: the chosen robot blinks and beeps, connected or not. */
  private async identifyChosen(): Promise<void> {
    const port = this.choice.robot;
    if (port === SIMULATED) return;
    this.failure = null;
    this.identify.disabled = true;
    try {
      await this.api.identifyRobot({ port });
      const name = this.ports.find((p) => p.path === port)?.robotName;
      this.setRollNote(name ? { key: 'identifyDone', name } : null);
    } catch (e) {
      this.fail(e);
    } finally {
      this.render();
    }
  }

  /** « Renommer »: a name typed here is kept in the robot. */
  private async renameChosen(): Promise<void> {
    const port = this.choice.robot;
    if (port === SIMULATED) return;
    const l = this.locale;
    const current = this.ports.find((p) => p.path === port)?.robotName ?? '';
    const name = await ask({ title: ui('renameTitle', l), input: { label: ui('renameLabel', l), value: current }, ok: ui('renameOk', l), cancel: ui('cancel', l) });
    if (name === null) return;
    this.failure = null;
    try {
      await this.api.nameRobot({ port, name });
      this.ports = await this.api.listPorts();
      this.renderPorts();
    } catch (e) {
      this.fail(e);
    }
    this.render();
  }

  private async toggleConnection(): Promise<void> {
    this.failure = null;
    try {
      if (this.status.state === 'ready' || this.status.state === 'connecting') {
        this.setStatus(await this.api.disconnect());
        return;
      }
      const { robot, profile } = this.choice;
      if (robot === SIMULATED) return;
      this.setStatus({ state: 'connecting', port: robot, profile });
      this.setStatus(await this.api.connect({ port: robot, profile }));
    } catch (e) {
      this.fail(e);
      this.setStatus({ state: 'none' });
    }
  }

  private fail(error: unknown): void {
    this.failure = { text: failureText(error, this.locale), hint: this.driverHint() };
    this.failureCode = (error as { data?: { code?: string } } | undefined)?.data?.code ?? null;
    this.render();
  }

  /** Boards with a USB chip that needs a driver on Windows/macOS: say so next to the failure. */
  private driverHint(): string | null {
    return this.ports.find((p) => p.path === this.robotSelect.value)?.driverHint?.[this.locale] ?? null;
  }

  /** The program on screen changed: « Envoyer dans le robot » works out its size again. */
  programChanged(): void {
    this.sender.programChanged();
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.sender.setStatus(status);
    if (status.reason) {
      this.failure = { text: apiErrorText(status.reason, this.locale), hint: this.driverHint() };
      this.failureCode = status.reason.code;
    } else if (status.state === 'ready') this.failure = null;
    this.render();
    this.changed();
  }

  private changed(): void {
    this.render();
    this.installer.setLocale(this.locale);
    for (const listener of this.changeListeners) listener(this.choice);
  }

  private renderProfiles(selected: string): void {
    this.profileSelect.replaceChildren(
      ...this.profiles.map((p) => h('option', { value: p.id }, p.name[this.locale])),
    );
    if (this.profiles.some((p) => p.id === selected)) this.profileSelect.value = selected;
  }

  /** Ports a robot may be on: a known board or USB-serial chip, any USB serial port, a port given by hand. */
  private shownPorts(): PortInfo[] {
    return this.showAll.checked ? this.ports : this.ports.filter((p) => p.likelyRobot || p.usbId !== undefined);
  }

  private renderPorts(): void {
    const chosen = this.robotSelect.value || SIMULATED;
    const shown = this.shownPorts();
    this.robotSelect.replaceChildren(
      h('option', { value: SIMULATED }, ui('simulatedRobot', this.locale)),
      ...shown.map((p) => h('option', { value: p.path }, p.label)),
    );
    this.robotSelect.value = [SIMULATED, ...shown.map((p) => p.path)].includes(chosen) ? chosen : SIMULATED;
  }

  private render(): void {
    const { state } = this.status;
    const onBoard = this.choice.robot !== SIMULATED;
    this.light.parentElement!.dataset.state = onBoard ? state : 'sim';
    const robotName = onBoard && state === 'ready' ? this.status.firmware?.robotName : undefined;
    this.lightText.textContent = robotName
      ? `${ui('connectedTo', this.locale)} ${robotName}` // « Connecté à Robot Lila »: which of fifteen robots
      : onBoard
        ? ui(STATE_TEXT[state], this.locale)
        : `${ui('simulatedRobot', this.locale)} — ${ui('connectionReady', this.locale)}`;
    const connected = state === 'ready' || state === 'connecting';
    this.connectButton.textContent = ui(connected ? 'disconnect' : 'connect', this.locale);
    this.connectButton.disabled = !onBoard && !connected;
    // Before connecting too: the roll call finds the robot on the chosen port.
    this.identify.disabled = !onBoard || state === 'connecting';
    this.identify.title = ui('identifyHint', this.locale);
    this.rename.disabled = !onBoard || state === 'connecting';
    this.rename.title = ui('renameHint', this.locale);
    const rollNote = this.rollNoteKey;
    this.rollNote.hidden = rollNote === null;
    this.rollNote.textContent = rollNote ? ui(rollNote.key, this.locale, { name: rollNote.name ?? '' }) : '';
    const firmware = onBoard && state === 'ready' ? this.status.firmware : undefined;
    this.firmware.hidden = firmware === undefined;
    this.firmware.textContent = firmware
      ? `${firmware.robotName ? `${firmware.robotName} — ` : ''}${ui('firmware', this.locale)} ${firmware.name} ${firmware.version}`
      : '';
    // An old RoboKit firmware: one sentence and « Mettre à jour ».
    const old = firmware?.kind === 'robokit' && isOlderThanShipped('robokit', firmware.version);
    if (old) {
      this.firmware.append(
        h('span', {}, ` — ${localized('firmware-old', { firmware: firmware.name, version: firmware.version, latest: SHIPPED_FIRMWARE_VERSIONS.robokit })[this.locale]} `),
        this.update,
      );
    }
    const hidden = this.ports.length - this.shownPorts().length;
    this.showAllText.textContent = ui('showAllPorts', this.locale) + (hidden > 0 ? ` (${hidden})` : '');
    const none = this.shownPorts().length === 0;
    this.note.textContent = none ? ui('noBoardFound', this.locale) : '';
    this.note.hidden = !none;
    this.problem.replaceChildren();
    this.problem.hidden = this.failure === null;
    if (this.failure) {
      this.problem.append(h('strong', {}, ui('whatToDo', this.locale)), h('p', {}, this.failure.text));
      if (this.failure.hint) this.problem.append(h('p', {}, this.failure.hint));
      const board = this.ports.find((p) => p.path === this.robotSelect.value)?.board;
      for (const text of helpTexts({ data: { code: this.failureCode, params: { path: this.robotSelect.value } } }, this.locale, board)) {
        this.problem.append(h('p', { class: 'help' }, text));
      }
      if (onBoard && this.failureCode && FIXED_BY_INSTALL.has(this.failureCode)) this.problem.append(this.update);
    }
    this.update.textContent = ui('firmwareUpdate', this.locale);
  }
}
