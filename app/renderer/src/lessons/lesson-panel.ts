/**
 * The lesson panel beside the editor: the lesson's title, its steps with Précédent / Suivant, a hint
 * on demand, the pair roles and timer for pair and parent–child lessons, the challenge with
 * "Vérifier" and its verdict (stars, and a kind sentence per condition), "Recommencer" and the
 * teacher space (behind the adult's code). A view: what the buttons do comes from `LessonPanelHooks`.
 */
import { numberText } from '../../../core/i18n/numbers';
import { message, type Locale } from '../../../core/i18n/messages';
import type { LessonCard, LessonVerdict, OpenedLesson } from '../../../shared/api';
import { h } from '../shell/dom';
import { ui } from '../shell/ui-text';
import { apiErrorText } from '../shell/error-text';
import { challengeSentence, lt, modeText } from './lesson-text';
import { PairTimer } from './pair-timer';
import type { Appearance } from '../editor/themes';
import { drawBlocks } from './block-pictures';
import { stepFragment } from './step-html';

export interface LessonPanelHooks {
  check(): void;
  close(): void;
  restart(): void;
  showSolution(): void;
  /** Opens the teacher notes (with the print buttons); only offered once the teacher space is open. */
  showTeacherNotes(): void;
  /** Asks for the teacher's code (or has the adult choose one); true when the space may open. */
  unlockTeacher(): Promise<boolean>;
  /** The panel changed width (folded or unfolded): the editor takes the room. */
  relayout(): void;
  /** « Leçon suivante »: opens the lesson after this one in its pack. */
  openNextLesson(): void;
}

export class LessonPanel {
  readonly element: HTMLElement;
  private readonly pack = h('p', { class: 'lesson-pack', id: 'lesson-pack' });
  private readonly title = h('h2', { class: 'lesson-title', id: 'lesson-title', tabindex: -1 });
  private readonly meta = h('p', { class: 'card-meta', id: 'lesson-meta' });
  private readonly closeButton = h('button', { type: 'button', class: 'btn btn-icon lesson-close', id: 'lesson-close' }, h('span', { 'aria-hidden': 'true' }, '×'));
  /** Folds the panel to a narrow strip, so the blocks get the room on a small screen. */
  private readonly foldButton = h('button', { type: 'button', class: 'btn btn-icon lesson-fold', id: 'lesson-fold', 'aria-expanded': 'true' }, h('span', { 'aria-hidden': 'true' }, '◀'));
  private readonly unfoldButton = h('button', { type: 'button', class: 'btn lesson-unfold', id: 'lesson-unfold', 'aria-expanded': 'false' });
  private readonly pairSlot = h('div', { class: 'pair-slot' });
  private readonly stepCount = h('p', { class: 'step-count', id: 'step-count', 'aria-live': 'polite' });
  private readonly stepBody = h('div', { class: 'step-body', id: 'step-body' });
  private readonly hintButton = h('button', { type: 'button', class: 'btn btn-hint', id: 'lesson-hint', 'aria-expanded': 'false', 'aria-controls': 'hint-box' });
  private readonly hintBox = h('div', { class: 'hint', id: 'hint-box' });
  private readonly prev = h('button', { type: 'button', class: 'btn', id: 'lesson-prev' });
  private readonly next = h('button', { type: 'button', class: 'btn btn-primary', id: 'lesson-next' });
  private readonly challengeBox = h('section', { class: 'lesson-challenge', 'aria-labelledby': 'challenge-title' });
  private readonly challengeTitle = h('h3', { id: 'challenge-title', class: 'challenge-title' });
  private readonly challengeSummary = h('p', { id: 'challenge-summary', class: 'challenge-summary' });
  private readonly checkButton = h('button', { type: 'button', class: 'btn btn-check', id: 'lesson-check' });
  private readonly verdictBox = h('div', { class: 'verdict', id: 'lesson-verdict', role: 'status', 'aria-live': 'polite' });
  /** Offered once the challenge is passed, so a pupil goes on without looking for the pack in the library. */
  private readonly nextLessonButton = h('button', { type: 'button', class: 'btn btn-primary lesson-next-lesson', id: 'lesson-next-lesson' });
  private nextLesson: LessonCard | null = null;
  private readonly restartButton = h('button', { type: 'button', class: 'btn btn-small', id: 'lesson-restart' });
  /** Opens the teacher space (the hooks ask for the code) or closes it. */
  private readonly teacher = h('button', { type: 'button', class: 'btn btn-small', id: 'teacher-mode', 'aria-pressed': 'false' });
  private teacherOpen = false;
  private readonly solutionButton = h('button', { type: 'button', class: 'btn btn-small', id: 'show-solution' });
  private readonly notesButton = h('button', { type: 'button', class: 'btn btn-small', id: 'show-teacher-notes' });
  private lesson: OpenedLesson | null = null;
  private step = 0;
  private verdict: LessonVerdict | null = null;
  private checking = false;
  private timer: PairTimer | null = null;

