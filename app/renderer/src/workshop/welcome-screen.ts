/**
 * Between two families: a screen over the whole app (nothing of the previous family can be seen
 * behind it) that welcomes the next team — chosen from the list, or added on the spot by a first
 * name or a nickname — and keeps the workshop menu (export, scoreboard, leave) at hand.
 */
import type { Locale } from '../../../core/i18n/messages';
import type { Team } from '../../../core/workshop/session';
import { h } from '../shell/dom';
import { MENU_ITEMS, type WorkshopBarHooks } from './workshop-bar';
import { wt } from './workshop-text';

export interface WelcomeHooks extends Pick<WorkshopBarHooks, (typeof MENU_ITEMS)[number][1]> {
  start(team: string): void;
  /** Adds a team; the sentence saying why not, or null. */
  addTeam(nickname: string): string | null;
}

export class WelcomeScreen {
  readonly element: HTMLElement;
  private readonly heading = h('h2', { class: 'ws-welcome-title', id: 'ws-welcome-title', tabindex: -1 });
  private readonly workshopTitle = h('p', { class: 'ws-welcome-workshop' });
  private readonly chooseLabel = h('label', { for: 'ws-next-team', class: 'field-label' });
  private readonly choose = h('select', { id: 'ws-next-team', class: 'select ws-big-select' });
  private readonly startButton = h('button', { type: 'button', class: 'btn btn-primary ws-big', id: 'ws-start-turn' });
  private readonly allPlayed = h('p', { class: 'panel-note', id: 'ws-all-played' });
  private readonly addLabel = h('label', { for: 'ws-late-nickname', class: 'field-label' });
  private readonly addInput = h('input', { id: 'ws-late-nickname', class: 'ask-input', type: 'text', maxlength: 40, autocomplete: 'off' });
  private readonly addButton = h('button', { type: 'button', class: 'btn', id: 'ws-late-add' });
  private readonly privacy = h('p', { class: 'ws-privacy' });
  private readonly problem = h('p', { class: 'ws-problem', id: 'ws-late-problem', role: 'alert' });
  private readonly menuButtons = MENU_ITEMS.map(([id]) => h('button', { type: 'button', class: 'btn btn-small', id: `${id}-welcome` }));
  private teams: readonly Team[] = [];
  private everyonePlayed = false;

  constructor(
    private readonly hooks: WelcomeHooks,
    private locale: Locale,
  ) {
    this.element = h(
      'section',
      { class: 'ws-welcome', id: 'ws-welcome', 'aria-labelledby': 'ws-welcome-title' },
      h(
        'div',
        { class: 'ws-welcome-card' },
        this.workshopTitle,
        this.heading,
        this.chooseLabel,
        h('div', { class: 'ws-add' }, this.choose, this.startButton),
        this.allPlayed,
        this.addLabel,
        h('div', { class: 'ws-add' }, this.addInput, this.addButton),
        this.privacy,
        this.problem,
        h('div', { class: 'ws-welcome-menu' }, ...this.menuButtons),
      ),
    );
    this.element.hidden = true;
    this.startButton.addEventListener('click', () => {
      if (this.choose.value) hooks.start(this.choose.value);
    });
    const add = () => {
      const why = hooks.addTeam(this.addInput.value);
      this.problem.textContent = why ?? '';
      if (!why) this.addInput.value = '';
    };
    this.addButton.addEventListener('click', add);
    this.addInput.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      add();
    });
    MENU_ITEMS.forEach(([, hook], i) => this.menuButtons[i]!.addEventListener('click', () => hooks[hook]()));
  }

  get shown(): boolean {
    return !this.element.hidden;
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.render();
  }

  /**
   * Shows the screen with the teams still to play (the ones that played are not even named: nothing
   * of the previous family is on screen); the one just added is chosen.
   */
  show(title: string, teams: readonly Team[], played: ReadonlySet<string>, added?: string): void {
    this.teams = teams.filter((t) => !played.has(t.id));
    this.everyonePlayed = teams.length > 0 && this.teams.length === 0;
    this.workshopTitle.textContent = title;
    this.render();
    this.choose.value = added ?? this.teams[0]?.id ?? '';
    const wasHidden = this.element.hidden;
    this.element.hidden = false;
    if (wasHidden) this.heading.focus();
  }

  hide(): void {
    this.element.hidden = true;
    this.problem.textContent = '';
  }

  private render(): void {
    const l = this.locale;
    this.heading.textContent = wt('welcome', l);
    this.chooseLabel.textContent = wt('whoIsNext', l);
    const value = this.choose.value;
    this.choose.replaceChildren(...this.teams.map((t) => h('option', { value: t.id }, t.nickname)));
    if (value) this.choose.value = value;
    this.startButton.textContent = wt('startTurn', l);
    for (const el of [this.chooseLabel, this.choose, this.startButton]) el.hidden = this.teams.length === 0;
    this.allPlayed.textContent = this.everyonePlayed ? wt('allPlayed', l) : '';
    this.addLabel.textContent = wt('addLate', l);
    this.addButton.textContent = wt('addTeam', l);
    this.privacy.textContent = wt('privacy', l);
    MENU_ITEMS.forEach(([, key], i) => (this.menuButtons[i]!.textContent = wt(key, l)));
  }
}
