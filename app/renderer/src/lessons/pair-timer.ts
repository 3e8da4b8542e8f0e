/**
 * Parent–child and pair lessons: who is pilote and who is copilote, a visible timer, and every few
 * minutes a reminder to swap roles (the names swap too). Ticks once a second only while running:
 * idle means idle.
 */
import type { Locale } from '../../../core/i18n/messages';
import type { LessonMode } from '../../../core/lessons/types';
import { h } from '../shell/dom';
import { clock, lt } from './lesson-text';

export const SWAP_EVERY_SECONDS = 180;

export class PairTimer {
  readonly element: HTMLElement;
  private readonly title = h('h3', { class: 'pair-title', id: 'pair-title' });
  private readonly pilot = h('p', { class: 'role role-pilot', id: 'role-pilot' });
  private readonly copilot = h('p', { class: 'role role-copilot', id: 'role-copilot' });
  private readonly time = h('p', { class: 'pair-time', id: 'pair-time' });
  private readonly next = h('p', { class: 'pair-next', id: 'pair-next' });
  private readonly reminder = h('p', { class: 'swap-now', id: 'swap-now', role: 'status', 'aria-live': 'polite' });
  private readonly toggle = h('button', { type: 'button', class: 'btn', id: 'pair-timer' });
  private elapsedBefore = 0;
  private startedAt: number | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private swaps = 0;

  constructor(
    private readonly mode: LessonMode,
    private locale: Locale,
    private swapEvery = SWAP_EVERY_SECONDS,
  ) {
    this.element = h(
      'section',
      { class: 'pair-box', 'aria-labelledby': 'pair-title' },
      this.title,
      this.pilot,
      this.copilot,
      h('div', { class: 'pair-clock' }, this.time, this.toggle),
      this.next,
      this.reminder,
    );
    this.toggle.addEventListener('click', () => (this.startedAt === null ? this.start() : this.pause()));
    this.render();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.render();
  }

  start(): void {
    if (this.startedAt !== null) return;
    this.startedAt = Date.now();
    this.ticker = setInterval(() => this.tick(), 1000);
    this.render();
  }

  pause(): void {
    if (this.startedAt === null) return;
    this.elapsedBefore = this.elapsed();
    this.startedAt = null;
    this.stopTicking();
    this.render();
  }

  /**
   * A workshop drives the clock and the roles from its own turn (pause, extra time, a resume after
   * a crash); the timer's own button goes and it stops ticking by itself. `swapEvery` 0: no swaps.
   */
  follow(state: { readonly elapsed: number; readonly swaps: number; readonly swapEvery: number }): void {
    this.stopTicking();
    this.startedAt = null;
    this.elapsedBefore = state.elapsed;
    this.swapEvery = state.swapEvery;
    if (state.swaps !== this.swaps) this.reminder.textContent = state.swaps > 0 ? lt('swapDone', this.locale) : '';
    this.swaps = state.swaps;
    this.toggle.hidden = true;
    this.render();
  }

  dispose(): void {
    this.stopTicking();
    this.element.remove();
  }

  private elapsed(): number {
    return this.elapsedBefore + (this.startedAt === null ? 0 : (Date.now() - this.startedAt) / 1000);
  }

  private tick(): void {
    const due = Math.floor(this.elapsed() / this.swapEvery);
    if (due > this.swaps) {
      this.swaps = due;
      this.reminder.textContent = lt('swapNow', this.locale);
      this.reminder.dataset.swaps = String(due);
    }
    this.render();
  }

  private stopTicking(): void {
    if (this.ticker !== null) clearInterval(this.ticker);
    this.ticker = null;
  }

  private render(): void {
    const l = this.locale;
    const [a, b] = this.mode === 'parent-child' ? [lt('child', l), lt('parent', l)] : [lt('partnerA', l), lt('partnerB', l)];
    const [pilot, copilot] = this.swaps % 2 === 0 ? [a, b] : [b, a];
    this.title.textContent = lt('roles', l);
    this.pilot.replaceChildren(h('strong', {}, lt('labelled', l, { label: lt('pilot', l), value: pilot })), ` — ${lt('pilotDoes', l)}`);
    this.copilot.replaceChildren(h('strong', {}, lt('labelled', l, { label: lt('copilot', l), value: copilot })), ` — ${lt('copilotDoes', l)}`);
    const elapsed = Math.floor(this.elapsed());
    this.time.textContent = `${lt('timer', l)} ${clock(elapsed)}`;
    this.time.dataset.seconds = String(elapsed);
    this.next.hidden = this.swapEvery <= 0;
    if (this.swapEvery > 0) this.next.textContent = lt('swapIn', l, { time: clock(this.swapEvery - (elapsed % this.swapEvery)) });
    this.toggle.textContent = lt(this.startedAt === null ? 'startTimer' : 'pauseTimer', l);
    if (this.reminder.textContent) this.reminder.textContent = lt(this.toggle.hidden ? 'swapDone' : 'swapNow', l);
  }
}
