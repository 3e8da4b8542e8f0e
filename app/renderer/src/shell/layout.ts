/**
 * The main screen: toolbar on top (Lancer, Stop, Pas à pas, undo/redo, Nouveau, Ouvrir, Enregistrer,
 * settings, language), the block editor in the centre, and on the right the simulator above tabs
 * for the robot, the sensor chart and the code. Built once; texts are set by `applyTexts`.
 */
import type { Locale } from '../../../core/i18n/messages';
import { h } from './dom';
import { ui, type UiKey } from './ui-text';

export interface Layout {
  readonly root: HTMLElement;
  readonly run: HTMLButtonElement;
  readonly stop: HTMLButtonElement;
  readonly step: HTMLButtonElement;
  readonly undo: HTMLButtonElement;
  readonly redo: HTMLButtonElement;
  readonly newProject: HTMLButtonElement;
  readonly open: HTMLButtonElement;
  readonly save: HTMLButtonElement;
  readonly fileInput: HTMLInputElement;
  readonly highContrast: HTMLInputElement;
  readonly largeText: HTMLInputElement;
  readonly language: HTMLSelectElement;
  readonly runState: HTMLElement;
  readonly saveState: HTMLElement;
  readonly banner: HTMLElement;
  readonly bannerText: HTMLElement;
  readonly bannerClose: HTMLButtonElement;
  readonly editor: HTMLElement;
  readonly simPanel: HTMLElement;
  readonly tabs: readonly { readonly id: TabId; readonly tab: HTMLButtonElement; readonly panel: HTMLElement }[];
}

export type TabId = 'robot' | 'chart' | 'code';

const TAB_LABELS: Record<TabId, UiKey> = { robot: 'tabRobot', chart: 'tabChart', code: 'tabCode' };

/** Elements whose text comes from the UI catalog, by key. */
function t(key: UiKey, el: HTMLElement, attr?: 'aria-label' | 'title'): HTMLElement {
  el.dataset[attr === 'aria-label' ? 'uiLabel' : attr === 'title' ? 'uiTitle' : 'ui'] = key;
  return el;
}

function button(id: string, key: UiKey, cls: string): HTMLButtonElement {
  return t(key, h('button', { id, type: 'button', class: cls })) as HTMLButtonElement;
}

/** A compact button: an icon, with its name for screen readers and as a tooltip. */
function iconButton(id: string, key: UiKey, icon: string): HTMLButtonElement {
  const b = h('button', { id, type: 'button', class: 'btn btn-tool btn-icon' }, h('span', { 'aria-hidden': 'true' }, icon));
  b.dataset.uiLabel = key;
  b.dataset.uiTitle = key;
  return b;
}

function toggle(id: string, key: UiKey): [HTMLLabelElement, HTMLInputElement] {
  const input = h('input', { id, type: 'checkbox' });
  const label = h('label', { class: 'toggle', for: id }, input, t(key, h('span')));
  return [label, input];
}

function buildTabs(): { list: HTMLElement; tabs: Layout['tabs'] } {
  const list = h('div', { class: 'tabs', role: 'tablist' });
  const tabs = (Object.keys(TAB_LABELS) as TabId[]).map((id, i) => {
    const tab = t(
      TAB_LABELS[id],
      h('button', {
        id: `tab-${id}`,
        type: 'button',
        role: 'tab',
        class: 'tab',
        'aria-controls': `panel-${id}`,
        'aria-selected': i === 0 ? 'true' : 'false',
        tabindex: i === 0 ? 0 : -1,
      }),
    ) as HTMLButtonElement;
    const panel = h('section', { id: `panel-${id}`, class: 'tab-panel', role: 'tabpanel', 'aria-labelledby': `tab-${id}`, tabindex: 0 });
    panel.hidden = i !== 0;
    list.append(tab);
    return { id, tab, panel };
  });
  return { list, tabs };
}

