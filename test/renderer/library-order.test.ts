// @vitest-environment jsdom
/**
 * The lesson library lists the packs tagged « Premiers pas » first: where a ten-year-old starts
 * (it came ninth of the ten built-in packs, in folder order, below the fold at 1366×768). The other
 * packs keep the host's order.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LibraryView } from '../../app/renderer/src/lessons/library-view';
import type { HostInfo, LessonCard, RobokitApi } from '../../app/shared/api';

function card(packId: string, tags: string[]): LessonCard {
  return {
    packId,
    packTitle: { fr: packId, en: packId },
    lessonId: 'lecon',
    title: { fr: 'Leçon', en: 'Lesson' },
    ages: [7, 11],
    minutes: 30,
    mode: 'solo',
    tags,
    profiles: ['sim'],
    hasChallenge: true,
    source: 'built-in',
  };
}

const CARDS = [
  card('fr.robokit.a-la-maison', ['a-la-maison']),
  card('fr.robokit.art-et-culture', ['art-et-culture']),
  card('fr.robokit.premiers-pas', ['premiers-pas', 'ecole']),
  card('fr.robokit.sobriete', ['sobriete-numerique']),
];

beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});

afterEach(() => document.body.replaceChildren());

describe('LibraryView order', () => {
  it('puts the « Premiers pas » pack first and keeps the others in order', async () => {
    const api = { listLessons: async () => CARDS } as unknown as RobokitApi;
    const library = new LibraryView(api, { fileDialogs: false } as unknown as HostInfo, { open: () => undefined }, 'fr');
    document.body.append(library.dialog);
    await library.show();
    const packs = [...document.querySelectorAll<HTMLElement>('.pack-group')].map((g) => g.dataset.pack);
    expect(packs).toEqual(['fr.robokit.premiers-pas', 'fr.robokit.a-la-maison', 'fr.robokit.art-et-culture', 'fr.robokit.sobriete']);
  });
});
