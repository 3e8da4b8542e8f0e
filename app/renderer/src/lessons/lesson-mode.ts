/**
 * Lessons in the app: the "Leçons" button and its library, and while a lesson is open, the lesson
 * panel, the lesson's toolbox only, its starter (or the pupil's saved work on it), its world in the
 * simulator, "Vérifier" (the host runs the challenge), and the teacher space: the teacher notes, the
 * printable lesson sheet and pupil card, and the solution view.
 * The app gives it a few hooks (`LessonHost`) to reach the editor, the project and the simulator.
 */
import type { Locale } from '../../../core/i18n/messages';
import type { ApiErrorData, HostInfo, LessonCard, LessonRef, LessonVerdict, OpenedLesson, Project, RobokitApi, TeacherNotesView, World, WorkspaceJson } from '../../../shared/api';
import type { Appearance } from '../editor/themes';
import { h } from '../shell/dom';
import { ask } from '../shell/ask';
import { failureText } from '../shell/error-text';
import { LessonPanel } from './lesson-panel';
import { lt } from './lesson-text';
import { LibraryView } from './library-view';
import { PrintView } from './print-view';
import { SolutionView } from './solution-view';
import { TeacherDialog, type PrintKind } from './teacher-dialog';
import './lessons.css';

export interface LessonHost {
  readonly api: RobokitApi;
  readonly host: HostInfo;
  /** Restrict the editor's toolbox to these block types; null: the whole catalog again. */
  setAllowedTypes(types: readonly string[] | null): void;
  /** Show this project in the editor; it becomes the project autosave keeps. */
  loadProject(project: Project): void;
  /** Link (or unlink) the current project to a lesson, keeping its blocks. */
  linkLesson(lesson: Project['lesson'] | undefined): void;
  workspace(): WorkspaceJson;
  profile(): string;
  /** Stops the program if one runs (the replay after « Vérifier »), so a lesson's world starts with its robot at the start. */
  stopRun(): Promise<void>;
  /** Show and run in the lesson's world; null: back to the chosen built-in world. */
  setLessonWorld(world: { readonly id: string; readonly world: World } | null): void;
  showDiagnostics(diagnostics: readonly ApiErrorData[]): void;
  /** Plays the judged program on the simulator, so the pupil sees the run the verdict is about. */
  replay(): void;
  banner(text: string | null): void;
  appearance(): Appearance;
  /** The lesson panel appeared or went: the editor's size changed. */
  relayout(): void;
  /** Vérifier gave a verdict (a workshop counts the try and its stars). */
  checked?(verdict: LessonVerdict): void;
}

export class LessonMode {
  readonly button = h('button', { type: 'button', class: 'btn btn-primary lessons-button', id: 'lessons-button', 'aria-haspopup': 'dialog' });
  readonly library: LibraryView;
  readonly panel: LessonPanel;
  private readonly solution: SolutionView;
  private readonly teacherNotes: TeacherDialog;
  private readonly printView: PrintView;
  /** The open lesson's teacher notes, once the teacher space asked for them. */
  private notes: TeacherNotesView | null = null;
  private current: OpenedLesson | null = null;
  /** The lesson after the open one in its pack, if any. */
  private next: LessonCard | null = null;
  private checks = 0;
  /** In a workshop: no library, no leaving the lesson (the workshop chooses it). */
  private locked = false;

  constructor(
    private readonly app: LessonHost,
    private locale: Locale,
  ) {
    this.library = new LibraryView(app.api, app.host, { open: (ref) => void this.open(ref) }, locale);
    this.panel = new LessonPanel(
      {
        check: () => void this.check(),
        close: () => this.close(),
        restart: () => this.restart(),
        showSolution: () => void this.showSolution(),
        showTeacherNotes: () => void this.showTeacherNotes(),
        relayout: () => this.app.relayout(),
        unlockTeacher: () => this.unlockTeacher(),
        openNextLesson: () => this.openNext(),
      },
      locale,
      () => this.app.appearance(),
    );
    this.solution = new SolutionView(locale);
    this.teacherNotes = new TeacherDialog(locale, (kind) => this.print(kind), () => this.app.appearance());
    this.printView = new PrintView(locale, () => this.app.appearance());
    this.button.addEventListener('click', () => {
      if (!this.locked) void this.library.show();
    });
    this.setLocale(locale);
  }

  /** The dialogs live at the end of `root`; the button and panel where the app puts them. */
  mount(root: HTMLElement): void {
    root.append(this.library.dialog, this.solution.dialog, this.teacherNotes.dialog);
    // Beside the app, not inside it: the print style sheet prints this alone.
    document.body.append(this.printView.element);
  }

  get lesson(): LessonRef | null {
    return this.current ? { packId: this.current.card.packId, lessonId: this.current.card.lessonId } : null;
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.button.textContent = lt('lessons', locale);
    this.library.setLocale(locale);
    this.panel.setLocale(locale);
    this.solution.setLocale(locale);
    this.teacherNotes.setLocale(locale);
    this.printView.setLocale(locale);
  }

  /** A workshop locks the lessons to its route: the library and « Quitter la leçon » are gone. */
  setLocked(locked: boolean): void {
    this.locked = locked;
    if (locked && this.library.dialog.open) this.library.dialog.close();
    if (locked) {
      this.next = null;
      this.panel.setNextLesson(null);
    }
  }

