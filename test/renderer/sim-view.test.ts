// @vitest-environment jsdom
/**
 * The simulator canvas. It speaks the app's language: after a switch to English, a lesson's zone
 * reads « Finish », not « Arrivée » (the canvas kept the old name until the robot next moved, while
 * the challenge beside it already said "Finish"). And a run's frames belong to the world it ran in:
 * « Leçon suivante » during the replay of the judged run showed the next lesson's world with the old
 * run's robot in it, the last frames sent as it stopped arriving after the new world.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorld } from '../../app/core/simulator/parse-world';
import { SimView } from '../../app/renderer/src/sim/sim-view';
import type { World } from '../../app/core/simulator/world';

const REPO = join(import.meta.dirname, '../..');

/** A 2D context that keeps the words drawn since the last clear; every other call does nothing. */
function recordingContext(): { ctx: CanvasRenderingContext2D; words: string[] } {
  const words: string[] = [];
  const known: Record<string, unknown> = {
    clearRect: () => (words.length = 0),
    fillText: (text: string) => words.push(text),
    measureText: (text: string) => ({ width: text.length * 7 }),
    createLinearGradient: () => ({ addColorStop: () => undefined }),
  };
  const ctx = new Proxy(known, { get: (target, name: string) => (name in target ? target[name] : () => undefined), set: () => true });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, words };
}

const frames: FrameRequestCallback[] = [];
const drawFrames = () => frames.splice(0).forEach((f) => f(0));

beforeEach(() => {
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
  globalThis.requestAnimationFrame = (f) => frames.push(f);
});

afterEach(() => document.body.replaceChildren());

function lessonWorld(file: string): World {
  const parsed = parseWorld(JSON.parse(readFileSync(join(REPO, 'lessons/premiers-pas/worlds', file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.world;
}

/** A SimView on a canvas of 400 × 200 that records what is drawn. */
function mountView(): { view: SimView; drawn: { words: string[] } } {
  const drawn = recordingContext();
  const view = new SimView(document.body, 'fr');
  const canvas = document.getElementById('sim-canvas') as HTMLCanvasElement;
  Object.defineProperty(canvas, 'clientWidth', { value: 400 });
  Object.defineProperty(canvas, 'clientHeight', { value: 200 });
  canvas.getContext = (() => drawn.ctx) as unknown as HTMLCanvasElement['getContext'];
  return { view, drawn };
}

const shownPose = () => document.body.dataset.pose;
const frame = (runId: number, x: number) => ({ runId, t: 1000, pose: { x, y: 40, heading: 0 }, penDown: false, trail: [] });

describe('SimView and the language', () => {
  it('redraws the zone names in the new language as soon as the language changes', () => {
    const { view, drawn } = mountView();
    view.showWorld(lessonWorld('ligne-droite.json'));
    drawFrames();
    expect(drawn.words).toContain('Arrivée');

    view.setLocale('en');
    drawFrames();
    expect(drawn.words).toContain('Finish');
    expect(drawn.words).not.toContain('Arrivée');
  });
});

describe('SimView and a new world', () => {
  it('does not draw the last frames of a run from the old world in the new one; a new run draws', () => {
    const { view } = mountView();
    view.showWorld(lessonWorld('ligne-droite.json'));
    view.applyFrame(frame(3, 61));
    expect(shownPose()).toMatch(/^61\.0,/);

    const next = lessonWorld('la-caisse.json');
    view.showWorld(next);
    const start = shownPose();
    expect(start).toMatch(/^30\.0,/);
    view.applyFrame(frame(3, 62));
    view.applySensors({ runId: 3, t: 1000, distance: 5 });
    expect(shownPose()).toBe(start);

    view.applyFrame(frame(4, 35));
    expect(shownPose()).toMatch(/^35\.0,/);
  });
});
