// @vitest-environment jsdom
/**
 * The simulator canvas speaks the app's language: after a switch to English, a lesson's zone reads
 * « Finish », not « Arrivée » (the canvas kept the old name until the robot next moved, while the
 * challenge beside it already said "Finish").
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorld } from '../../app/core/simulator/parse-world';
import { SimView } from '../../app/renderer/src/sim/sim-view';

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

describe('SimView and the language', () => {
  it('redraws the zone names in the new language as soon as the language changes', () => {
    const parsed = parseWorld(JSON.parse(readFileSync(join(REPO, 'lessons/premiers-pas/worlds/ligne-droite.json'), 'utf8')));
    if (!parsed.ok) throw new Error('the lesson world does not parse');
    const drawn = recordingContext();
    const view = new SimView(document.body, 'fr');
    const canvas = document.getElementById('sim-canvas') as HTMLCanvasElement;
    Object.defineProperty(canvas, 'clientWidth', { value: 400 });
    Object.defineProperty(canvas, 'clientHeight', { value: 200 });
    canvas.getContext = (() => drawn.ctx) as unknown as HTMLCanvasElement['getContext'];

    view.showWorld(parsed.world);
    drawFrames();
    expect(drawn.words).toContain('Arrivée');

    view.setLocale('en');
    drawFrames();
    expect(drawn.words).toContain('Finish');
    expect(drawn.words).not.toContain('Arrivée');
  });
});
