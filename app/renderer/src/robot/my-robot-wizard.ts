/**
 * « Mon robot »: a wizard for any kit, in five short steps — pick the closest kit and a name; turn
 * each wheel on the connected robot and say whether it went forward (« Non » → one click swaps the
 * motors or reverses that wheel); watch the sensors move live; drive and turn 1 s at two speeds and
 * type what the ruler and the protractor say (RoboKit computes cm/s and °/s: computeCalibration);
 * save it as a `.robokitprofile` (saveProfile) and make it the active robot. One step at a time in a
 * dialog that fits a 1366×768 screen.
 */
import type { Locale } from '../../../core/i18n/messages';
import { localized } from '../../../core/i18n/messages';
import { numberFromText, numberText } from '../../../core/i18n/numbers';
import { driveSpeed, spinRate } from '../../../core/hardware-rules';
import { computeCalibration, type CalibrationMeasurements } from '../../../core/profile-file/calibration';
import { newProfileFile, type MotorWiring, type ProfileFile } from '../../../core/profile-file/profile-file';
import { BUILT_IN_PROFILES, type Profile } from '../../../core/profiles';
import type { ConnectionStatus, RobokitApi, SensorReading, WorkspaceJson } from '../../../shared/api';
import { download } from '../shell/download';
import { h } from '../shell/dom';
import { failureText } from '../shell/error-text';
import { calibrationRun, sensorWatch, wheelTest } from './wizard-programs';
import { wt, type WizardKey } from './wizard-text';

/** The kits a class can start from (the simulated robot is not one). */
export const WIZARD_KITS = ['mbot', 'l298n-hcsr04', 'l9110-hcsr04', 'arduino-2wd', 'servo-bot'] as const;
const POWERS = [50, 100] as const;
const STEPS: readonly WizardKey[] = ['stepKit', 'stepWheels', 'stepSensors', 'stepMeasure', 'stepSave'];

export interface WizardHooks {
  readonly connection: () => ConnectionStatus;
  /** The robot was saved and is now the active one. */
  readonly activated: (profileId: string) => Promise<void>;
}

type Side = 'left' | 'right';
type WheelState = 'untested' | 'asking' | 'no' | 'fixed' | 'ok' | 'nothing';

export class MyRobotWizard {
  readonly button: HTMLButtonElement;
  private readonly dialog: HTMLDialogElement;
  private readonly body: HTMLElement;
  private readonly stepLine: HTMLElement;
  private readonly status: HTMLElement;
  private readonly backButton: HTMLButtonElement;
  private readonly nextButton: HTMLButtonElement;
  private step = 0;
  private name = '';
  private kit: string = WIZARD_KITS[0];
  private wiring: { swap: boolean; invertLeft: boolean; invertRight: boolean } = { swap: false, invertLeft: false, invertRight: false };
  private wheels: Record<Side, WheelState> = { left: 'untested', right: 'untested' };
  /** Typed measurements, as typed (« 24,5 »), by `drive-50`, `spin-100`, … */
  private typed = new Map<string, string>();
  private runId: number | null = null;
  private watching = false;
  private reading: SensorReading | null = null;
  private saved: ProfileFile | null = null;
  private busy = false;

  constructor(
    private readonly api: RobokitApi,
    private locale: Locale,
    private readonly hooks: WizardHooks,
  ) {
    this.button = h('button', { id: 'my-robot', type: 'button', class: 'btn btn-tool' });
    this.stepLine = h('nav', { id: 'wizard-step', class: 'wizard-stepper' });
    this.body = h('div', { id: 'wizard-body', class: 'wizard-body' });
    this.status = h('p', { id: 'wizard-status', class: 'wizard-status', role: 'status', 'aria-live': 'polite' });
    this.backButton = h('button', { id: 'wizard-back', type: 'button', class: 'btn' });
    this.nextButton = h('button', { id: 'wizard-next', type: 'button', class: 'btn btn-primary' });
    const closeButton = h('button', { id: 'wizard-close', type: 'button', class: 'btn wizard-close' });
    const title = h('h2', { id: 'wizard-title', class: 'panel-title' });
    this.dialog = h(
      'dialog',
      { id: 'my-robot-wizard', class: 'wizard', 'aria-labelledby': 'wizard-title' },
      h('div', { class: 'wizard-head' }, title, this.stepLine, closeButton),
      this.body,
      this.status,
      h('div', { class: 'wizard-nav' }, this.backButton, this.nextButton),
    );
    this.button.addEventListener('click', () => this.open());
    closeButton.addEventListener('click', () => this.dialog.close());
    this.dialog.addEventListener('close', () => void this.stopRun());
    this.backButton.addEventListener('click', () => void this.go(this.step - 1));
    this.nextButton.addEventListener('click', () => void this.go(this.step + 1));
    api.onDidReadSensors((reading) => {
      if (reading.runId !== this.runId || !this.watching) return;
      this.reading = reading;
      this.renderReadings();
    });
    api.onDidChangeRunState((message) => {
      if (message.runId === this.runId && message.state === 'ended') {
        this.runId = null;
        this.watching = false;
        if (this.step === 2) this.render();
      }
    });
    document.body.append(this.dialog);
    this.setLocale(locale);
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.button.textContent = wt('open', locale);
    this.button.title = wt('openHint', locale);
    this.dialog.querySelector('#wizard-title')!.textContent = wt('title', locale);
    this.dialog.querySelector('#wizard-close')!.textContent = wt('close', locale);
    if (this.dialog.open) this.render();
  }

