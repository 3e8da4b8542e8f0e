// @vitest-environment jsdom
/**
 * Once a lesson's challenge is passed, the panel offers the next lesson of the pack by name, so a
 * pupil goes on from « Avancer » to « Tourner » without looking for « Premiers pas » in the library
 * (it is ninth of ten packs there). The last lesson of a pack, a failed try and a workshop offer none.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LessonMode, type LessonHost } from '../../app/renderer/src/lessons/lesson-mode';
import type { LessonCard, LessonRef, LessonVerdict, OpenedLesson, Project, RobokitApi } from '../../app/shared/api';

const PACK = 'fr.robokit.premiers-pas';

function card(lessonId: string, fr: string, en: string, packId = PACK): LessonCard {
  return {
    packId,
    packTitle: { fr: 'Premiers pas', en: 'First steps' },
    lessonId,
    title: { fr, en },
    ages: [7, 11],
    minutes: 30,
    mode: 'solo',
    tags: [],
    profiles: ['sim'],
    hasChallenge: true,
    source: 'built-in',
  };
}

// The library's order: another pack's lesson comes between, as packs are listed one after the other.
const CARDS = [card('avancer', 'Avancer', 'Moving forward'), card('tourner', 'Tourner', 'Turning'), card('autre', 'Autre', 'Other', 'fr.robokit.autre')];

function verdict(passed: boolean): LessonVerdict {
  return { passed, stars: passed ? 3 : 0, timeMs: 4000, blockCount: 1, reason: 'finished', conditions: [], diagnostics: [] };
}

function fakeApp(passes: { value: boolean }) {
  const opened: LessonRef[] = [];
  /** What the lesson asked of the app, in order (a run going on, then stopped; a world shown). */
  const calls: string[] = [];
  let running = false;
  const project = (ref: LessonRef): Project => ({ format: 'robokit-project', version: 1, workspace: { blocks: { languageVersion: 0, blocks: [] } }, lesson: ref }) as unknown as Project;
  const known: Partial<RobokitApi> = {
    listLessons: async () => CARDS,
    openLesson: async (ref: LessonRef): Promise<OpenedLesson> => {
      opened.push(ref);
      return {
        card: CARDS.find((c) => c.packId === ref.packId && c.lessonId === ref.lessonId)!,
        steps: [{ html: { fr: '<p>Avance.</p>', en: '<p>Drive.</p>' } }],
        allowedTypes: [],
        starter: project(ref),
        saved: null,
        world: null,
        worldId: null,
        challenge: { kinds: ['endInZone'], zones: [{ fr: 'Arrivée', en: 'Finish' }], timeLimitSeconds: 20 },
        hasSolution: false,
      };
    },
    checkLesson: async () => verdict(passes.value),
  };
  const api = new Proxy(known, {
    get: (target, name: string) => (name in target ? target[name as keyof RobokitApi] : name.startsWith('onDid') ? () => () => undefined : async () => undefined),
  }) as RobokitApi;
  const host: LessonHost = {
    api,
    host: { fileDialogs: false } as unknown as LessonHost['host'],
    setAllowedTypes: () => undefined,
    loadProject: () => undefined,
    linkLesson: () => undefined,
    workspace: () => ({ blocks: { languageVersion: 0, blocks: [] } }) as unknown as ReturnType<LessonHost['workspace']>,
    profile: () => 'sim',
    stopRun: async () => {
      await Promise.resolve();
      if (running) calls.push('stopped');
      running = false;
    },
    setLessonWorld: () => void calls.push(running ? 'world shown while running' : 'world shown'),
    showDiagnostics: () => undefined,
    replay: () => {
      running = true;
    },
    banner: () => undefined,
    appearance: () => ({ highContrast: false, largeText: false }),
    relayout: () => undefined,
  };
  return { host, opened, calls };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const button = () => document.getElementById('lesson-next-lesson') as HTMLButtonElement;
const check = async () => {
  (document.getElementById('lesson-check') as HTMLButtonElement).click();
  await settle();
};

beforeAll(() => {
  Element.prototype.scrollIntoView ??= () => undefined;
  globalThis.HTMLDialogElement ??= class {} as unknown as typeof HTMLDialogElement;
});

afterEach(() => document.body.replaceChildren());

function mount(mode: LessonMode): void {
  document.body.append(mode.panel.element);
}

describe('« Leçon suivante »', () => {
  it('appears once the challenge is passed, names the next lesson of the pack and opens it', async () => {
    const { host, opened, calls } = fakeApp({ value: true });
    const mode = new LessonMode(host, 'fr');
    mount(mode);
    await mode.open({ packId: PACK, lessonId: 'avancer' });
    await settle();
    expect(button().hidden).toBe(true);

    await check();
    expect(button().hidden).toBe(false);
    expect(button().textContent).toMatch(/^Leçon suivante\s:\sTourner ▶$/);
    expect(button().textContent).not.toContain(' :');
    mode.setLocale('en');
    expect(button().textContent).toBe('Next lesson: Turning ▶');

    button().click();
    await settle();
    expect(opened.at(-1)).toEqual({ packId: PACK, lessonId: 'tourner' });
    // The replay of the judged run was still going: it stops before the next lesson's world shows.
    expect(calls).toEqual(['world shown', 'stopped', 'world shown']);
    expect(document.getElementById('lesson-title')?.textContent).toBe('Turning');
    // A fresh lesson: no verdict yet, so nothing offered.
    expect(button().hidden).toBe(true);
  });

  it('is not offered after a failed try, after the pack’s last lesson, nor in a workshop', async () => {
    const passes = { value: false };
    const { host } = fakeApp(passes);
    const mode = new LessonMode(host, 'fr');
    mount(mode);
    await mode.open({ packId: PACK, lessonId: 'avancer' });
    await settle();
    await check();
    expect(button().hidden).toBe(true);

    passes.value = true;
    await mode.open({ packId: PACK, lessonId: 'tourner' });
    await settle();
    await check();
    expect(document.getElementById('lesson-verdict')?.dataset.passed).toBe('true');
    expect(button().hidden).toBe(true);

    mode.setLocked(true);
    await mode.open({ packId: PACK, lessonId: 'avancer' });
    await settle();
    await check();
    expect(document.getElementById('lesson-verdict')?.dataset.passed).toBe('true');
    expect(button().hidden).toBe(true);
  });
});
