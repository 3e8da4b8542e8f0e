/**
 * New / open / save `.robokit` files and autosave. Saving asks for the project's name; starting a
 * new project or opening another asks first when the program on screen changed since it was last
 * saved or opened. In Electron the host shows its own file dialogs; in the browser a file is uploaded
 * (its text goes to the host, which validates it) and saving offers a download. Autosave sends the project to the host 700 ms after the last change, and at least every
 * second while changes keep coming; the host writes it atomically and keeps versions.
 */
import type { Locale } from '../../../core/i18n/messages';
import type { HostInfo, OpenedProject, Project, RobokitApi, WorkspaceJson } from '../../../shared/api';
import { markOpened } from '../bench/marks';
import { ask } from '../shell/ask';
import { debounce } from '../shell/dom';
import { download } from '../shell/download';
import { failureText } from '../shell/error-text';
import { ui, type UiKey } from '../shell/ui-text';

export const AUTOSAVE_DELAY_MS = 700;
/** Even while changes keep coming (a long drag), save at least this often. */
export const AUTOSAVE_MAX_WAIT_MS = 1000;

export interface ProjectFilesHooks {
  workspace(): WorkspaceJson;
  blockCount(): number;
  profile(): string;
  /** Show an opened project. */
  opened(opened: OpenedProject): void;
  /** A new, empty project (the starter blocks), with nothing left of the old one. */
  started(project: Project): void;
  /** The starter workspace of a new project. */
  starterWorkspace(): WorkspaceJson;
  notice(text: string): void;
  banner(text: string | null): void;
}

export class ProjectFiles {
  private name: string;
  private lesson: Project['lesson'] | undefined;
  readonly autosaveSoon: ReturnType<typeof debounce<[]>>;
  private autosaves = 0;
  /** The autosave on its way to the host, if any. */
  private inFlight: Promise<void> = Promise.resolve();
  /** The blocks as last saved, opened or started (a program that differs is unsaved work). */
  private kept: string | null = null;

  constructor(
    private readonly api: RobokitApi,
    private readonly host: HostInfo,
    private readonly fileInput: HTMLInputElement,
    private readonly hooks: ProjectFilesHooks,
    private locale: Locale,
  ) {
    this.name = ui('projectName', locale);
    this.autosaveSoon = debounce(() => void this.autosave(), AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS);
    fileInput.addEventListener('change', () => void this.uploaded());
    // Leaving the page: send what is pending now rather than lose it.
    window.addEventListener('pagehide', () => this.autosaveSoon.flush());
  }

  /** The last notice shown, said again in the new language when it changes. */
  private lastNotice: UiKey | null = null;

  setLocale(locale: Locale): void {
    this.locale = locale;
    if (this.lastNotice) this.hooks.notice(ui(this.lastNotice, locale));
  }

  private notice(key: UiKey): void {
    this.lastNotice = key;
    this.hooks.notice(ui(key, this.locale));
  }

  /** Remember the opened project's name and lesson, for the next save. */
  adopt(opened: OpenedProject): void {
    this.name = opened.project.name;
    this.lesson = opened.project.lesson;
  }

  /** Remembers the blocks on screen as saved (after an open, a save, a new project). */
  markKept(): void {
    this.kept = JSON.stringify(this.hooks.workspace());
  }

  get unsaved(): boolean {
    return this.kept !== null && JSON.stringify(this.hooks.workspace()) !== this.kept;
  }

  /** True when nothing unsaved would be lost, or the person agreed to replace it. */
  private async mayReplace(message: 'replaceNew' | 'replaceOpen'): Promise<boolean> {
    if (!this.unsaved) return true;
    const l = this.locale;
    return (await ask({ title: ui('replaceTitle', l), message: ui(message, l), ok: ui('replaceOk', l), cancel: ui('cancel', l) })) !== null;
  }

  async newProject(): Promise<void> {
    if (!(await this.mayReplace('replaceNew'))) return;
    const project: Project = { format: 'robokit-project', version: 1, name: ui('projectName', this.locale), profile: this.hooks.profile(), workspace: this.hooks.starterWorkspace() };
    this.adopt({ project, fileName: null, source: 'upload' });
    this.hooks.started(project);
    this.markKept();
    this.hooks.banner(null);
    this.notice('newDone');
    this.autosaveSoon();
  }

  project(): Project {
    return {
      format: 'robokit-project',
      version: 1,
      name: this.name,
      profile: this.hooks.profile(),
      workspace: this.hooks.workspace(),
      ...(this.lesson ? { lesson: this.lesson } : {}),
      updatedAt: new Date().toISOString(),
    };
  }

  async open(): Promise<void> {
    if (!(await this.mayReplace('replaceOpen'))) return;
    if (!this.host.fileDialogs) {
      this.fileInput.value = '';
      this.fileInput.click();
      return;
    }
    await this.guard(async () => {
      const opened = await this.api.openProject({ from: 'dialog' });
      if (opened) this.show(opened);
    }, true);
  }

  async save(): Promise<void> {
    const l = this.locale;
    // Electron's own save dialog asks for the name; the browser's download would not.
    const name = this.host.fileDialogs ? this.name : await ask({
      title: ui('saveAsTitle', l),
      input: { label: ui('saveAsLabel', l), value: this.name },
      ok: ui('saveAsOk', l),
      cancel: ui('cancel', l),
    });
    if (name === null) return;
    this.name = name;
    await this.guard(async () => {
      // A download is not kept by the host: autosave first, so the work survives a crash.
      this.autosaveSoon.cancel();
      await this.autosave();
      const result = await this.api.saveProject({ project: this.project() });
      if (result.status === 'cancelled') return;
      if (result.status === 'download') download(result.fileName, result.text, 'application/json');
      this.markKept();
      this.notice('saved');
    });
  }

  private async uploaded(): Promise<void> {
    performance.mark('robokit-open-start');
    const file = this.fileInput.files?.[0];
    if (!file) return;
    await this.guard(async () => {
      const text = await file.text();
      const opened = await this.api.openProject({ from: 'text', text, fileName: file.name });
      if (opened) this.show(opened);
    }, true);
  }

  private show(opened: OpenedProject): void {
    this.adopt(opened);
    this.hooks.opened(opened);
    this.markKept();
    markOpened(this.blockCount());
    this.hooks.banner(null);
    this.notice('opened');
    // The opened project is now the one to recover after a crash (saved after it is on screen).
    this.autosaveSoon();
  }

  private blockCount(): number {
    return this.hooks.blockCount();
  }

  /** Autosaves the project on screen now (not 700 ms later). */
  autosaveNow(): Promise<void> {
    this.autosaveSoon.cancel();
    return this.autosave();
  }

  /** No autosave pending or on its way (before the host forgets a workshop family's work). */
  async settle(): Promise<void> {
    this.autosaveSoon.cancel();
    await this.inFlight;
  }

  private autosave(): Promise<void> {
    this.inFlight = this.sendAutosave();
    return this.inFlight;
  }

  private async sendAutosave(): Promise<void> {
    const n = ++this.autosaves;
    try {
      await this.api.autosave({ project: this.project() });
      if (n === this.autosaves) this.notice('autosaved');
    } catch {
      this.notice('autosaveFailed');
    }
  }

  private async guard(action: () => Promise<void>, opening = false): Promise<void> {
    try {
      await action();
    } catch (e) {
      const text = failureText(e, this.locale);
      this.hooks.banner(opening ? `${ui('openFailed', this.locale)} ${text}` : text);
    }
  }
}
