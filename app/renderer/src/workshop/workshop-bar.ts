/**
 * The facilitator's bar above the editor while a team plays: the team, the challenge, the clock
 * against the challenge's time, who pilots, the tries; and the facilitator's controls — pause,
 * extra time, skip, done on the real robot, « Famille suivante », and the workshop menu (export,
 * scoreboard, leave). A view: what the buttons do comes from `WorkshopBarHooks`.
 */
import type { Locale } from '../../../core/i18n/messages';
import type { Role } from '../../../core/workshop/session';
import { clock, lt } from '../lessons/lesson-text';
import { h } from '../shell/dom';
import { wt, type WorkshopTextKey } from './workshop-text';

export interface WorkshopBarHooks {
  pause(): void;
  extraTime(): void;
  skip(): void;
  markDone(): void;
  nextChallenge(): void;
  nextFamily(): void;
  /** The team's certificate (offered once its route is done). */
  certificate(): void;
  projector(): void;
  certificates(): void;
  exportSession(): void;
  exportCsv(): void;
  scoreboard(): void;
  leave(): void;
}

export interface BarState {
  readonly nickname: string;
  /** 1-based, and the route's length. */
  readonly step: number;
  readonly total: number;
  readonly bonus: boolean;
  readonly challenge: string;
  readonly elapsed: number;
  readonly limit: number;
  readonly paused: boolean;
  readonly pilot: Role;
  readonly tries: number;
  /** A pass, a skip, time up, the route done: one line, and « Défi suivant » when it waits for it. */
  readonly notice: { readonly kind: 'ok' | 'info' | 'warn'; readonly text: string } | null;
  readonly awaitingNext: boolean;
  readonly finished: boolean;
}

/** The workshop menu's entries, shared with the welcome screen. */
export const MENU_ITEMS = [
  ['ws-projector', 'projector'],
  ['ws-certificates', 'certificates'],
  ['ws-export-session', 'exportSession'],
  ['ws-export-csv', 'exportCsv'],
  ['ws-show-scores', 'scoreboard'],
  ['ws-leave', 'leave'],
] as const satisfies readonly (readonly [string, WorkshopTextKey & keyof WorkshopBarHooks])[];

export class WorkshopBar {
  readonly element: HTMLElement;
  private readonly team = h('p', { class: 'ws-team', id: 'ws-team' });
  private readonly challenge = h('p', { class: 'ws-challenge', id: 'ws-challenge' });
  private readonly time = h('p', { class: 'ws-time', id: 'ws-time', role: 'timer' });
  private readonly pilot = h('p', { class: 'ws-pilot', id: 'ws-pilot' });
  private readonly tries = h('p', { class: 'ws-tries', id: 'ws-tries' });
  private readonly notice = h('p', { class: 'ws-notice', id: 'ws-notice', role: 'status', 'aria-live': 'polite' });
  private readonly nextButton = h('button', { type: 'button', class: 'btn btn-primary', id: 'ws-next-challenge' });
  private readonly certificateButton = h('button', { type: 'button', class: 'btn', id: 'ws-certificate' });
  private readonly buttons = {
    pause: h('button', { type: 'button', class: 'btn btn-small', id: 'ws-pause' }),
    extraTime: h('button', { type: 'button', class: 'btn btn-small', id: 'ws-extra' }),
    skip: h('button', { type: 'button', class: 'btn btn-small', id: 'ws-skip' }),
    markDone: h('button', { type: 'button', class: 'btn btn-small', id: 'ws-done' }),
    nextFamily: h('button', { type: 'button', class: 'btn btn-small btn-primary', id: 'ws-next-family' }),
  };
  private readonly menuSummary = h('summary', { class: 'btn btn-small', id: 'ws-menu-button' });
  private readonly menuItems = MENU_ITEMS.map(([id]) => h('button', { type: 'button', class: 'btn btn-small', id }));
  private readonly menu = h('details', { class: 'ws-menu', id: 'ws-menu' }, this.menuSummary, h('div', { class: 'ws-menu-items' }, ...this.menuItems));
  private state: BarState | null = null;

