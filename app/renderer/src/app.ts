/**
 * The renderer's composition root: builds the screen and wires the editor, run controls, robot
 * panel, simulator view, sensor chart, code view and files to the host API. Given the API, so it
 * runs the same over Electron IPC and over `robokit serve`'s WebSocket.
 */
import { svgResize } from 'blockly/core';
import { blockDefinitions, buildToolbox } from '../../core/blocks';
import { compile, compileProjectToJs } from '../../core/compiler';
import type { Locale } from '../../core/i18n/messages';
import { BUILT_IN_PROFILES, findProfile } from '../../core/profiles';
import type { HostInfo, OpenedProject, Project, RobokitApi, Settings, World, WorldSummary } from '../../shared/api';
import { SensorChart } from './chart/sensor-chart';
import { CodeView } from './code/code-view';
import { Editor, STARTER_WORKSPACE, type EditorCatalog } from './editor/editor';
import type { Appearance } from './editor/themes';
import { ProjectFiles } from './files/project-files';
import { RobotPanel } from './robot/robot-panel';
import { RunControls } from './run/run-controls';
import { debounce, h } from './shell/dom';
import { ui } from './shell/ui-text';
import { failureText } from './shell/error-text';
import { installShortcuts } from './shell/shortcuts';
import { applyTexts, buildLayout, wireTabs, type Layout, type TabId } from './shell/layout';
import { blocklyToolbox } from './editor/toolbox';
import { SimView } from './sim/sim-view';
import { LessonMode } from './lessons/lesson-mode';
import { WorkshopMode } from './workshop/workshop-mode';

const CODE_DELAY_MS = 300;

export interface StartedApp {
  readonly editor: Editor;
}

export async function startApp(root: HTMLElement, api: RobokitApi): Promise<StartedApp> {
  const [host, settings, startup, worlds] = await Promise.all([
    api.getHostInfo(),
    api.getSettings(),
    api.getStartupProject(),
    api.listWorlds(),
  ]);
  return new App(root, api, host, settings, worlds, startup).started;
}

class App {
  readonly started: Promise<StartedApp>;
  private readonly layout: Layout;
  private readonly editor: Editor;
  private readonly sim: SimView;
  private readonly robot: RobotPanel;
  private readonly chart: SensorChart;
  private readonly code: CodeView;
  private readonly runs: RunControls;
  private readonly files: ProjectFiles;
  private readonly lessons: LessonMode;
  private readonly workshop: WorkshopMode;
  /** A workshop runs: no settings, no other lessons, no files (the facilitator's code frees the app). */
  private locked = false;
  /** While a lesson is open: its block types (the toolbox shows only these) and its world. */
  private lessonAllowed: readonly string[] | null = null;
  private lessonWorld: WorldSummary | null = null;
  /** The built-in world chosen before a lesson took the simulator. */
  private freeWorld: string | null = null;
  private locale: Locale;
  private appearance: Appearance;
  private profile: string;
  private world: string | null;
  private runId = -1;
  private codeVisible = false;
  private readonly updateCode = debounce(() => this.refreshCode(), CODE_DELAY_MS);
  private lastGoodCode = '';

  constructor(
    root: HTMLElement,
    private readonly api: RobokitApi,
    host: HostInfo,
    settings: Settings,
    private readonly worlds: readonly WorldSummary[],
    startup: OpenedProject | null,
  ) {
    this.locale = settings.locale;
    this.appearance = { highContrast: settings.highContrast, largeText: settings.largeText };
    this.profile = startup?.project.profile ?? settings.profile;
    this.world = settings.world && worlds.some((w) => w.id === settings.world) ? settings.world : (worlds[0]?.id ?? null);
    this.layout = buildLayout(root);
    this.applyAppearanceToPage();
    const l = this.layout;
    this.editor = new Editor({
      container: l.editor,
      catalog: this.catalog(),
      media: './media/',
      locale: this.locale,
      appearance: this.appearance,
      workspace: startup?.project.workspace ?? STARTER_WORKSPACE,
    });
    this.sim = new SimView(l.simPanel, this.locale);
    this.robot = new RobotPanel(l.tabs.find((t) => t.id === 'robot')!.panel, api, this.locale, {
      workspace: () => this.editor.save(),
      showProblems: (problems) => this.runs.marks.showDiagnostics(problems),
    });
    const chartParts = this.chartPanel();
    this.chart = new SensorChart(chartParts.box, chartParts.empty, this.locale);
    this.code = new CodeView(l.tabs.find((t) => t.id === 'code')!.panel, this.locale);
    this.runs = new RunControls(api, this.editor, { run: l.run, stop: l.stop, step: l.step, state: l.runState }, {
      request: () => ({ profile: this.profile, target: this.robot.target, world: this.world }),
      started: (runId) => this.runStarted(runId),
      say: (text) => this.sim.say(text),
      banner: (text) => this.banner(text),
    }, this.locale);
    this.files = new ProjectFiles(api, host, l.fileInput, {
      workspace: () => this.editor.save(),
      blockCount: () => this.editor.blockCount(),
      profile: () => this.profile,
      opened: (opened) => this.showProject(opened),
      started: (project) => {
        this.lessons.close({ focus: false });
        this.showProject({ project, fileName: null, source: 'lesson' });
      },
      starterWorkspace: () => STARTER_WORKSPACE,
      notice: (text) => (l.saveState.textContent = text),
      banner: (text) => this.banner(text),
    }, this.locale);
    if (startup) this.files.adopt(startup);
    // What the page starts with (the last autosave, a lesson, the start block) counts as kept.
    this.files.markKept();
    this.lessons = this.lessonMode(host);
    this.workshop = this.workshopMode(host);
    this.wire();
    this.applyLocaleToPage();
    this.sim.setHighContrast(this.appearance.highContrast);
    const resume = startup?.project.lesson;
    this.started = this.load()
      .then(() => (resume ? this.lessons.open({ packId: resume.pack, lessonId: resume.lesson }, { keepWorkspace: true }) : undefined))
      .then(() => this.workshop.resume())
      .then(() => ({ editor: this.editor }));
  }

