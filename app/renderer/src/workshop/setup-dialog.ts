/**
 * « Préparer un atelier »: a name, a route (a ready one of 15, 45 or 90 minutes through the
 * parent–child pack, or challenges picked from the installed packs), the pilot/co-pilot swap
 * interval, the teams by a first name or a nickname only (said on screen), and the leave code the
 * facilitator chooses. Resolves with what was prepared, or null when cancelled.
 */
import type { Locale } from '../../../core/i18n/messages';
import { message } from '../../../core/i18n/messages';
import { DEFAULT_SWAP_SECONDS, readyRoutes, type RoutePack } from '../../../core/workshop/routes';
import { addTeam, newSession, type Route, type Session } from '../../../core/workshop/session';
import type { LessonCard } from '../../../shared/api';
import { h } from '../shell/dom';
import { wt } from './workshop-text';

/** The built-in parent–child pack, whose ready routes are offered first. */
export const PARENT_CHILD_PACK = 'fr.robokit.defis-parents-enfants';
const SWAP_CHOICES = [120, 180, 240, 300, 0] as const;
const MIN_CODE = 4;

export interface Prepared {
  readonly session: Session;
  readonly code: string;
}

export function packOf(cards: readonly LessonCard[], packId: string): RoutePack {
  return { id: packId, lessons: cards.filter((c) => c.packId === packId).map((c) => ({ id: c.lessonId, minutes: c.minutes })) };
}