  open(): void {
    const firmware = this.hooks.connection().firmware;
    this.step = 0;
    this.saved = null;
    this.name = firmware?.robotName ?? wt('defaultName', this.locale);
    this.wheels = { left: 'untested', right: 'untested' };
    this.say('');
    this.render();
    this.dialog.showModal();
  }

  private get profile(): Profile {
    return BUILT_IN_PROFILES[this.kit]!;
  }

  private get connected(): boolean {
    return this.hooks.connection().state === 'ready';
  }

  private say(text: string): void {
    this.status.textContent = text;
  }

  private async go(step: number): Promise<void> {
    if (step < 0 || step >= STEPS.length || this.busy) return;
    await this.stopRun();
    // Leaving the kit step with a robot connected: connect it as that kit (its wiring sheet), so the
    // wheel tests below start from the sheet.
    if (this.step === 0 && step === 1 && this.connected) {
      const status = this.hooks.connection();
      if (status.profile !== this.kit && status.port) {
        this.busy = true;
        this.say(wt('connecting', this.locale));
        try {
          const after = await this.api.connect({ port: status.port, profile: this.kit });
          this.say(after.reason ? failureText({ data: after.reason }, this.locale) : '');
        } catch (e) {
          this.say(failureText(e, this.locale));
        } finally {
          this.busy = false;
        }
      }
    }
    this.step = step;
    this.render();
  }

  private render(): void {
    const l = this.locale;
    this.stepLine.replaceChildren(
      h('span', { class: 'sr-only' }, wt('stepOf', l, { n: this.step + 1 })),
      h('ol', { class: 'wizard-steps' }, ...STEPS.map((key, i) => h('li', i === this.step ? { 'aria-current': 'step', class: 'current' } : i < this.step ? { class: 'done' } : {}, `${i + 1}. ${wt(key, l)}`))),
    );
    this.backButton.textContent = wt('back', l);
    this.nextButton.textContent = wt('next', l);
    this.backButton.disabled = this.step === 0;
    this.nextButton.hidden = this.step === STEPS.length - 1;
    this.body.replaceChildren(...[this.kitStep, this.wheelsStep, this.sensorsStep, this.measureStep, this.saveStep][this.step]!.call(this));
  }

  // --- 1. Kit and name ---------------------------------------------------------------------------

  private kitStep(): Node[] {
    const l = this.locale;
    const name = h('input', { id: 'wizard-name', class: 'ask-input', type: 'text', maxlength: 60, value: this.name, autocomplete: 'off' });
    name.addEventListener('input', () => (this.name = name.value));
    const kits = WIZARD_KITS.map((id) => {
      const radio = h('input', { type: 'radio', name: 'wizard-kit', value: id, id: `wizard-kit-${id}` });
      radio.checked = id === this.kit;
      radio.addEventListener('change', () => {
        this.kit = id;
        this.wiring = { swap: false, invertLeft: false, invertRight: false };
        this.wheels = { left: 'untested', right: 'untested' };
      });
      return h('label', { class: 'wizard-kit', for: `wizard-kit-${id}` }, radio, h('span', {}, BUILT_IN_PROFILES[id]!.name[l]));
    });
    return [
      h('h3', {}, wt('kitTitle', l)),
      h('label', { class: 'field-label', for: 'wizard-name' }, wt('nameLabel', l)),
      name,
      h('fieldset', { class: 'wizard-kits' }, h('legend', { class: 'field-label' }, wt('kitLabel', l)), ...kits),
      ...(this.connected ? [] : [h('p', { class: 'panel-note' }, wt('notConnected', l))]),
    ];
  }