  private lessonMode(host: HostInfo): LessonMode {
    const l = this.layout;
    const lessons = new LessonMode(
      {
        api: this.api,
        host,
        setAllowedTypes: (types) => {
          this.lessonAllowed = types;
          this.editor.refreshToolbox();
        },
        loadProject: (project) => {
          const opened: OpenedProject = { project, fileName: null, source: 'lesson' };
          this.files.adopt(opened);
          this.showProject(opened);
          this.files.markKept();
          this.files.autosaveSoon();
        },
        linkLesson: (lesson) => {
          const { lesson: _old, ...project } = this.files.project();
          this.files.adopt({ project: { ...project, ...(lesson ? { lesson } : {}) }, fileName: null, source: 'lesson' });
          this.files.autosaveSoon();
        },
        workspace: () => this.editor.save(),
        profile: () => this.profile,
        stopRun: () => this.runs.stopIfRunning(),
        setLessonWorld: (lesson) => this.setLessonWorld(lesson),
        showDiagnostics: (diagnostics) => this.runs.marks.showDiagnostics(diagnostics),
        replay: () => void this.runs.replayInSimulator(),
        banner: (text) => this.banner(text),
        appearance: () => this.appearance,
        relayout: () => svgResize(this.editor.workspace),
        checked: (verdict) => this.workshop.verdict(verdict),
      },
      this.locale,
    );
    l.editor.before(lessons.panel.element);
    lessons.mount(l.root);
    return lessons;
  }

  private workshopMode(hostInfo: HostInfo): WorkshopMode {
    const l = this.layout;
    const workshop = new WorkshopMode(
      {
        api: this.api,
        hostInfo,
        lessons: this.lessons,
        lock: (locked) => this.lock(locked),
        cleanSlate: () => this.cleanSlate(),
        settleAutosave: () => this.files.settle(),
        autosaveNow: () => this.files.autosaveNow(),
        drawing: () => this.sim.snapshot(),
        projectLesson: () => this.files.project().lesson,
        banner: (text) => this.banner(text),
      },
      this.locale,
    );
    // The toolbar is full at 1366 px: the buttons sit on the editor's top-right corner, which Blockly leaves free.
    l.editor.append(h('div', { class: 'corner-buttons' }, workshop.button, this.lessons.button));
    workshop.mount(l.root, l.editor.closest('main') ?? l.editor);
    return workshop;
  }

  private lock(locked: boolean): void {
    this.locked = locked;
    document.body.classList.toggle('workshop-locked', locked);
    this.lessons.setLocked(locked);
    this.sim.worldSelect.disabled = locked;
  }

  /**
   * Nothing of the previous family on screen: the program stopped, a new project with only the
   * start block (no undo, an empty trash and clipboard), the simulator and chart cleared, no lesson.
   */
  private cleanSlate(): void {
    void this.api.stop().catch(() => undefined);
    const project: Project = { format: 'robokit-project', version: 1, name: ui('projectName', this.locale), profile: this.profile, workspace: STARTER_WORKSPACE };
    const opened: OpenedProject = { project, fileName: null, source: 'lesson' };
    this.files.adopt(opened);
    this.showProject(opened);
    this.lessons.close({ focus: false });
    this.editor.forgetHistory();
    this.files.markKept();
    this.banner(null);
    this.lastGoodCode = '';
    this.refreshCode(true);
  }