  constructor(
    private readonly hooks: LessonPanelHooks,
    private locale: Locale,
    /** How the editor draws blocks (the blocks in steps are drawn the same way). */
    private readonly appearance: () => Appearance = () => ({ highContrast: false, largeText: false }),
  ) {
    this.hintBox.hidden = true;
    this.solutionButton.hidden = true;
    this.notesButton.hidden = true;
    this.nextLessonButton.hidden = true;
    this.challengeBox.append(this.challengeTitle, this.challengeSummary, this.checkButton, this.verdictBox, this.nextLessonButton);
    this.element = h(
      'aside',
      { id: 'lesson-panel', class: 'lesson-panel', 'aria-labelledby': 'lesson-title' },
      this.unfoldButton,
      h('div', { class: 'lesson-head' }, h('div', {}, this.pack, this.title), h('div', { class: 'lesson-head-buttons' }, this.foldButton, this.closeButton)),
      this.meta,
      this.pairSlot,
      h(
        'section',
        { class: 'lesson-step', 'aria-labelledby': 'step-count' },
        this.stepCount,
        this.stepBody,
        this.hintButton,
        this.hintBox,
        h('div', { class: 'step-nav' }, this.prev, this.next),
      ),
      this.challengeBox,
      h(
        'div',
        { class: 'lesson-foot' },
        this.restartButton,
        this.teacher,
        this.notesButton,
        this.solutionButton,
      ),
    );
    this.element.hidden = true;
    this.wire();
  }

  show(lesson: OpenedLesson): void {
    this.lesson = lesson;
    this.step = 0;
    this.verdict = null;
    this.nextLesson = null;
    this.timer?.dispose();
    this.timer = lesson.card.mode === 'solo' ? null : new PairTimer(lesson.card.mode, this.locale);
    this.pairSlot.replaceChildren(...(this.timer ? [this.timer.element] : []));
    this.teacherOpen = false;
    this.element.hidden = false;
    this.render();
    this.title.focus();
  }

  /** A workshop's turn drives the roles and the clock (a solo lesson in a workshop gets them too: a parent and a child). */
  followTurn(state: { readonly elapsed: number; readonly swaps: number; readonly swapEvery: number }): void {
    if (!this.lesson) return;
    if (!this.timer) {
      this.timer = new PairTimer('parent-child', this.locale);
      this.pairSlot.replaceChildren(this.timer.element);
    }
    this.timer.follow(state);
  }

  /** The hint as the host rendered it (blocks drawn), or its plain text from an older host. */
  private hintContent(step: OpenedLesson['steps'][number] | undefined, l: Locale): (Node | string)[] {
    if (step?.hintHtml) return [stepFragment(step.hintHtml[l])];
    return [step?.hint?.[l] ?? ''];
  }

