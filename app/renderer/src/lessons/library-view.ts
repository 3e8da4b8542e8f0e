/**
 * The lesson library: a modal dialog with the lesson cards grouped by pack (title, ages, minutes,
 * mode, tags), filters by topic, age and robot, and "Importer un pack" (the host's dialog in
 * Electron, a file picker in the browser) — a `.robokitpack` may also be dropped on it.
 */
import type { Locale } from '../../../core/i18n/messages';
import { formatBytes } from '../../../core/lessons/pack-error';
import { findProfile } from '../../../core/profiles';
import type { HostInfo, ImportPackResult, LessonCard, LessonRef, RobokitApi } from '../../../shared/api';
import { h } from '../shell/dom';
import { failureText } from '../shell/error-text';
import { lt, modeText, tagText } from './lesson-text';
import { uploadPack, type UploadOutcome } from './pack-upload';

export interface LibraryHooks {
  open(ref: LessonRef): void;
}

const AGES = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
/** Packs with this tag are listed first. */
const FIRST_STEPS_TAG = 'premiers-pas';

export class LibraryView {
  readonly dialog: HTMLDialogElement;
  private readonly title = h('h2', { id: 'library-title', class: 'library-title' });
  private readonly intro = h('p', { class: 'panel-note' });
  private readonly closeButton = h('button', { type: 'button', class: 'btn', id: 'library-close' });
  private readonly importButton = h('button', { type: 'button', class: 'btn btn-primary', id: 'import-pack' });
  private readonly fileInput = h('input', { id: 'pack-input', type: 'file', accept: '.robokitpack,application/zip', hidden: true, tabindex: -1 });
  private readonly status = h('div', { id: 'library-status', class: 'library-status', role: 'status', 'aria-live': 'polite' });
  private readonly tag = h('select', { id: 'filter-tag', class: 'select' });
  private readonly age = h('select', { id: 'filter-age', class: 'select' });
  private readonly robot = h('select', { id: 'filter-robot', class: 'select' });
  private readonly labels = {
    tag: h('label', { for: 'filter-tag', class: 'field-label' }),
    age: h('label', { for: 'filter-age', class: 'field-label' }),
    robot: h('label', { for: 'filter-robot', class: 'field-label' }),
  };
  private readonly list = h('div', { id: 'lesson-list', class: 'lesson-list' });
  private readonly dropHint = h('p', { class: 'drop-hint', 'aria-hidden': 'true' });
  private cards: LessonCard[] = [];
  private highlightPack: string | null = null;

  constructor(
    private readonly api: RobokitApi,
    private readonly host: HostInfo,
    private readonly hooks: LibraryHooks,
    private locale: Locale,
  ) {
    const filters = h(
      'div',
      { class: 'library-filters' },
      h('div', { class: 'field' }, this.labels.tag, this.tag),
      h('div', { class: 'field' }, this.labels.age, this.age),
      h('div', { class: 'field' }, this.labels.robot, this.robot),
    );
    this.dialog = h(
      'dialog',
      { id: 'lesson-library', class: 'library', 'aria-labelledby': 'library-title' },
      h('div', { class: 'library-head' }, this.title, h('div', { class: 'group' }, this.importButton, this.fileInput, this.closeButton)),
      this.intro,
      this.status,
      filters,
      this.list,
      this.dropHint,
    );
    this.wire();
    this.setLocale(locale);
  }

  async show(): Promise<void> {
    if (!this.dialog.open) this.dialog.showModal();
    await this.refresh();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.title.textContent = lt('library', locale);
    this.intro.textContent = lt('libraryIntro', locale);
    this.closeButton.textContent = lt('close', locale);
    this.importButton.textContent = lt('importPack', locale);
    this.dropHint.textContent = lt('dropHere', locale);
    this.labels.tag.textContent = lt('filterTag', locale);
    this.labels.age.textContent = lt('filterAge', locale);
    this.labels.robot.textContent = lt('filterRobot', locale);
    this.fillFilters();
    this.render();
  }