  /** The simulator's world choices: the built-in worlds, and the open lesson's. */
  private worldChoices(): readonly WorldSummary[] {
    return this.lessonWorld ? [...this.worlds, this.lessonWorld] : this.worlds;
  }

  private setLessonWorld(lesson: { readonly id: string; readonly world: World } | null): void {
    if (lesson) {
      if (!this.lessonWorld) this.freeWorld = this.world;
      this.lessonWorld = { id: lesson.id, name: lesson.world.name };
      this.world = lesson.id;
      this.sim.setWorlds(this.worldChoices(), lesson.id);
      this.sim.showWorld(lesson.world);
      return;
    }
    if (!this.lessonWorld) return;
    this.lessonWorld = null;
    this.world = this.freeWorld;
    this.sim.setWorlds(this.worldChoices(), this.world ?? '');
    void this.loadWorld();
  }

  private catalog(): EditorCatalog {
    return {
      definitions: (locale) => blockDefinitions(locale),
      toolbox: (locale) =>
        blocklyToolbox(
          buildToolbox(locale, {
            // A class's own robot (« Mon robot ») is not a built-in: its capabilities come from the host's list.
            capabilities: findProfile(this.profile)?.capabilities ?? this.robot.capabilitiesOf(this.profile) ?? [],
            ...(this.lessonAllowed ? { allowedTypes: this.lessonAllowed } : {}),
          }),
        ),
    };
  }

  private chartPanel(): { box: HTMLElement; empty: HTMLElement } {
    const panel = this.layout.tabs.find((t) => t.id === 'chart')!.panel;
    const title = document.createElement('h2');
    title.className = 'panel-title';
    title.dataset.ui = 'chartTitle';
    const empty = document.createElement('p');
    empty.className = 'panel-note';
    empty.dataset.ui = 'chartEmpty';
    const box = document.createElement('div');
    box.className = 'chart';
    box.id = 'sensor-chart';
    panel.append(title, empty, box);
    return { box, empty };
  }

  private async load(): Promise<void> {
    this.sim.setWorlds(this.worlds, this.world ?? '');
    await Promise.all([this.robot.load(this.profile), this.loadWorld()]);
  }

  private async loadWorld(): Promise<void> {
    if (!this.world) return;
    try {
      this.sim.showWorld(await this.api.getWorld({ id: this.world }));
    } catch (e) {
      this.banner(failureText(e, this.locale));
    }
  }

  private wire(): void {
    const l = this.layout;
    l.newProject.addEventListener('click', () => {
      if (!this.locked) void this.files.newProject();
    });
    l.open.addEventListener('click', () => {
      if (!this.locked) void this.files.open();
    });
    l.save.addEventListener('click', () => void this.files.save());
    l.undo.addEventListener('click', () => this.editor.undo());
    l.redo.addEventListener('click', () => this.editor.redo());
    l.bannerClose.addEventListener('click', () => this.banner(null));
    const display = l.root.querySelector<HTMLDetailsElement>('#display-menu');
    document.addEventListener('click', (e) => {
      if (display?.open && !display.contains(e.target as Node)) display.open = false;
    });
    l.language.addEventListener('change', () => void this.changeSettings({ locale: l.language.value === 'en' ? 'en' : 'fr' }));
    l.highContrast.addEventListener('change', () => void this.changeSettings({ highContrast: l.highContrast.checked }));
    l.largeText.addEventListener('change', () => void this.changeSettings({ largeText: l.largeText.checked }));
    this.sim.worldSelect.addEventListener('change', () => {
      this.world = this.sim.worldSelect.value;
      void this.loadWorld();
      // A lesson's world belongs to the lesson: only built-in worlds are remembered.
      if (this.worlds.some((w) => w.id === this.world)) void this.api.setSettings({ world: this.world }).catch(() => undefined);
    });
    this.robot.onDidChange(({ profile }) => {
      if (!profile || profile === this.profile) return;
      this.profile = profile;
      this.editor.refreshToolbox();
      this.files.autosaveSoon();
      this.updateCode();
      void this.api.setSettings({ profile }).catch(() => undefined);
    });
    this.editor.onDidChange(() => {
      this.files.autosaveSoon();
      this.updateCode();
      this.robot.programChanged();
    });
    wireTabs(l.tabs, (id: TabId) => {
      this.chart.setVisible(id === 'chart');
      this.codeVisible = id === 'code';
      if (this.codeVisible) this.refreshCode();
    });
    installShortcuts({
      undo: () => this.editor.undo(),
      redo: () => this.editor.redo(),
      save: () => void this.files.save(),
      inWorkspace: (target) => l.editor.contains(target as Node),
    });
    this.api.onDidUpdateSimulation((frame) => {
      if (this.acceptRun(frame.runId)) this.sim.applyFrame(frame);
    });
    this.api.onDidReadSensors((reading) => {
      if (!this.acceptRun(reading.runId)) return;
      this.sim.applySensors(reading);
      this.chart.add({
        t: reading.t,
        distanceCm: reading.distance ?? null,
        light: reading.light ?? null,
        lineLeft: reading.lineLeft ?? null,
        lineRight: reading.lineRight ?? null,
      });
    });
    this.api.onDidChangeSettings((settings) => this.applySettings(settings));
    this.api.onDidOpenProject((opened) => {
      // A file opened from outside does not break into a workshop.
      if (this.locked) return;
      this.files.adopt(opened);
      this.showProject(opened);
    });
  }