  // --- 2. Wheels ---------------------------------------------------------------------------------

  private wheelsStep(): Node[] {
    const l = this.locale;
    return [
      h('h3', {}, wt('wheelsTitle', l)),
      h('p', { class: 'panel-note' }, this.connected ? wt('wheelsHint', l) : wt('notConnected', l)),
      this.wheelRow('left'),
      this.wheelRow('right'),
      h('p', { id: 'wizard-wiring', class: 'panel-note' }, wt('wiringNow', l, { wiring: this.wiringText() })),
    ];
  }

  private wheelRow(side: Side): HTMLElement {
    const l = this.locale;
    const state = this.wheels[side];
    const turn = this.action(`wizard-turn-${side}`, wt(side === 'left' ? 'turnLeft' : 'turnRight', l), async () => {
      this.wheels[side] = 'asking';
      await this.runOnRobot(wheelTest(this.wiring, side));
      this.render();
    });
    turn.disabled = !this.connected;
    const row = h('div', { class: 'wizard-row', id: `wizard-wheel-${side}` }, h('strong', {}, wt(side === 'left' ? 'leftWheel' : 'rightWheel', l)), turn);
    const answer = (id: string, key: WizardKey, then: () => void): HTMLButtonElement => {
      const b = h('button', { id, type: 'button', class: 'btn' }, wt(key, l));
      b.addEventListener('click', () => {
        then();
        this.render();
      });
      return b;
    };
    if (state === 'asking') {
      row.append(
        h('span', {}, wt(side === 'left' ? 'didLeft' : 'didRight', l)),
        answer(`wizard-${side}-yes`, 'yes', () => (this.wheels[side] = 'ok')),
        answer(`wizard-${side}-no`, 'no', () => (this.wheels[side] = 'no')),
      );
    } else if (state === 'no') {
      const invert = side === 'left' ? 'invertLeft' : 'invertRight';
      row.append(
        h('span', {}, wt('whatHappened', l)),
        answer(`wizard-${side}-backward`, 'wentBackward', () => {
          this.wiring = { ...this.wiring, [invert]: !this.wiring[invert] };
          this.wheels[side] = 'fixed';
        }),
        answer(`wizard-${side}-other`, 'otherWheel', () => {
          this.wiring = { ...this.wiring, swap: !this.wiring.swap };
          this.wheels = { left: 'untested', right: 'untested', [side]: 'fixed' };
        }),
        answer(`wizard-${side}-nothing`, 'nothing', () => (this.wheels[side] = 'nothing')),
      );
    } else if (state === 'fixed') row.append(h('span', { class: 'wizard-fixed' }, wt('fixedTryAgain', l)));
    else if (state === 'nothing') row.append(h('span', {}, wt('nothingHint', l)));
    else if (state === 'ok') row.append(h('span', { class: 'wizard-ok' }, wt('wheelOk', l)));
    return row;
  }

  private wiringText(): string {
    const l = this.locale;
    const parts = [
      ...(this.wiring.swap ? [wt('wiringSwap', l)] : []),
      ...(this.wiring.invertLeft ? [wt('wiringInvertLeft', l)] : []),
      ...(this.wiring.invertRight ? [wt('wiringInvertRight', l)] : []),
    ];
    return parts.length > 0 ? parts.join(', ') : wt('wiringAsKit', l);
  }

  // --- 3. Sensors --------------------------------------------------------------------------------

  private sensorsStep(): Node[] {
    const l = this.locale;
    const program = sensorWatch(this.profile.capabilities);
    if (!program) return [h('h3', {}, wt('sensorsTitle', l)), h('p', { class: 'panel-note' }, wt('sensorsNone', l))];
    const toggle = this.action('wizard-sensors', wt(this.watching ? 'sensorsStop' : 'sensorsStart', l), async () => {
      if (this.watching) return this.stopRun();
      this.reading = null;
      this.watching = true;
      await this.runOnRobot(program, false);
      this.render();
    });
    toggle.disabled = !this.connected;
    return [
      h('h3', {}, wt('sensorsTitle', l)),
      ...(this.connected ? [] : [h('p', { class: 'panel-note' }, wt('notConnected', l))]),
      toggle,
      h('dl', { id: 'wizard-readings', class: 'wizard-readings' }),
    ];
  }