export function prepareWorkshop(cards: readonly LessonCard[], locale: Locale, now: Date = new Date()): Promise<Prepared | null> {
  const l = locale;
  const title = (key: string) => cards.find((c) => `${c.packId}/${c.lessonId}` === key)?.title[l] ?? key;
  const challenges = cards.filter((c) => c.hasChallenge);
  const ready = cards.some((c) => c.packId === PARENT_CHILD_PACK) ? readyRoutes(packOf(cards, PARENT_CHILD_PACK)) : [];

  const nameInput = h('input', { id: 'ws-title', class: 'ask-input', type: 'text', maxlength: 100, value: wt('defaultTitle', l, { date: now.toLocaleDateString(l === 'fr' ? 'fr-FR' : 'en-GB') }) });
  const routeChoices = ready.map((route, i) => {
    const main = route.steps.filter((s) => !s.bonus).map((s) => title(`${s.pack}/${s.lesson}`));
    const bonus = route.steps.find((s) => s.bonus);
    const label = wt('readyRoute', l, { minutes: route.minutes, lessons: main.join(', ') }) + (bonus ? ` ${wt('bonus', l, { lesson: title(`${bonus.pack}/${bonus.lesson}`) })}` : '');
    return radio(`ws-route-${route.minutes}`, String(i), label, i === Math.min(1, ready.length - 1));
  });
  const custom = radio('ws-route-custom', 'custom', wt('customRoute', l), ready.length === 0);
  const picks = challenges.map((c) =>
    h('label', { class: 'ws-pick' }, h('input', { type: 'checkbox', value: `${c.packId}/${c.lessonId}`, 'data-minutes': c.minutes }), ` ${c.title[l]} · ${c.minutes} min`),
  );
  const pickList = h('div', { class: 'ws-picks', id: 'ws-picks' }, ...(picks.length ? picks : [h('p', {}, wt('noChallenge', l))]));
  const swap = h(
    'select',
    { id: 'ws-swap', class: 'select' },
    ...SWAP_CHOICES.map((s) => h('option', { value: s, selected: s === DEFAULT_SWAP_SECONDS }, s === 0 ? wt('swapNever', l) : wt('swapMinutes', l, { n: s / 60 }))),
  );
  const nickname = h('input', { id: 'ws-nickname', class: 'ask-input', type: 'text', maxlength: 40, autocomplete: 'off' });
  const add = h('button', { type: 'button', class: 'btn', id: 'ws-add-team' }, wt('addTeam', l));
  const teamList = h('ul', { class: 'ws-teams', id: 'ws-teams' });
  const code = h('input', { id: 'ws-code', class: 'ask-input', type: 'password', maxlength: 120, autocomplete: 'new-password' });
  const problem = h('p', { class: 'ws-problem', id: 'ws-problem', role: 'alert' });
  const cancel = h('button', { type: 'button', class: 'btn', id: 'ws-cancel' }, wt('cancel', l));
  const ok = h('button', { type: 'submit', class: 'btn btn-primary', id: 'ws-start' }, wt('start', l));
  const form = h(
    'form',
    { method: 'dialog', class: 'ws-form' },
    h('h2', { class: 'panel-title', id: 'ws-setup-title' }, wt('prepare', l)),
    h('p', { class: 'panel-note' }, wt('prepareIntro', l)),
    h('label', { class: 'field-label', for: 'ws-title' }, wt('title', l)),
    nameInput,
    h('fieldset', { class: 'ws-fieldset' }, h('legend', {}, wt('route', l)), ...routeChoices, custom, pickList),
    h('p', { class: 'ws-swap' }, h('label', { for: 'ws-swap' }, wt('swapEvery', l)), ' ', swap),
    h(
      'fieldset',
      { class: 'ws-fieldset' },
      h('legend', {}, wt('teams', l)),
      h('p', { class: 'ws-privacy', id: 'ws-privacy' }, wt('privacy', l)),
      h('div', { class: 'ws-add' }, h('label', { class: 'visually-hidden', for: 'ws-nickname' }, wt('nickname', l)), nickname, add),
      teamList,
    ),
    h('label', { class: 'field-label', for: 'ws-code' }, wt('leaveCode', l)),
    code,
    h('p', { class: 'panel-note' }, wt('leaveCodeNote', l)),
    // Always in view at 1366×768, however long the form: what is wrong, and « Commencer l’atelier ».
    h('div', { class: 'ws-setup-footer' }, problem, h('div', { class: 'ask-buttons' }, cancel, ok)),
  );
  const dialog = h('dialog', { id: 'ws-setup', class: 'ask ws-setup', 'aria-labelledby': 'ws-setup-title' }, form);
  document.body.append(dialog);

  let session = newSession(sessionId(now), nameInput.value, { minutes: 1, swapSeconds: DEFAULT_SWAP_SECONDS, steps: [] }, now.toISOString());
  const showPicks = () => (pickList.hidden = !custom.querySelector('input')!.checked);
  const renderTeams = () =>
    teamList.replaceChildren(
      ...session.teams.map((team) => {
        const remove = h('button', { type: 'button', class: 'btn btn-icon', 'aria-label': wt('removeTeam', l, { nickname: team.nickname }) }, '×');
        remove.addEventListener('click', () => {
          session = { ...session, teams: session.teams.filter((t) => t.id !== team.id) };
          renderTeams();
        });
        return h('li', { 'data-team': team.id }, h('span', {}, team.nickname), remove);
      }),
    );
  const addTyped = () => {
    if (nickname.value.trim() === '') return;
    const added = addTeam(session, nickname.value);
    if (!added.ok) return void (problem.textContent = message(added.error.code, l, added.error.params));
    session = added.session;
    problem.textContent = '';
    nickname.value = '';
    renderTeams();
    nickname.focus();
  };
  form.addEventListener('change', showPicks);
  // A sentence about what was wrong goes once the facilitator changes something.
  form.addEventListener('input', () => (problem.textContent = ''));
  add.addEventListener('click', addTyped);
  nickname.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    addTyped();
  });
  showPicks();

  const chosenRoute = (): Route | null => {
    const swapSeconds = Number(swap.value);
    const value = form.querySelector<HTMLInputElement>('input[name="ws-route"]:checked')?.value;
    if (value !== 'custom') {
      const route = ready[Number(value)];
      return route ? { ...route, swapSeconds } : null;
    }
    const steps = [...pickList.querySelectorAll<HTMLInputElement>('input:checked')].map((box) => {
      const [pack, lesson] = box.value.split('/') as [string, string];
      return { pack, lesson, minutes: Number(box.dataset.minutes) };
    });
    if (steps.length === 0) return null;
    return { minutes: Math.min(600, steps.reduce((sum, s) => sum + s.minutes, 0)), swapSeconds, steps };
  };

  return new Promise((resolve) => {
    let answer: Prepared | null = null;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (nickname.value.trim() !== '') addTyped();
      const route = chosenRoute();
      const refusal = !route ? 'pickOne' : session.teams.length === 0 ? 'noTeam' : code.value.trim().length < MIN_CODE ? 'codeTooShort' : null;
      if (refusal) {
        problem.textContent = wt(refusal, l);
        const field = { pickOne: form.querySelector<HTMLInputElement>('input[name="ws-route"]'), noTeam: nickname, codeTooShort: code }[refusal];
        field?.focus();
        return;
      }
      answer = { session: { ...session, title: nameInput.value.trim().slice(0, 100) || wt('workshop', l), route: route! }, code: code.value.trim() };
      dialog.close();
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    dialog.showModal();
    nickname.focus();
  });
}

function radio(id: string, value: string, label: string, checked: boolean): HTMLElement {
  return h('label', { class: 'ws-route', for: id }, h('input', { type: 'radio', name: 'ws-route', id, value, checked }), ` ${label}`);
}

/** `atelier-20261201-095500-3fa2`: the random end keeps two laptops started in the same second apart when merged. */
function sessionId(now: Date): string {
  const iso = now.toISOString();
  const random = [...crypto.getRandomValues(new Uint8Array(2))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `atelier-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${random}`;
}
