/**
 * The projector view (issue #15): the workshop under way in large type for the back of the room —
 * the clock, the team (its nickname only) and its challenge, who pilots, the live simulator and the
 * scoreboard. It follows the host: the session when it changes (`onDidChangeWorkshop`, first read
 * with `getWorkshop`), the runs as they play. The clock runs on between two saves unless paused.
 */
import type { Locale, Localized } from '../../../core/i18n/messages';
import { message } from '../../../core/i18n/messages';
import { clockText, projectorView, type LessonTitles, type ProjectorTurn } from '../../../core/workshop/projector-view';
import type { ScoreRow } from '../../../core/workshop/scoreboard';
import type { Session } from '../../../core/workshop/session';
import type { RobokitApi } from '../../../shared/api';
import { h } from '../shell/dom';
import { LiveSim } from './live-sim';
import { pt } from './projector-text';
import './projector.css';

const TICK_MS = 250;
const BANNER_MS = 6000;
const MAX_ROWS = 8;

type Shown = Omit<Session, 'drawings'>;

export async function startProjector(root: HTMLElement, api: RobokitApi): Promise<void> {
  let latest: { session: Shown | null } | null = null;
  // Subscribed before reading, so no change falls between the two.
  const page = new ProjectorPage(root, api);
  api.onDidChangeWorkshop((change) => {
    latest = change;
    page.show(change.session);
  });
  api.onDidChangeSettings((settings) => page.setLocale(settings.locale));
  const [settings, session, cards] = await Promise.all([api.getSettings(), api.getWorkshop(), api.listLessons()]);
  page.setTitles(new Map(cards.map((c) => [`${c.packId}/${c.lessonId}`, c.title])));
  page.setLocale(settings.locale);
  if (latest === null) page.show(session ? withoutDrawings(session) : null);
}

function withoutDrawings(session: Session): Shown {
  const { drawings: _left, ...shown } = session;
  return shown;
}

class ProjectorPage {
  private readonly el = {
    title: h('h1', { class: 'projector-title', id: 'projector-title' }),
    waiting: h('section', { class: 'projector-waiting', id: 'projector-waiting' }),
    turn: h('section', { class: 'projector-turn', id: 'projector-turn' }),
    team: h('p', { class: 'projector-team', id: 'projector-team' }),
    challenge: h('p', { class: 'projector-challenge', id: 'projector-challenge' }),
    clock: h('div', { class: 'projector-clock', id: 'projector-clock', role: 'timer' }),
    clockLabel: h('p', { class: 'projector-clock-label', id: 'projector-clock-label' }),
    roles: h('p', { class: 'projector-roles', id: 'projector-roles' }),
    swap: h('p', { class: 'projector-swap', id: 'projector-swap' }),
    banner: h('p', { class: 'projector-banner', id: 'projector-banner', role: 'status', 'aria-live': 'polite' }),
    scores: h('section', { class: 'projector-scores', id: 'projector-scores' }),
    simTitle: h('h2', { class: 'projector-h2' }),
    // Shown by main.ts if the host goes away (the same ids as the app's banner).
    lost: h('div', { class: 'projector-lost', id: 'banner', role: 'alert' }, h('p', { id: 'banner-text' })),
    privacy: h('p', { class: 'projector-privacy' }),
  };
  private readonly sim: LiveSim;
  private locale: Locale = 'fr';
  private titles: LessonTitles = new Map();
  private session: Shown | null = null;
  private receivedAt = 0;
  private swaps: { team: string; step: number; swaps: number } | null = null;
  private bannerTimer: ReturnType<typeof setTimeout> | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(root: HTMLElement, api: RobokitApi) {
    this.sim = new LiveSim(api, this.locale);
    const e = this.el;
    e.banner.hidden = true;
    e.lost.hidden = true;
    document.body.classList.add('projector-body');
    root.replaceChildren(
      h(
        'main',
        { class: 'projector', id: 'projector' },
        h('header', { class: 'projector-head' }, e.title, e.privacy),
        e.lost,
        e.banner,
        e.waiting,
        e.turn,
        h('div', { class: 'projector-grid' }, h('section', { class: 'projector-live' }, e.simTitle, this.sim.element), e.scores),
      ),
    );
    e.turn.append(
      h('div', { class: 'projector-who' }, e.team, e.challenge, e.roles, e.swap),
      h('div', { class: 'projector-time' }, e.clockLabel, e.clock),
    );
  }

  setTitles(titles: LessonTitles): void {
    this.titles = titles;
    this.render();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    document.documentElement.lang = locale;
    document.title = pt('pageTitle', locale);
    this.el.simTitle.textContent = pt('simulator', locale);
    this.el.privacy.textContent = pt('privacy', locale);
    this.sim.setLocale(locale);
    this.render();
  }

  show(session: Shown | null): void {
    this.session = session;
    this.receivedAt = performance.now();
    document.body.dataset.workshop = session ? `${session.id}:${session.tries.length}:${session.current?.team ?? '-'}` : 'none';
    clearInterval(this.ticker);
    this.ticker = undefined;
    if (session?.current && session.current.paused !== true) this.ticker = setInterval(() => this.renderTurn(), TICK_MS);
    this.render();
  }