  private renderReadings(): void {
    const list = this.body.querySelector('#wizard-readings');
    if (!list) return;
    const l = this.locale;
    const r = this.reading;
    const caps = this.profile.capabilities;
    const rows: Array<[string, string, string, string]> = [];
    if (caps.includes('distance')) rows.push(['distance', wt('distance', l), r?.distance === undefined ? '…' : `${numberText(Math.round(r.distance), l)} cm`, wt('distanceHint', l)]);
    if (caps.includes('line')) {
      const side = (v: boolean | undefined): string => (v === undefined ? '…' : wt(v ? 'dark' : 'bright', l));
      rows.push(['line-left', wt('lineLeft', l), side(r?.lineLeft), wt('lineHint', l)]);
      rows.push(['line-right', wt('lineRight', l), side(r?.lineRight), '']);
    }
    if (caps.includes('lightSensor')) rows.push(['light', wt('light', l), r?.light === undefined ? '…' : numberText(Math.round(r.light), l), wt('lightHint', l)]);
    if (caps.includes('button')) rows.push(['button', wt('button', l), r?.button === undefined ? '…' : wt(r.button ? 'pressed' : 'released', l), wt('buttonHint', l)]);
    list.replaceChildren(
      ...rows.flatMap(([id, label, value, hint]) => [
        h('dt', {}, label),
        h('dd', {}, h('output', { id: `wizard-reading-${id}`, class: 'wizard-value' }, value), hint ? h('span', { class: 'panel-note' }, ` ${hint}`) : ''),
      ]),
    );
  }

  // --- 4. Measure --------------------------------------------------------------------------------

  private measureStep(): Node[] {
    const l = this.locale;
    const rows = (['drive', 'spin'] as const).flatMap((kind) =>
      POWERS.map((power) => {
        const key = `${kind}-${power}`;
        const go = this.action(`wizard-go-${key}`, wt('go', l), () => this.runOnRobot(calibrationRun(this.wiring, power, kind === 'spin')));
        go.disabled = !this.connected;
        const field = h('input', { id: `wizard-${key}`, class: 'ask-input wizard-number', type: 'text', inputmode: 'decimal', value: this.typed.get(key) ?? '', autocomplete: 'off' });
        field.addEventListener('input', () => {
          this.typed.set(key, field.value);
          this.renderSpeeds();
        });
        return h(
          'div',
          { class: 'wizard-row' },
          h('strong', {}, wt(kind, l, { power })),
          go,
          field,
          h('label', { for: `wizard-${key}` }, wt(kind === 'drive' ? 'cm' : 'degrees', l)),
        );
      }),
    );
    const out = [h('h3', {}, wt('measureTitle', l)), h('p', { class: 'panel-note' }, wt('measureHint', l)), ...rows, h('p', { id: 'wizard-speeds', class: 'wizard-speeds' })];
    queueMicrotask(() => this.renderSpeeds());
    return out;
  }

  /** What was typed, as measurements, or the sentence saying what is wrong. */
  private measurements(): { ok: true; value: CalibrationMeasurements } | { ok: false; text: string } {
    const drive: Array<{ power: number; seconds: number; cm: number }> = [];
    const turn: Array<{ power: number; seconds: number; degrees: number }> = [];
    for (const kind of ['drive', 'spin'] as const) {
      for (const power of POWERS) {
        const text = (this.typed.get(`${kind}-${power}`) ?? '').trim();
        if (text === '') continue;
        const n = numberFromText(text, this.locale);
        if (n === null) return { ok: false, text: wt('notANumber', this.locale) };
        if (kind === 'drive') drive.push({ power, seconds: 1, cm: n });
        else turn.push({ power, seconds: 1, degrees: n });
      }
    }
    return { ok: true, value: { drive, turn } };
  }

  private speedsText(): { ok: boolean; text: string } {
    const m = this.measurements();
    if (!m.ok) return { ok: false, text: m.text };
    if (m.value.drive.length + m.value.turn.length === 0) return { ok: true, text: wt('speedsNone', this.locale) };
    const c = computeCalibration(m.value, this.profile.calibration);
    if (!c.ok) return { ok: false, text: localized(c.error.code, c.error.params)[this.locale] };
    const round = (v: number): string => numberText(Math.round(v * 10) / 10, this.locale);
    return { ok: true, text: wt('speeds', this.locale, { cms: round(driveSpeed(c.calibration, 50)), degs: round(spinRate(c.calibration, 50)) }) };
  }

  private renderSpeeds(): void {
    const p = this.body.querySelector('#wizard-speeds');
    if (!p) return;
    const s = this.speedsText();
    p.textContent = s.text;
    p.classList.toggle('wizard-error', !s.ok);
  }