  /** Frames and readings of a newer run than the one shown start it (they may beat `run()`'s answer). */
  private acceptRun(runId: number): boolean {
    if (runId < this.runId) return false;
    if (runId > this.runId) this.runStarted(runId);
    return true;
  }

  private runStarted(runId: number): void {
    if (runId === this.runId) return;
    this.runId = runId;
    this.sim.reset();
    this.chart.clear();
  }

  private showProject(opened: OpenedProject): void {
    this.runs.marks.clearAll();
    // Nothing of the old program stays: its trail on the simulator, its sensor curves, its ending.
    this.sim.reset();
    this.chart.clear();
    this.runs.forgetEnding();
    if (opened.project.profile !== this.profile && findProfile(opened.project.profile)) {
      this.profile = opened.project.profile;
      this.robot.profileSelect.value = this.profile;
      this.editor.refreshToolbox();
    }
    this.editor.load(opened.project.workspace);
    this.updateCode();
    this.robot.programChanged();
    // A project from a file or a version: its lesson comes with it (a pupil's work from the ENT), or none.
    if (opened.source !== 'lesson') this.followProjectLesson(opened.project.lesson);
  }

  private followProjectLesson(lesson: OpenedProject['project']['lesson']): void {
    const current = this.lessons.lesson;
    if (!lesson) return this.lessons.close({ focus: false });
    if (current?.packId === lesson.pack && current.lessonId === lesson.lesson) return;
    void this.lessons.open({ packId: lesson.pack, lessonId: lesson.lesson }, { keepWorkspace: true });
  }

  private async changeSettings(patch: Partial<Settings>): Promise<void> {
    if (this.locked) return this.applySettings(await this.api.getSettings());
    try {
      this.applySettings(await this.api.setSettings(patch));
    } catch (e) {
      this.banner(failureText(e, this.locale));
    }
  }

  private applySettings(settings: Settings): void {
    const appearance = { highContrast: settings.highContrast, largeText: settings.largeText };
    const looksChanged = appearance.highContrast !== this.appearance.highContrast || appearance.largeText !== this.appearance.largeText;
    const localeChanged = settings.locale !== this.locale;
    this.appearance = appearance;
    this.locale = settings.locale;
    if (looksChanged) {
      this.applyAppearanceToPage();
      this.editor.setAppearance(appearance);
      this.sim.setHighContrast(appearance.highContrast);
    }
    if (localeChanged) {
      this.editor.setLocale(this.locale);
      this.applyLocaleToPage();
    }
    if (looksChanged || localeChanged) this.runs.reapply();
  }

  private applyAppearanceToPage(): void {
    const body = document.body.classList;
    body.toggle('high-contrast', this.appearance.highContrast);
    body.toggle('large-text', this.appearance.largeText);
    this.layout.highContrast.checked = this.appearance.highContrast;
    this.layout.largeText.checked = this.appearance.largeText;
  }

  private applyLocaleToPage(): void {
    const l = this.locale;
    applyTexts(this.layout.root, l);
    this.layout.language.value = l;
    this.sim.setLocale(l);
    this.sim.setWorlds(this.worldChoices(), this.world ?? '');
    this.robot.setLocale(l);
    this.chart.setLocale(l);
    this.code.setLocale(l);
    this.runs.setLocale(l);
    this.files.setLocale(l);
    this.lessons.setLocale(l);
    this.workshop.setLocale(l);
  }

  private banner(text: string | null): void {
    this.layout.bannerText.textContent = text ?? '';
    this.layout.banner.hidden = text === null;
  }

  /** The code view follows the blocks, but only while it is shown: a hidden view costs nothing. */
  private refreshCode(evenHidden = false): void {
    if (!this.codeVisible && !evenHidden) return;
    const profile = findProfile(this.profile) ?? BUILT_IN_PROFILES.sim!;
    const { program } = compile(this.editor.save(), { profile });
    if (program) this.lastGoodCode = compileProjectToJs(program, profile);
    this.code.show(this.lastGoodCode, program === null);
  }
}