  hide(): void {
    this.timer?.dispose();
    this.timer = null;
    this.lesson = null;
    this.verdict = null;
    this.nextLesson = null;
    this.nextLessonButton.hidden = true;
    // Nothing of the last verdict stays in the page (a workshop's next family).
    this.verdictBox.replaceChildren();
    this.element.hidden = true;
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.timer?.setLocale(locale);
    this.render();
  }

  setChecking(checking: boolean): void {
    this.checking = checking;
    this.render();
  }

  showVerdict(verdict: LessonVerdict | null): void {
    this.verdict = verdict;
    this.render();
    if (verdict) (this.nextLessonButton.hidden ? this.verdictBox : this.nextLessonButton).scrollIntoView({ block: 'nearest' });
  }

  /** The lesson after this one in its pack (null: the last, or none to offer). */
  setNextLesson(card: LessonCard | null): void {
    this.nextLesson = card;
    this.render();
  }

  /** Folded: only a « Leçon » strip is left; unfolded: the whole lesson. */
  setFolded(folded: boolean): void {
    this.element.classList.toggle('folded', folded);
    this.foldButton.setAttribute('aria-expanded', String(!folded));
    this.unfoldButton.setAttribute('aria-expanded', String(!folded));
    this.hooks.relayout();
    (folded ? this.unfoldButton : this.foldButton).focus();
  }

  private wire(): void {
    this.foldButton.addEventListener('click', () => this.setFolded(true));
    this.unfoldButton.addEventListener('click', () => this.setFolded(false));
    this.prev.addEventListener('click', () => this.go(-1));
    this.next.addEventListener('click', () => this.go(1));
    this.hintButton.addEventListener('click', () => {
      this.hintBox.hidden = !this.hintBox.hidden;
      this.render();
    });
    this.checkButton.addEventListener('click', () => this.hooks.check());
    this.nextLessonButton.addEventListener('click', () => this.hooks.openNextLesson());
    this.closeButton.addEventListener('click', () => this.hooks.close());
    this.restartButton.addEventListener('click', () => {
      if (window.confirm(lt('restartConfirm', this.locale))) this.hooks.restart();
    });
    this.teacher.addEventListener('click', () => {
      if (this.teacherOpen) {
        this.teacherOpen = false;
        return this.render();
      }
      void this.hooks.unlockTeacher().then((open) => {
        this.teacherOpen = open;
        this.render();
        if (open) this.notesButton.focus();
      });
    });
    this.solutionButton.addEventListener('click', () => this.hooks.showSolution());
    this.notesButton.addEventListener('click', () => this.hooks.showTeacherNotes());
  }

  private go(delta: number): void {
    const total = this.lesson?.steps.length ?? 0;
    const to = Math.min(Math.max(this.step + delta, 0), Math.max(total - 1, 0));
    if (to === this.step) return;
    this.step = to;
    this.hintBox.hidden = true;
    this.render();
  }

  private render(): void {
    const lesson = this.lesson;
    if (!lesson) return;
    const l = this.locale;
    const card = lesson.card;
    this.foldButton.setAttribute('aria-label', ui('lessonCollapse', l));
    this.foldButton.title = ui('lessonCollapse', l);
    this.unfoldButton.textContent = `▶ ${ui('lessonExpand', l)}`;
    this.closeButton.setAttribute('aria-label', lt('closeLesson', l));
    this.closeButton.title = lt('closeLesson', l);
    this.pack.textContent = card.packTitle[l];
    this.title.textContent = card.title[l];
    this.meta.replaceChildren(
      h('span', {}, lt('ages', l, { min: card.ages[0], max: card.ages[1] })),
      h('span', {}, lt('minutes', l, { n: card.minutes })),
      h('span', { class: `mode mode-${card.mode}` }, modeText(card.mode, l)),
    );
    this.renderStep();
    this.renderChallenge();
    this.restartButton.textContent = lt('restart', l);
    this.teacher.textContent = lt(this.teacherOpen ? 'teacherClose' : 'teacherMode', l);
    this.teacher.setAttribute('aria-pressed', String(this.teacherOpen));
    this.solutionButton.textContent = lt('showSolution', l);
    this.solutionButton.hidden = !this.teacherOpen || !lesson.hasSolution;
    this.notesButton.textContent = lt('teacherNotes', l);
    this.notesButton.hidden = !this.teacherOpen;
  }