  private render(): void {
    const session = this.session;
    const l = this.locale;
    this.el.title.textContent = session?.title || 'RoboKit';
    this.el.waiting.hidden = session?.current !== undefined;
    this.el.waiting.replaceChildren(
      h('p', { class: 'projector-big' }, pt(session ? 'nextFamily' : 'waiting', l)),
      ...(session ? [] : [h('p', { class: 'projector-hint' }, pt('waitingHint', l))]),
    );
    this.renderTurn();
    this.renderScores(session ? projectorView(session, this.titles).scores : []);
  }

  private renderTurn(): void {
    const session = this.session;
    const turn = session ? projectorView(session, this.titles, (performance.now() - this.receivedAt) / 1000).turn : null;
    this.el.turn.hidden = turn === null;
    if (!turn || !session?.current) return;
    const l = this.locale;
    const e = this.el;
    e.team.replaceChildren(h('span', { class: 'projector-label' }, `${pt('team', l)} `), h('strong', { id: 'projector-nickname' }, turn.nickname));
    e.challenge.replaceChildren(
      h('span', { class: 'projector-label' }, turn.bonus ? pt('bonus', l) : pt('challenge', l, { step: turn.step, steps: turn.steps })),
      ' ',
      h('strong', { id: 'projector-challenge-title' }, localized(turn.challenge, l)),
    );
    e.clockLabel.textContent = turn.timeUp ? pt('timeUp', l) : turn.paused ? pt('paused', l) : pt('timeLeft', l);
    e.clock.textContent = clockText(turn.remainingSeconds);
    e.clock.dataset.state = turn.timeUp ? 'up' : turn.paused ? 'paused' : 'running';
    e.roles.replaceChildren(...roles(turn, l));
    e.roles.dataset.pilot = turn.pilot;
    e.swap.textContent = turn.nextSwapSeconds === null || turn.timeUp ? '' : pt('nextSwap', l, { time: clockText(turn.nextSwapSeconds) });
    this.bannerOnSwap(session.current.team, turn);
  }

  /**
   * The same banner as on the families' screen when the roles swap, for a few seconds. It belongs
   * to its turn: another team or challenge, or the roles back as they were, take it down at once.
   */
  private bannerOnSwap(team: string, turn: ProjectorTurn): void {
    const was = this.swaps;
    this.swaps = { team, step: turn.step, swaps: turn.swaps };
    const sameTurn = was !== null && was.team === team && was.step === turn.step;
    if (!sameTurn || turn.swaps < was.swaps) this.hideBanner();
    if (!sameTurn || turn.swaps <= was.swaps) return;
    this.el.banner.textContent = message(turn.pilot === 'child' ? 'workshop-swap-to-child' : 'workshop-swap-to-parent', this.locale);
    this.el.banner.hidden = false;
    clearTimeout(this.bannerTimer);
    this.bannerTimer = setTimeout(() => this.hideBanner(), BANNER_MS);
  }

  private hideBanner(): void {
    clearTimeout(this.bannerTimer);
    this.el.banner.hidden = true;
  }

  private renderScores(rows: readonly ScoreRow[]): void {
    const l = this.locale;
    const head = h('tr', {}, ...(['rank', 'team', 'done', 'stars', 'time'] as const).map((k) => h('th', { scope: 'col' }, pt(k, l))));
    const body = rows.slice(0, MAX_ROWS).map((r) =>
      h(
        'tr',
        { 'data-rank': r.rank },
        h('td', { class: 'projector-rank' }, String(r.rank)),
        h('td', { class: 'projector-name' }, r.nickname),
        h('td', {}, String(r.done)),
        h('td', { class: 'projector-stars', 'aria-label': `${r.stars} ${pt('stars', l)}` }, `★ ${r.stars}`),
        h('td', {}, r.done > 0 ? clockText(r.seconds) : '–'),
      ),
    );
    this.el.scores.replaceChildren(
      h('h2', { class: 'projector-h2' }, pt('scoreboard', l)),
      rows.length === 0
        ? h('p', { class: 'projector-hint' }, pt('noTeams', l))
        : h('table', { class: 'projector-table', id: 'projector-table' }, h('thead', {}, head), h('tbody', {}, ...body)),
    );
  }
}

function roles(turn: ProjectorTurn, l: Locale): Node[] {
  const pilot = turn.pilot === 'child' ? 'child' : 'parent';
  const copilot = turn.pilot === 'child' ? 'parent' : 'child';
  return [
    h('span', { class: 'projector-role projector-role-pilot' }, h('span', { class: 'projector-label' }, `${pt('pilot', l)} `), h('strong', {}, pt(pilot, l))),
    h('span', { class: 'projector-role' }, h('span', { class: 'projector-label' }, `${pt('copilot', l)} `), h('strong', {}, pt(copilot, l))),
  ];
}

const localized = (text: Localized, l: Locale): string => text[l];