  private wire(): void {
    this.closeButton.addEventListener('click', () => this.dialog.close());
    this.importButton.addEventListener('click', () => void this.chooseFile());
    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files?.[0];
      if (file) void this.upload(file);
    });
    for (const select of [this.tag, this.age, this.robot]) select.addEventListener('change', () => this.render());
    this.dialog.addEventListener('dragover', (e) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      this.dialog.classList.add('dragging');
    });
    this.dialog.addEventListener('dragleave', (e) => {
      if (e.target === this.dialog) this.dialog.classList.remove('dragging');
    });
    this.dialog.addEventListener('drop', (e) => {
      e.preventDefault();
      this.dialog.classList.remove('dragging');
      const file = e.dataTransfer?.files[0];
      if (file) void this.upload(file);
    });
  }

  private async refresh(): Promise<void> {
    try {
      this.cards = await this.api.listLessons();
    } catch (e) {
      this.say(failureText(e, this.locale), 'error');
    }
    this.fillFilters();
    this.render();
  }

  private async chooseFile(): Promise<void> {
    if (!this.host.fileDialogs) {
      this.fileInput.value = '';
      this.fileInput.click();
      return;
    }
    await this.importing(() => this.api.importPack({ from: 'dialog' }));
  }

  private upload(file: File): Promise<void> {
    return this.importing(() => uploadPack(this.api, file));
  }

  private async importing(action: () => Promise<UploadOutcome>): Promise<void> {
    this.importButton.disabled = true;
    this.say(lt('importing', this.locale), 'busy');
    try {
      this.report(await action());
    } catch (e) {
      this.say(`${lt('importFailed', this.locale)} ${failureText(e, this.locale)}`, 'error');
    } finally {
      this.importButton.disabled = false;
    }
  }

  private report(result: UploadOutcome | ImportPackResult): void {
    const l = this.locale;
    switch (result.status) {
      case 'installed':
        this.highlightPack = result.packId;
        this.say(lt('imported', l, { title: result.title[l], count: result.lessons }), 'ok');
        void this.refresh();
        return;
      case 'refused': {
        this.say(lt('importRefused', l, { file: result.file }), 'error');
        const problems = result.problems.filter((p) => p.severity === 'error').slice(0, 6);
        this.status.append(h('ul', { class: 'problems' }, ...problems.map((p) => h('li', { 'data-code': p.code }, p.message[l]))));
        return;
      }
      case 'too-large':
        this.say(`${lt('importFailed', l)} ${lt('tooLarge', l, { max: formatBytes(result.max) })}`, 'error');
        return;
      case 'partial':
      case 'cancelled':
        this.say('', 'ok');
        return;
    }
  }

  private say(text: string, kind: 'ok' | 'error' | 'busy'): void {
    this.status.dataset.kind = kind;
    this.status.replaceChildren(text ? h('p', {}, text) : '');
  }

  private fillFilters(): void {
    const l = this.locale;
    const keep = { tag: this.tag.value, age: this.age.value, robot: this.robot.value };
    const tags = [...new Set(this.cards.flatMap((c) => c.tags))].sort((a, b) => tagText(a, l).localeCompare(tagText(b, l), l));
    const robots = [...new Set(this.cards.flatMap((c) => c.profiles))];
    this.tag.replaceChildren(h('option', { value: '' }, lt('allTags', l)), ...tags.map((t) => h('option', { value: t }, tagText(t, l))));
    this.age.replaceChildren(h('option', { value: '' }, lt('allAges', l)), ...AGES.map((a) => h('option', { value: String(a) }, lt('ageYears', l, { age: a }))));
    this.robot.replaceChildren(
      h('option', { value: '' }, lt('allRobots', l)),
      ...robots.map((r) => h('option', { value: r }, findProfile(r)?.name[l] ?? r)),
    );
    if (tags.includes(keep.tag)) this.tag.value = keep.tag;
    this.age.value = keep.age;
    if (robots.includes(keep.robot)) this.robot.value = keep.robot;
  }

  private visible(): LessonCard[] {
    const age = Number(this.age.value);
    return this.cards.filter(
      (c) =>
        (!this.tag.value || c.tags.includes(this.tag.value)) &&
        (!this.age.value || (c.ages[0] <= age && age <= c.ages[1])) &&
        (!this.robot.value || c.profiles.includes(this.robot.value)),
    );
  }

  private render(): void {
    const l = this.locale;
    const cards = this.visible();
    if (cards.length === 0) {
      this.list.replaceChildren(h('p', { class: 'panel-note' }, lt(this.cards.length === 0 ? 'noLessonAtAll' : 'noLesson', l)));
      return;
    }
    const packs = new Map<string, LessonCard[]>();
    for (const card of cards) packs.set(card.packId, [...(packs.get(card.packId) ?? []), card]);
    // Where a beginner starts comes first (« Premiers pas » was ninth of ten, below the fold); the rest keep their order.
    const firstSteps = (group: readonly LessonCard[]) => (group[0]!.tags.includes(FIRST_STEPS_TAG) ? 0 : 1);
    this.list.replaceChildren(
      ...[...packs.values()].sort((a, b) => firstSteps(a) - firstSteps(b)).map((group) => {
        const first = group[0]!;
        const headingId = `pack-${first.packId.replace(/[^a-z0-9-]/g, '-')}`;
        return h(
          'section',
          { class: 'pack-group', 'aria-labelledby': headingId, 'data-pack': first.packId, 'data-new': first.packId === this.highlightPack },
          h('h3', { id: headingId, class: 'pack-title' }, first.packTitle[l], first.source === 'installed' ? h('span', { class: 'chip chip-installed' }, lt('installed', l)) : null),
          h('ul', { class: 'cards' }, ...group.map((card) => this.card(card))),
        );
      }),
    );
  }

  private card(card: LessonCard): HTMLLIElement {
    const l = this.locale;
    const start = h('button', { type: 'button', class: 'btn btn-primary card-start', 'aria-label': lt('openLessonNamed', l, { title: card.title[l] }) }, lt('openLesson', l));
    start.addEventListener('click', () => {
      this.dialog.close();
      this.hooks.open({ packId: card.packId, lessonId: card.lessonId });
    });
    return h(
      'li',
      { class: 'lesson-card', 'data-lesson': `${card.packId}/${card.lessonId}`, 'data-mode': card.mode },
      h('h4', { class: 'card-title' }, card.title[l]),
      h(
        'p',
        { class: 'card-meta' },
        h('span', {}, lt('ages', l, { min: card.ages[0], max: card.ages[1] })),
        h('span', {}, lt('minutes', l, { n: card.minutes })),
        h('span', { class: `mode mode-${card.mode}` }, modeText(card.mode, l)),
      ),
      h('p', { class: 'card-tags' }, ...card.tags.map((t) => h('span', { class: 'chip' }, tagText(t, l)))),
      start,
    );
  }
}
