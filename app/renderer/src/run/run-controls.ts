/**
 * Lancer / Stop / Pas à pas and what a run shows: the running block highlighted, `say` in the
 * speech bubble, a runtime error on its block and in a friendly banner, compile diagnostics on their
 * blocks when the program cannot start. Stop is never disabled: it always reaches the host.
 *
 * Pas à pas: when idle it starts the program paused; while paused each press runs one block; while
 * running it pauses. Lancer while paused resumes.
 */
import type { Locale } from '../../../core/i18n/messages';
import { numberText } from '../../../core/i18n/numbers';
import type { EndReason, RunEvent, RunState } from '../../../core/runtime/events';
import type { ApiErrorData, RobokitApi, RunStartResult } from '../../../shared/api';
import type { Editor } from '../editor/editor';
import { failureText } from '../shell/error-text';
import { ui, type UiKey } from '../shell/ui-text';
import { BlockMarks } from './block-marks';

export interface RunUi {
  readonly run: HTMLButtonElement;
  readonly stop: HTMLButtonElement;
  readonly step: HTMLButtonElement;
  readonly state: HTMLElement;
}

export interface RunHooks {
  /** What to run: the workspace and where. */
  request(): { profile: string; target: 'sim' | 'robot'; world: string | null };
  /** A run started (reset the simulator view and the chart). */
  started(runId: number, target: 'sim' | 'robot'): void;
  say(text: string): void;
  banner(text: string | null): void;
}

const END_TEXT: Record<EndReason, UiKey> = {
  finished: 'stateFinished',
  stopped: 'stateStopped',
  error: 'stateError',
  timeout: 'stateTimeout',
  disconnected: 'stateDisconnected',
};

export class RunControls {
  readonly marks: BlockMarks;
  private runId: number | null = null;
  private state: RunState = 'idle';
  private stateText: UiKey = 'stateIdle';
  private pendingHighlight: string | null | undefined;
  private highlightScheduled = false;
  private starting = false;
  /** Events that arrive before `run()` has answered with their run id. */
  private early: { runId: number; event?: RunEvent; state?: RunState }[] = [];
  /** The last motors command, for the status line and tests: `left,right`. */
  private motors = '0,0';

  constructor(
    private readonly api: RobokitApi,
    private readonly editor: Editor,
    private readonly el: RunUi,
    private readonly hooks: RunHooks,
    private locale: Locale,
  ) {
    this.marks = new BlockMarks(editor, locale);
    el.run.addEventListener('click', () => void this.onRun());
    el.stop.addEventListener('click', () => void this.onStop());
    el.step.addEventListener('click', () => void this.onStep());
    api.onDidEmitRunEvent(({ runId, event }) => {
      if (runId === this.runId) this.onEvent(event);
      else if (this.starting) this.early.push({ runId, event });
    });
    api.onDidChangeRunState(({ runId, state }) => {
      if (runId === this.runId) this.setState(state);
      else if (this.starting) this.early.push({ runId, state });
    });
    // A fix clears the marks it answers: compile marks are recomputed when the pupil runs again.
    editor.onDidChange(() => this.marks.clearRuntime());
    this.render();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.marks.setLocale(locale);
    this.render();
  }

  /** After the editor rebuilt its workspace: marks and highlight go back on. */
  reapply(): void {
    this.marks.apply();
  }

  get running(): boolean {
    return this.state === 'running' || this.state === 'paused';
  }

  private async onRun(): Promise<void> {
    if (this.state === 'paused') return this.call(() => this.api.resume());
    if (this.running) return;
    await this.start(false);
  }

  private async onStep(): Promise<void> {
    if (this.state === 'paused') return this.call(() => this.api.step());
    if (this.state === 'running') return this.call(() => this.api.pause());
    await this.start(true);
  }

  private async onStop(): Promise<void> {
    await this.call(() => this.api.stop());
  }

  /** Stops the program if one runs or is paused. */
  async stopIfRunning(): Promise<void> {
    if (this.running) await this.call(() => this.api.stop());
  }

