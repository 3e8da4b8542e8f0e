/**
 * The facilitator's « Atelier » in the app: prepare it, run each team's turn (the pure steps of
 * `core/workshop/turn` driven by the wall clock), count tries and stars from Vérifier, swap roles
 * with a banner and a chime, let the facilitator pause, give time, skip or mark done on the real
 * robot, and between teams leave nothing of the previous family (« Famille suivante »). The session
 * is autosaved by the host at each change (every few seconds for the clock alone), and resumed after
 * a crash. The app is locked to the workshop until the facilitator's code is given.
 */
import { message, type Locale } from '../../../core/i18n/messages';
import { sessionsCsv } from '../../../core/workshop/csv';
import { addTeam, keepDrawing, serializeSession, type RouteStep, type Session } from '../../../core/workshop/session';
import * as turns from '../../../core/workshop/turn';
import type { HostInfo, LessonVerdict, RobokitApi } from '../../../shared/api';
import { openCertificate, openProjector } from '../projector/routes';
import type { LessonMode } from '../lessons/lesson-mode';
import { ask } from '../shell/ask';
import { failureText } from '../shell/error-text';
import { h } from '../shell/dom';
import { exportFile } from './export-file';
import { ScoreboardDialog } from './scoreboard-dialog';
import { prepareWorkshop } from './setup-dialog';
import { SwapBanner } from './swap-banner';
import { WelcomeScreen } from './welcome-screen';
import { WorkshopBar, type BarState } from './workshop-bar';
import { starText, wt } from './workshop-text';
import './workshop.css';

const TICK_MS = 1000;
/** The clock alone is autosaved this often; every other change at once. */
const CLOCK_SAVE_EVERY_S = 5;
const EXTRA_SECONDS = 120;

export interface WorkshopHost {
  readonly api: RobokitApi;
  readonly hostInfo: HostInfo;
  readonly lessons: LessonMode;
  /** Locks the app to the workshop (no settings, no other lessons, no files), or frees it. */
  lock(locked: boolean): void;
  /** Nothing of the family on screen: a blank editor (undo, trash and clipboard empty), the simulator, chart and marks cleared, the lesson closed. */
  cleanSlate(): void;
  /** No project autosave pending or on its way. */
  settleAutosave(): Promise<void>;
  /** Autosaves the project on screen now. */
  autosaveNow(): Promise<void>;
  /** The simulator's picture, small, as PNG data (null when there is none). */
  drawing(): string | null;
  /** The lesson of the project on screen (restored by the autosave after a crash). */
  projectLesson(): { readonly pack: string; readonly lesson: string } | undefined;
  banner(text: string | null): void;
}

type Notice = BarState['notice'];