  private renderStep(): void {
    const lesson = this.lesson!;
    const l = this.locale;
    const total = lesson.steps.length;
    const step = lesson.steps[this.step];
    this.stepCount.textContent = lt('stepOf', l, { n: this.step + 1, total });
    this.stepCount.dataset.step = String(this.step + 1);
    this.stepBody.replaceChildren(step ? stepFragment(step.html[l]) : '');
    this.hintButton.hidden = !step?.hint;
    this.hintButton.textContent = lt('hint', l);
    this.hintButton.setAttribute('aria-expanded', String(!this.hintBox.hidden));
    this.hintBox.replaceChildren(h('strong', {}, lt('labelled', l, { label: lt('hintTitle', l), value: '' })), ...this.hintContent(step, l));
    if (!step?.hint) this.hintBox.hidden = true;
    drawBlocks(this.stepBody, this.appearance());
    drawBlocks(this.hintBox, this.appearance());
    this.prev.textContent = lt('previous', l);
    this.next.textContent = lt('next', l);
    this.prev.disabled = this.step === 0;
    this.next.disabled = this.step >= total - 1;
  }

  private renderChallenge(): void {
    const lesson = this.lesson!;
    const l = this.locale;
    const challenge = lesson.challenge;
    this.challengeBox.hidden = challenge === null;
    this.nextLessonButton.hidden = !this.verdict?.passed || this.nextLesson === null;
    if (this.nextLesson) this.nextLessonButton.textContent = lt('nextLesson', l, { title: this.nextLesson.title[l] });
    if (!challenge) return;
    this.challengeTitle.textContent = lt('challenge', l);
    this.challengeSummary.textContent = challengeSentence(challenge, l);
    this.checkButton.textContent = lt(this.checking ? 'checking' : 'check', l);
    this.checkButton.disabled = this.checking;
    this.renderVerdict();
  }

  private renderVerdict(): void {
    const v = this.verdict;
    const l = this.locale;
    if (!v) {
      this.verdictBox.replaceChildren();
      delete this.verdictBox.dataset.passed;
      return;
    }
    this.verdictBox.dataset.passed = String(v.passed);
    this.verdictBox.dataset.stars = String(v.stars);
    const time = numberText(v.timeMs / 1000, l, 1);
    const starText = '★'.repeat(v.stars) + '☆'.repeat(3 - v.stars);
    const headline = v.passed
      ? message('challenge-passed', l, { stars: starText, time, blocks: v.blockCount })
      : v.reason === null
        ? message('challenge-not-run', l)
        : v.reason === 'error'
          ? message('challenge-run-error', l, { time })
          : message('challenge-failed', l);
    const conditions = v.conditions.map((c) =>
      h(
        'li',
        { 'data-passed': String(c.passed), 'data-kind': c.kind },
        h('span', { class: 'mark', 'aria-hidden': 'true' }, c.passed ? '✓' : '✗'),
        h('span', { class: 'visually-hidden' }, lt('labelled', l, { label: lt(c.passed ? 'passedCondition' : 'missedCondition', l), value: '' })),
        c.detail[l],
      ),
    );
    const problems = v.diagnostics.slice(0, 5).map((d) => h('li', { 'data-passed': 'false' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, '!'), apiErrorText(d, l)));
    this.verdictBox.replaceChildren(
      v.passed ? h('p', { class: 'stars', role: 'img', 'aria-label': lt('starsLabel', l, { n: v.stars }) }, starText) : '',
      h('p', { class: 'verdict-text' }, headline),
      conditions.length + problems.length > 0 ? h('ul', { class: 'conditions' }, ...problems, ...conditions) : '',
    );
  }
}