  // --- 5. Save -----------------------------------------------------------------------------------

  private saveStep(): Node[] {
    const l = this.locale;
    const speeds = this.speedsText();
    const save = this.action('wizard-save', wt('save', l), () => this.save());
    save.className = 'btn btn-primary';
    save.disabled = !speeds.ok;
    const exportButton = this.action('wizard-export', wt('exportFile', l), () => this.exportFile());
    exportButton.hidden = this.saved === null;
    return [
      h('h3', {}, wt('saveTitle', l)),
      h(
        'dl',
        { id: 'wizard-summary', class: 'wizard-readings' },
        h('dt', {}, wt('nameLabel', l)),
        h('dd', {}, this.name.trim()),
        h('dt', {}, wt('summaryKit', l)),
        h('dd', {}, this.profile.name[l]),
        h('dt', {}, wt('summaryWiring', l)),
        h('dd', {}, this.wiringText()),
        h('dt', {}, wt('summarySpeeds', l)),
        h('dd', {}, speeds.text),
      ),
      h('div', { class: 'wizard-row' }, save, exportButton),
    ];
  }

  private async save(): Promise<void> {
    const m = this.measurements();
    if (!m.ok) return this.say(m.text);
    const taken = (await this.api.listProfiles()).map((p) => p.id).filter((id) => id !== this.saved?.id);
    const fresh = newProfileFile(this.name, this.kit, taken, new Date().toISOString());
    if (!fresh) return this.say(localized('profile-bad-name', {})[this.locale]);
    const wiring: MotorWiring = {
      ...(this.wiring.swap ? { swap: true } : {}),
      ...(this.wiring.invertLeft ? { invertLeft: true } : {}),
      ...(this.wiring.invertRight ? { invertRight: true } : {}),
    };
    const file: ProfileFile = {
      ...fresh,
      // Saved again (a measurement changed): the same robot, not a second one.
      ...(this.saved ? { id: this.saved.id } : {}),
      ...(Object.keys(wiring).length > 0 ? { motors: wiring } : {}),
      ...(m.value.drive.length + m.value.turn.length > 0 ? { calibration: m.value } : {}),
    };
    this.saved = await this.api.saveProfile({ profile: file });
    await this.api.setSettings({ profile: this.saved.id });
    const status = this.hooks.connection();
    if (status.state === 'ready' && status.port) await this.api.connect({ port: status.port, profile: this.saved.id });
    await this.hooks.activated(this.saved.id);
    this.render();
    this.say(wt('saved', this.locale, { name: this.saved.name }));
  }

  private async exportFile(): Promise<void> {
    if (!this.saved) return;
    const result = await this.api.exportProfile({ id: this.saved.id });
    if (result.status === 'download') download(result.fileName, result.text, 'application/json');
    if (result.status !== 'cancelled') this.say(wt('exported', this.locale, { file: result.fileName }));
  }

  // --- Running on the robot ----------------------------------------------------------------------

  /** A button that runs `work` once at a time and says what went wrong in a sentence. */
  private action(id: string, text: string, work: () => Promise<void>): HTMLButtonElement {
    const button = h('button', { id, type: 'button', class: 'btn btn-tool' }, text);
    button.addEventListener('click', () => {
      if (this.busy) return;
      this.busy = true;
      this.say('');
      void work()
        .catch((e: unknown) => this.say(failureText(e, this.locale)))
        .finally(() => (this.busy = false));
    });
    return button;
  }

  /** Runs a little program on the connected robot, as its kit; waits for its end unless told not to. */
  private async runOnRobot(workspace: WorkspaceJson, wait = true): Promise<void> {
    await this.stopRun();
    // Runs that ended, by id (the end may come before `run` answers with the id).
    const endedRuns = new Set<number>();
    let wake = (): void => {};
    const off = this.api.onDidChangeRunState((message) => {
      if (message.state !== 'ended') return;
      endedRuns.add(message.runId);
      wake();
    });
    try {
      const result = await this.api.run({ workspace, profile: this.kit, target: 'robot' });
      if (!result.started) throw new Error(result.diagnostics[0]?.code ?? 'run-failed');
      const id = result.runId;
      this.runId = id;
      if (wait) await new Promise<void>((resolve) => (endedRuns.has(id) ? resolve() : (wake = () => endedRuns.has(id) && resolve())));
    } finally {
      off();
    }
  }

  private async stopRun(): Promise<void> {
    if (this.runId === null) return;
    this.runId = null;
    this.watching = false;
    await this.api.stop().catch(() => undefined);
  }
}