  /** Runs the program on the simulator whatever robot is chosen (« Vérifier » shows the run it judged). */
  async replayInSimulator(): Promise<void> {
    await this.stopIfRunning();
    await this.start(false, 'sim');
  }

  private async start(paused: boolean, only?: 'sim'): Promise<void> {
    if (this.starting) return;
    this.starting = true;
    this.early = [];
    this.hooks.banner(null);
    this.marks.clearAll();
    this.editor.highlight(null);
    const request = this.hooks.request();
    const { profile, world } = request;
    const target = only ?? request.target;
    try {
      const result: RunStartResult = await this.api.run({
        workspace: this.editor.save(),
        profile,
        target,
        ...(world ? { world } : {}),
        paused,
      });
      this.marks.showDiagnostics(result.diagnostics);
      if (!result.started) {
        this.hooks.banner(this.marks.hasCompileMarks ? ui('fixBlocksFirst', this.locale) : this.firstText(result.diagnostics));
        return;
      }
      this.runId = result.runId;
      this.motors = '0,0';
      this.hooks.started(result.runId, target);
      this.setState(paused ? 'paused' : 'running');
      for (const early of this.early) {
        if (early.runId !== result.runId) continue;
        if (early.event) this.onEvent(early.event);
        if (early.state) this.setState(early.state);
      }
    } catch (e) {
      this.hooks.banner(failureText(e, this.locale));
    } finally {
      this.starting = false;
      this.early = [];
    }
  }

  private firstText(diagnostics: readonly ApiErrorData[]): string {
    const first = diagnostics[0];
    return first?.message?.[this.locale] ?? ui('fixBlocksFirst', this.locale);
  }

  private async call(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (e) {
      this.hooks.banner(failureText(e, this.locale));
    }
  }

  private onEvent(event: RunEvent): void {
    switch (event.type) {
      case 'block':
        this.highlightSoon(event.blockId);
        return;
      case 'say':
        this.hooks.say(event.number === undefined ? event.text : numberText(event.number, this.locale));
        return;
      case 'motors':
        this.motors = `${event.left},${event.right}`;
        this.el.state.dataset.motors = this.motors;
        return;
      case 'error': {
        const data: ApiErrorData = {
          code: event.code,
          messageKey: event.code,
          params: {},
          message: event.message,
          ...(event.blockId ? { blockId: event.blockId } : {}),
        };
        this.marks.showRuntimeError(data);
        this.hooks.banner(event.message[this.locale]);
        return;
      }
      case 'end':
        this.stateText = END_TEXT[event.reason];
        this.highlightSoon(null);
        this.setState('ended');
        return;
      default: {
        const never: never = event;
        return never;
      }
    }
  }

  /** Many block events a second (a loop without waits): show only the latest, once per frame. */
  private highlightSoon(blockId: string | null): void {
    this.pendingHighlight = blockId;
    if (this.highlightScheduled) return;
    this.highlightScheduled = true;
    requestAnimationFrame(() => {
      this.highlightScheduled = false;
      if (this.pendingHighlight === undefined) return;
      this.editor.highlight(this.pendingHighlight);
      this.editor.workspace.getParentSvg().parentElement!.dataset.runningBlock = this.pendingHighlight ?? '';
      this.pendingHighlight = undefined;
    });
  }

  /** Another program is on screen: the last one's ending is not its news (a run still going keeps its state). */
  forgetEnding(): void {
    if (this.state === 'running' || this.state === 'paused') return;
    this.state = 'idle';
    this.stateText = 'stateIdle';
    this.render();
  }

  private setState(state: RunState): void {
    this.state = state;
    if (state === 'running') this.stateText = 'stateRunning';
    if (state === 'paused') this.stateText = 'statePaused';
    this.render();
  }

  private render(): void {
    const { run, stop, step, state } = this.el;
    state.textContent = ui(this.stateText, this.locale);
    state.dataset.state = this.state;
    state.dataset.motors = this.motors;
    run.disabled = this.state === 'running';
    run.setAttribute('aria-pressed', String(this.state === 'running'));
    step.textContent = ui(this.state === 'paused' ? 'stepNext' : 'step', this.locale);
    step.title = ui('stepHint', this.locale);
    stop.disabled = false;
  }
}