  constructor(
    hooks: WorkshopBarHooks,
    private locale: Locale,
  ) {
    this.element = h(
      'section',
      { class: 'ws-bar', id: 'ws-bar', 'aria-label': wt('workshop', locale) },
      h('div', { class: 'ws-facts' }, this.team, this.challenge, this.time, this.pilot, this.tries),
      h('div', { class: 'ws-controls' }, ...Object.values(this.buttons), this.menu),
      h('div', { class: 'ws-notice-row' }, this.notice, this.nextButton, this.certificateButton),
    );
    this.element.hidden = true;
    for (const [name, button] of Object.entries(this.buttons)) button.addEventListener('click', () => hooks[name as keyof typeof this.buttons]());
    this.nextButton.addEventListener('click', () => hooks.nextChallenge());
    this.certificateButton.addEventListener('click', () => hooks.certificate());
    MENU_ITEMS.forEach(([, hook], i) =>
      this.menuItems[i]!.addEventListener('click', () => {
        this.menu.open = false;
        hooks[hook]();
      }),
    );
    document.addEventListener('click', (e) => {
      if (this.menu.open && !this.menu.contains(e.target as Node)) this.menu.open = false;
    });
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.element.setAttribute('aria-label', wt('workshop', locale));
    if (this.state) this.render(this.state);
  }

  /** Hidden and emptied: the team's name and results do not stay in the page. */
  hide(): void {
    this.state = null;
    this.element.hidden = true;
    for (const el of [this.team, this.challenge, this.time, this.pilot, this.tries, this.notice]) el.replaceChildren();
  }

  render(state: BarState): void {
    this.state = state;
    const l = this.locale;
    this.element.hidden = false;
    this.team.replaceChildren(h('span', { class: 'ws-label' }, wt('team', l)), ' ', h('strong', {}, state.nickname));
    const which = state.bonus ? wt('bonusChallenge', l) : wt('challengeOf', l, { n: Math.min(state.step, state.total), total: state.total });
    this.challenge.textContent = state.finished ? wt('routeDone', l) : `${which} · ${state.challenge}`;
    this.time.textContent = `${lt('timer', l)} ${clock(state.elapsed)} / ${clock(state.limit)}${state.paused ? ` · ${wt('paused', l)}` : ''}`;
    this.time.dataset.seconds = String(Math.floor(state.elapsed));
    this.time.classList.toggle('late', state.elapsed >= state.limit && state.limit > 0);
    this.pilot.textContent = lt('labelled', l, { label: lt('pilot', l), value: lt(state.pilot === 'child' ? 'child' : 'parent', l) });
    this.pilot.dataset.pilot = state.pilot;
    this.tries.textContent = wt('tries', l, { n: state.tries });
    this.tries.dataset.tries = String(state.tries);
    const b = this.buttons;
    b.pause.textContent = wt(state.paused ? 'resume' : 'pause', l);
    b.pause.setAttribute('aria-pressed', String(state.paused));
    b.extraTime.textContent = wt('extraTime', l);
    b.extraTime.title = wt('extraTimeLabel', l);
    b.extraTime.setAttribute('aria-label', wt('extraTimeLabel', l));
    b.skip.textContent = wt('skip', l);
    b.markDone.textContent = wt('markDone', l);
    b.nextFamily.textContent = wt('nextFamily', l);
    for (const button of [b.pause, b.extraTime, b.skip, b.markDone]) button.disabled = state.finished || state.awaitingNext;
    this.menuSummary.textContent = wt('menu', l);
    MENU_ITEMS.forEach(([, key], i) => (this.menuItems[i]!.textContent = wt(key, l)));
    this.notice.textContent = state.notice?.text ?? '';
    this.notice.dataset.kind = state.notice?.kind ?? '';
    this.nextButton.textContent = wt('nextChallenge', l);
    this.nextButton.hidden = !state.awaitingNext || state.finished;
    this.certificateButton.textContent = wt('certificate', l);
    this.certificateButton.hidden = !state.finished;
    this.element.querySelector<HTMLElement>('.ws-notice-row')!.hidden = !state.notice && !state.awaitingNext;
  }
}