export class WorkshopMode {
  readonly button = h('button', { type: 'button', class: 'btn workshop-button', id: 'workshop-button', 'aria-haspopup': 'dialog' });
  private readonly bar: WorkshopBar;
  private readonly welcome: WelcomeScreen;
  private readonly swap: SwapBanner;
  private readonly scores: ScoreboardDialog;
  private session: Session | null = null;
  private turn: turns.Turn | null = null;
  private titles = new Map<string, string>();
  private notice: Notice = null;
  /** A challenge was just passed or marked done: the clock waits for « Défi suivant ». */
  private awaitingNext = false;
  /** The turn as it was when the challenge was done: what the bar shows until « Défi suivant ». */
  private doneTurn: turns.Turn | null = null;
  /** The step the simulator's next picture belongs to (the one just passed, until « Défi suivant »). */
  private drawingStep: RouteStep | null = null;
  /** Which team and challenge each simulated run started in. */
  private readonly runSteps = new Map<number, { readonly team: string; readonly step: RouteStep } | null>();
  private ticker: ReturnType<typeof setInterval> | null = null;
  private lastTick = 0;
  private lastClockSave = 0;
  private saving: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly host: WorkshopHost,
    private locale: Locale,
  ) {
    const menu = {
      exportSession: () => this.exportSession(),
      exportCsv: () => this.exportCsv(),
      scoreboard: () => this.scores.show(),
      // Both open a tab: called in the click itself.
      projector: () => openProjector(host.api, host.hostInfo),
      certificates: () => void this.certificate(),
      leave: () => void this.leave(),
    };
    this.bar = new WorkshopBar(
      {
        ...menu,
        pause: () => this.change((t) => turns.setPaused(t, !t.paused)),
        extraTime: () => this.change((t) => turns.giveExtraTime(t, EXTRA_SECONDS), { kind: 'info', text: wt('extraGiven', this.locale) }),
        skip: () => void this.skip(),
        markDone: () => void this.markDone(),
        nextChallenge: () => void this.nextChallenge(),
        nextFamily: () => void this.confirmNextFamily(),
        certificate: () => void this.certificate(this.turn?.team),
      },
      locale,
    );
    this.welcome = new WelcomeScreen({ ...menu, start: (team) => void this.startTurn(team), addTeam: (nickname) => this.addLateTeam(nickname) }, locale);
    this.swap = new SwapBanner(locale);
    this.scores = new ScoreboardDialog(() => this.sessionToSave(), (name, text) => void exportFile(host.api, name, text, (e) => host.banner(failureText(e, this.locale))), locale);
    this.button.addEventListener('click', () => void this.prepare());
    host.api.onDidChangeRunState(({ runId, target, state }) => {
      if (target !== 'sim') return;
      // A run's picture belongs to the challenge it started in (a replay may end after « Défi suivant »).
      if (state === 'running' && !this.runSteps.has(runId)) this.runSteps.set(runId, this.drawingStep && this.turn ? { team: this.turn.team, step: this.drawingStep } : null);
      if (state === 'ended') {
        const of = this.runSteps.has(runId) ? this.runSteps.get(runId) : this.drawingStep && this.turn ? { team: this.turn.team, step: this.drawingStep } : null;
        this.runSteps.clear();
        if (of) requestAnimationFrame(() => requestAnimationFrame(() => this.keepDrawing(of.team, of.step)));
      }
    });
    this.setLocale(locale);
  }

  /** The bar goes above the work area; the welcome screen, the banner and the dialog at the end of `root`. */
  mount(root: HTMLElement, before: HTMLElement): void {
    before.before(this.bar.element);
    root.append(this.welcome.element, this.swap.element, this.scores.dialog);
  }

  get running(): boolean {
    return this.session !== null;
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.button.textContent = wt('workshop', locale);
    this.button.title = wt('prepare', locale);
    this.bar.setLocale(locale);
    this.welcome.setLocale(locale);
    this.swap.setLocale(locale);
    this.scores.setLocale(locale);
    this.render();
  }

  /** At start-up: a workshop under way (after a crash or a restart) comes back where it was. */
  async resume(): Promise<void> {
    let session: Session | null;
    try {
      session = await this.host.api.getWorkshop();
    } catch (e) {
      this.host.banner(failureText(e, this.locale));
      return;
    }
    if (!session) return;
    await this.begin(session);
    const turn = turns.resumeTurn(session);
    if (!turn || turns.finished(session, turn)) return this.showWelcome();
    const step = session.route.steps[turn.step]!;
    const onScreen = this.host.projectLesson();
    const same = onScreen?.pack === step.pack && onScreen.lesson === step.lesson;
    this.turn = turn;
    await this.host.lessons.open({ packId: step.pack, lessonId: step.lesson }, same ? { keepWorkspace: true } : { fresh: true });
    this.startTicking();
    this.render();
  }

  private async prepare(): Promise<void> {
    if (this.running) return;
    let cards;
    try {
      cards = await this.host.api.listLessons();
    } catch (e) {
      this.host.banner(failureText(e, this.locale));
      return;
    }
    const prepared = await prepareWorkshop(cards, this.locale);
    if (!prepared) return;
    try {
      await this.host.api.startWorkshop(prepared);
    } catch (e) {
      this.host.banner(failureText(e, this.locale));
      return;
    }
    await this.begin(prepared.session);
    this.host.cleanSlate();
    this.showWelcome();
  }

  private async begin(session: Session): Promise<void> {
    this.session = session;
    this.host.lock(true);
    this.button.hidden = true;
    try {
      const cards = await this.host.api.listLessons();
      this.titles = new Map(cards.map((c) => [`${c.packId}/${c.lessonId}`, c.title[this.locale]]));
    } catch {
      this.titles = new Map();
    }
  }

  private showWelcome(added?: string): void {
    const session = this.session;
    if (!session) return;
    this.bar.hide();
    const played = new Set(session.tries.map((t) => t.team));
    this.welcome.show(session.title, session.teams, played, added);
  }

  private addLateTeam(nickname: string): string | null {
    if (!this.session) return null;
    const added = addTeam(this.session, nickname);
    if (!added.ok) return message(added.error.code, this.locale, added.error.params);
    this.session = added.session;
    this.save();
    this.showWelcome(added.team.id);
    return null;
  }

  private async startTurn(team: string): Promise<void> {
    const session = this.session;
    if (!session || this.turn) return;
    this.turn = turns.startTurn(team);
    this.doneTurn = null;
    this.notice = null;
    this.awaitingNext = false;
    this.welcome.hide();
    await this.openStep();
    this.startTicking();
    this.save();
  }

  /** The turn's current challenge, from its starter (never another family's saved work). */
  private async openStep(): Promise<void> {
    const step = this.session && this.turn ? this.session.route.steps[this.turn.step] : undefined;
    this.drawingStep = step ?? null;
    this.render();
    if (step) await this.host.lessons.open({ packId: step.pack, lessonId: step.lesson }, { fresh: true });
    this.render();
  }

  /** Vérifier: the try counts; a pass shows its stars and waits for « Défi suivant ». */
  verdict(verdict: LessonVerdict): void {
    const session = this.session;
    const turn = this.turn;
    if (!session || !turn || this.awaitingNext || verdict.reason === null) return;
    const ended = turns.verify(session, turn, verdict.passed, verdict.stars, new Date().toISOString());
    this.session = ended.session;
    this.turn = ended.turn;
    this.doneTurn = { ...turn, tries: turn.tries + 1 };
    if (verdict.passed) this.waitForNext({ kind: 'ok', text: wt('passed', this.locale, { stars: starText(verdict.stars) }) });
    this.save();
    this.render();
  }

  private async markDone(): Promise<void> {
    const l = this.locale;
    const typed = await ask({ title: wt('markDoneTitle', l), input: { label: wt('markDoneAsk', l), value: '3' }, ok: wt('ok', l), cancel: wt('cancel', l) });
    if (typed === null || !this.session || !this.turn || this.awaitingNext) return;
    const stars = Math.max(0, Math.min(3, Math.round(Number(typed.replace(',', '.'))) || 0));
    const ended = turns.markDone(this.session, this.turn, stars, new Date().toISOString());
    this.doneTurn = { ...this.turn, tries: this.turn.tries + 1 };
    this.session = ended.session;
    this.turn = ended.turn;
    this.waitForNext({ kind: 'ok', text: wt('markedDone', l, { stars: starText(stars) }) });
    this.save();
    this.render();
  }

  private async skip(): Promise<void> {
    if (!this.session || !this.turn || this.awaitingNext) return;
    const ended = turns.skip(this.session, this.turn, new Date().toISOString());
    this.doneTurn = this.turn;
    this.session = ended.session;
    this.turn = ended.turn;
    this.notice = { kind: 'info', text: wt(turns.finished(ended.session, ended.turn) ? 'routeDone' : 'skipped', this.locale) };
    this.save();
    if (!turns.finished(ended.session, ended.turn)) await this.openStep();
    this.render();
  }

  private waitForNext(notice: NonNullable<Notice>): void {
    const finished = this.session && this.turn ? turns.finished(this.session, this.turn) : true;
    this.awaitingNext = !finished;
    this.notice = finished ? { kind: 'ok', text: `${notice.text} ${wt('routeDone', this.locale)}` } : notice;
  }

  private async nextChallenge(): Promise<void> {
    if (!this.awaitingNext) return;
    this.awaitingNext = false;
    this.notice = null;
    this.doneTurn = null;
    this.lastTick = performance.now();
    await this.openStep();
  }

  /**
   * « Famille suivante » beside « Réussi sur le robot »: a family still on its route loses its turn
   * only when the facilitator says so; after the route's last challenge it goes at once.
   */
  private async confirmNextFamily(): Promise<void> {
    const session = this.session;
    const turn = this.turn;
    if (session && turn && !turns.finished(session, turn)) {
      const l = this.locale;
      const nickname = session.teams.find((t) => t.id === turn.team)?.nickname ?? turn.team;
      const said = await ask({ title: wt('endTurnTitle', l, { nickname }), message: wt('endTurnAsk', l), ok: wt('nextFamily', l), cancel: wt('keepPlaying', l) });
      if (said === null || this.session !== session) return;
    }
    await this.nextFamily();
  }

  /**
   * « Famille suivante »: the turn ends (its results stay in the session), the welcome screen covers
   * everything at once, then the editor, simulator and lesson are emptied, the program stopped, and
   * the host forgets the family's work (autosave, versions, lesson work). `data-reset-ms` says how long it took.
   */
  private async nextFamily(): Promise<void> {
    if (!this.session) return;
    const began = performance.now();
    delete this.welcome.element.dataset.resetMs;
    this.stopTicking();
    this.session = turns.endTurn(this.session);
    this.turn = null;
    this.doneTurn = null;
    this.awaitingNext = false;
    this.notice = null;
    this.drawingStep = null;
    this.swap.hide();
    this.showWelcome();
    this.save();
    const phases: number[] = [];
    const mark = () => phases.push(Math.round(performance.now() - began));
    await this.forgetFamily(mark);
    await this.saving;
    mark();
    this.welcome.element.dataset.resetPhases = phases.join(',');
    this.welcome.element.dataset.resetMs = String(Math.round(performance.now() - began));
  }

  private async forgetFamily(mark: () => void = () => undefined): Promise<void> {
    this.host.cleanSlate();
    this.host.banner(null);
    mark();
    try {
      await this.host.settleAutosave();
      mark();
      await this.host.api.nextFamily();
      mark();
      await this.host.autosaveNow();
      mark();
    } catch (e) {
      this.host.banner(failureText(e, this.locale));
    }
  }

  private async leave(): Promise<void> {
    const l = this.locale;
    const code = await ask({ title: wt('leave', l), input: { label: wt('leaveAsk', l), value: '', secret: true }, ok: wt('leave', l), cancel: wt('cancel', l) });
    if (code === null || !this.session) return;
    let ok = false;
    try {
      await this.saving;
      ok = (await this.host.api.endWorkshop({ code })).ok;
    } catch (e) {
      this.host.banner(failureText(e, l));
      return;
    }
    if (!ok) return this.host.banner(wt('leaveWrong', l));
    this.stopTicking();
    this.session = null;
    this.turn = null;
    this.host.cleanSlate();
    this.bar.hide();
    this.swap.hide();
    this.host.lock(false);
    this.button.hidden = false;
    this.welcome.hide();
    this.host.banner(wt('left', l));
    await this.host.settleAutosave();
    await this.host.autosaveNow();
  }

  /** A team's certificate (every team's without one); the saved session is what it prints. */
  private async certificate(team?: string): Promise<void> {
    try {
      const why = await openCertificate(this.host.api, this.host.hostInfo, team);
      if (why) this.host.banner(why);
    } catch (e) {
      this.host.banner(failureText(e, this.locale));
    }
  }

  private exportSession(): void {
    const session = this.sessionToSave();
    if (session) void exportFile(this.host.api, `${session.id}.robokitsession`, serializeSession(session), (e) => this.host.banner(failureText(e, this.locale)));
  }

  private exportCsv(): void {
    const session = this.sessionToSave();
    if (session) void exportFile(this.host.api, `${session.id}.csv`, sessionsCsv([session]), (e) => this.host.banner(failureText(e, this.locale)));
  }

  private sessionToSave(): Session | null {
    if (!this.session) return null;
    if (!this.turn) return this.session;
    // While « Défi suivant » waits, the clock stands still (the projector's too).
    return turns.withCurrent(this.session, this.awaitingNext ? turns.setPaused(this.turn, true) : this.turn);
  }

  /** The simulator's picture after a run, kept for the team's certificate (one per challenge), while that team still plays. */
  private keepDrawing(team: string, step: RouteStep): void {
    if (!this.session || this.turn?.team !== team) return;
    const png = this.host.drawing();
    if (!png) return;
    this.session = keepDrawing(this.session, { team, pack: step.pack, lesson: step.lesson, png });
    this.save();
  }

  private change(step: (turn: turns.Turn) => turns.Turn, notice?: Notice): void {
    if (!this.turn) return;
    this.turn = step(this.turn);
    if (notice !== undefined) this.notice = notice;
    this.lastTick = performance.now();
    this.save();
    this.render();
  }

  private startTicking(): void {
    this.stopTicking();
    this.lastTick = performance.now();
    this.ticker = setInterval(() => this.tick(), TICK_MS);
  }

  private stopTicking(): void {
    if (this.ticker !== null) clearInterval(this.ticker);
    this.ticker = null;
  }

  private tick(): void {
    const now = performance.now();
    const seconds = (now - this.lastTick) / 1000;
    this.lastTick = now;
    if (!this.session || !this.turn || this.awaitingNext) return;
    const { turn, swapped, timeUp } = turns.advance(this.session, this.turn, seconds);
    this.turn = turn;
    if (swapped) this.swap.show(turns.swapBanner(turn));
    if (timeUp) this.notice = { kind: 'warn', text: wt('timeUp', this.locale) };
    if (swapped || timeUp || turn.elapsed - this.lastClockSave >= CLOCK_SAVE_EVERY_S || turn.elapsed < this.lastClockSave) this.save();
    this.render();
  }

  /** The host keeps the session (one save at a time, in order); the projector page follows it. */
  private save(): void {
    const session = this.sessionToSave();
    if (!session) return;
    this.lastClockSave = this.turn?.elapsed ?? 0;
    this.saving = this.saving
      .then(() => this.host.api.saveWorkshop({ session }))
      .catch((e: unknown) => this.host.banner(failureText(e, this.locale)));
  }

  private render(): void {
    const session = this.session;
    const turn = this.turn;
    if (!session || !turn) return;
    // While « Défi suivant » waits (or the route is done), the bar still shows the challenge just done.
    const finished = turns.finished(session, turn);
    const view = (this.awaitingNext || finished) && this.doneTurn ? this.doneTurn : turn;
    const shown = view.step;
    const step = session.route.steps[shown];
    const nickname = session.teams.find((t) => t.id === turn.team)?.nickname ?? turn.team;
    this.bar.render({
      nickname,
      step: shown + 1,
      total: session.route.steps.filter((s) => !s.bonus).length,
      bonus: step?.bonus === true,
      challenge: step ? (this.titles.get(`${step.pack}/${step.lesson}`) ?? step.lesson) : '',
      elapsed: view.elapsed,
      limit: turns.limitSeconds(session, view),
      paused: turn.paused,
      pilot: view.pilot,
      tries: view.tries,
      notice: this.notice,
      awaitingNext: this.awaitingNext,
      finished: finished && !this.awaitingNext,
    });
    if (!finished && !this.awaitingNext) this.host.lessons.panel.followTurn({ elapsed: turn.elapsed, swaps: turn.swaps, swapEvery: session.route.swapSeconds });
  }
}