  /**
   * Opens a lesson: its saved work if the pupil started it before, else its starter; `fresh`: the
   * starter whatever was saved (a workshop's next family); `keepWorkspace`: the blocks on screen.
   */
  async open(ref: LessonRef, options: { readonly keepWorkspace?: boolean; readonly fresh?: boolean } = {}): Promise<boolean> {
    let lesson: OpenedLesson;
    try {
      lesson = await this.app.api.openLesson(ref);
    } catch (e) {
      this.app.banner(failureText(e, this.locale));
      return false;
    }
    // The last lesson's run would go on drawing its robot in the new world.
    await this.app.stopRun();
    this.current = lesson;
    this.notes = null;
    this.teacherNotes.close();
    this.app.banner(null);
    this.app.setAllowedTypes(lesson.allowedTypes);
    if (options.keepWorkspace) this.app.linkLesson(lesson.starter.lesson);
    else this.app.loadProject(options.fresh ? lesson.starter : (lesson.saved ?? lesson.starter));
    this.app.setLessonWorld(lesson.world && lesson.worldId ? { id: lesson.worldId, world: lesson.world } : null);
    this.panel.show(lesson);
    this.app.relayout();
    void this.offerNext(lesson);
    return true;
  }

  /** The lesson after `lesson` in its pack, offered once its challenge is passed (not in a workshop: it picks the lessons). */
  private async offerNext(lesson: OpenedLesson): Promise<void> {
    this.next = null;
    if (this.locked) return;
    let cards: LessonCard[];
    try {
      cards = await this.app.api.listLessons();
    } catch {
      return; // Only an offer: the library is still there.
    }
    const pack = cards.filter((c) => c.packId === lesson.card.packId);
    const at = pack.findIndex((c) => c.lessonId === lesson.card.lessonId);
    if (this.current !== lesson || this.locked || at < 0) return;
    this.next = pack[at + 1] ?? null;
    this.panel.setNextLesson(this.next);
  }

  private openNext(): void {
    const next = this.next;
    if (next && !this.locked) void this.open({ packId: next.packId, lessonId: next.lessonId });
  }

  close(options: { readonly focus?: boolean } = {}): void {
    if (!this.current) return;
    this.current = null;
    this.next = null;
    this.notes = null;
    this.teacherNotes.close();
    this.printView.close();
    this.panel.hide();
    this.app.setAllowedTypes(null);
    this.app.linkLesson(undefined);
    this.app.setLessonWorld(null);
    this.app.relayout();
    if (options.focus !== false) this.button.focus();
  }

  private restart(): void {
    if (!this.current) return;
    this.panel.showVerdict(null);
    this.app.loadProject(this.current.starter);
  }

  private async check(): Promise<void> {
    const ref = this.lesson;
    if (!ref) return;
    const n = ++this.checks;
    this.panel.setChecking(true);
    try {
      const verdict = await this.app.api.checkLesson({ ...ref, workspace: this.app.workspace(), profile: this.app.profile() });
      if (n !== this.checks || !this.current) return;
      this.app.showDiagnostics(verdict.diagnostics);
      this.panel.showVerdict(verdict);
      if (verdict.reason !== null) this.app.replay();
      this.app.checked?.(verdict);
    } catch (e) {
      this.app.banner(failureText(e, this.locale));
    } finally {
      if (n === this.checks) this.panel.setChecking(false);
    }
  }

  /** The adult's code: chosen the first time, asked after that. The host checks it. */
  private async unlockTeacher(): Promise<boolean> {
    const l = this.locale;
    const api = this.app.api;
    try {
      const { set } = await api.getTeacherCodeState();
      const code = await ask({
        title: lt('teacherCodeTitle', l),
        ...(set ? {} : { message: lt('teacherCodeNew', l) }),
        input: { label: lt('teacherCodeAsk', l), value: '', secret: true },
        ok: lt('teacherCodeOk', l),
        cancel: lt('teacherCodeCancel', l),
      });
      if (code === null) return false;
      const ok = set ? await api.unlockTeacher({ code }) : (await api.setTeacherCode({ code })).ok;
      this.app.banner(ok ? null : lt(set ? 'teacherCodeWrong' : 'teacherCodeShort', l));
      return ok;
    } catch (e) {
      this.app.banner(failureText(e, l));
      return false;
    }
  }

  private async showSolution(): Promise<void> {
    const ref = this.lesson;
    if (!ref) return;
    try {
      const project = await this.app.api.getLessonSolution(ref);
      this.solution.show(project.workspace, this.app.appearance());
    } catch (e) {
      this.app.banner(failureText(e, this.locale));
    }
  }

  private async showTeacherNotes(): Promise<void> {
    const ref = this.lesson;
    const lesson = this.current;
    if (!ref || !lesson) return;
    try {
      this.notes ??= await this.app.api.getTeacherNotes(ref);
      if (this.current !== lesson) return;
      this.teacherNotes.show(lesson.card.title[this.locale], this.notes);
    } catch (e) {
      this.app.banner(failureText(e, this.locale));
    }
  }

  /** « Imprimer la fiche » / « Imprimer la carte élève »: the printable page, then the print dialog. */
  private print(kind: PrintKind): void {
    const lesson = this.current;
    if (!lesson || !this.notes) return;
    this.teacherNotes.close();
    this.printView.show(kind, lesson, this.notes, () => void this.showTeacherNotes());
  }
}