export function buildLayout(app: HTMLElement): Layout {
  const run = button('run', 'run', 'btn btn-run');
  const stop = button('stop', 'stop', 'btn btn-stop');
  const step = button('step', 'step', 'btn btn-step');
  const undo = iconButton('undo', 'undo', '↶');
  const redo = iconButton('redo', 'redo', '↷');
  const newProject = button('new-project', 'newProject', 'btn btn-tool');
  const open = button('open', 'open', 'btn btn-tool');
  const save = button('save', 'save', 'btn btn-tool');
  undo.setAttribute('aria-keyshortcuts', 'Control+Z');
  redo.setAttribute('aria-keyshortcuts', 'Control+Y');
  save.setAttribute('aria-keyshortcuts', 'Control+S');
  const fileInput = h('input', { id: 'file-input', type: 'file', accept: '.robokit,application/json', hidden: true, tabindex: -1 });
  const [hcLabel, highContrast] = toggle('high-contrast', 'highContrast');
  const [ltLabel, largeText] = toggle('large-text', 'largeText');
  const language = h(
    'select',
    { id: 'language', class: 'select' },
    h('option', { value: 'fr', lang: 'fr' }, 'Français'),
    h('option', { value: 'en', lang: 'en' }, 'English'),
  );
  const languageLabel = h('label', { class: 'lang', for: 'language' }, t('language', h('span', { class: 'visually-hidden' })), language);
  const runState = h('p', { id: 'run-state', class: 'run-state', role: 'status', 'aria-live': 'polite' });
  const saveState = h('p', { id: 'save-state', class: 'save-state', 'aria-live': 'polite' });

  const toolbar = h(
    'header',
    { class: 'toolbar' },
    h('h1', { class: 'brand' }, 'RoboKit'),
    t(
      'toolbar',
      h(
        'div',
        { class: 'toolbar-controls', role: 'toolbar' },
        h('div', { class: 'group group-run' }, run, stop, step),
        h('div', { class: 'group' }, undo, redo),
        h('div', { class: 'group' }, newProject, open, save, fileInput),
        h(
          'div',
          { class: 'group group-settings' },
          // Contrast and text size in a small menu, so the toolbar stays on one line at 1366 px, larger text included.
          h('details', { class: 'display-menu', id: 'display-menu' }, t('display', h('summary', { class: 'btn btn-tool', id: 'display-button' })), h('div', { class: 'display-options' }, hcLabel, ltLabel)),
          languageLabel,
        ),
      ),
      'aria-label',
    ),
  );

  const bannerText = h('p', { id: 'banner-text' });
  const bannerClose = t('closeBanner', h('button', { type: 'button', class: 'banner-close' }, '×'), 'aria-label') as HTMLButtonElement;
  const banner = h('div', { id: 'banner', class: 'banner', role: 'alert' }, h('span', { class: 'banner-icon', 'aria-hidden': 'true' }, '!'), bannerText, bannerClose);
  banner.hidden = true;

  const editor = t('editor', h('div', { id: 'editor', class: 'editor', role: 'region' }), 'aria-label');
  const simPanel = h('section', { id: 'sim-panel', class: 'sim-panel', 'aria-labelledby': 'sim-title' });
  const { list, tabs } = buildTabs();
  const side = t('sidePanels', h('aside', { class: 'side' }, simPanel, list, ...tabs.map((x) => x.panel)), 'aria-label');
  const statusBar = h('footer', { class: 'status-bar' }, runState, saveState);

  app.replaceChildren(toolbar, banner, h('main', { class: 'workarea' }, editor, side), statusBar);
  return { root: app, run, stop, step, undo, redo, newProject, open, save, fileInput, highContrast, largeText, language, runState, saveState, banner, bannerText, bannerClose, editor, simPanel, tabs };
}

/** Sets every catalogued text in `root` (and the page's language) for `locale`. */
export function applyTexts(root: HTMLElement, locale: Locale): void {
  document.documentElement.lang = locale;
  for (const el of root.querySelectorAll<HTMLElement>('[data-ui]')) el.textContent = ui(el.dataset.ui as UiKey, locale);
  for (const el of root.querySelectorAll<HTMLElement>('[data-ui-label]')) el.setAttribute('aria-label', ui(el.dataset.uiLabel as UiKey, locale));
  for (const el of root.querySelectorAll<HTMLElement>('[data-ui-title]')) el.title = ui(el.dataset.uiTitle as UiKey, locale);
}

/** Tabs that work with the mouse and the keyboard (arrows, Home, End), per the ARIA tabs pattern. */
export function wireTabs(tabs: Layout['tabs'], onShow: (id: TabId) => void): void {
  const show = (index: number, focus: boolean): void => {
    tabs.forEach((x, i) => {
      const selected = i === index;
      x.tab.setAttribute('aria-selected', String(selected));
      x.tab.tabIndex = selected ? 0 : -1;
      x.panel.hidden = !selected;
    });
    const chosen = tabs[index]!;
    if (focus) chosen.tab.focus();
    onShow(chosen.id);
  };
  tabs.forEach((x, i) => {
    x.tab.addEventListener('click', () => show(i, false));
    x.tab.addEventListener('keydown', (e) => {
      const last = tabs.length - 1;
      const next = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      show(next, true);
    });
  });
}
