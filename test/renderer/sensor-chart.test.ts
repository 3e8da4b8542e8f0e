// @vitest-environment jsdom
/**
 * The sensor chart writes its axis numbers the app's way: « 0,2 » s in French, "0.2" in English,
 * whatever the browser's own language (uPlot formats with the browser's, so a French pupil on an
 * English-speaking browser or laptop read « 0.2 » under the French words).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

/** A 2D context that keeps every word drawn; every other call does nothing. */
function recordingContext(): { ctx: CanvasRenderingContext2D; words: string[] } {
  const words: string[] = [];
  const known: Record<string, unknown> = {
    fillText: (text: string) => words.push(text),
    measureText: (text: string) => ({ width: text.length * 7, actualBoundingBoxAscent: 8, actualBoundingBoxDescent: 2 }),
  };
  const ctx = new Proxy(known, { get: (target, name: string) => (name in target ? target[name] : () => undefined), set: () => true });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, words };
}

let drawn: ReturnType<typeof recordingContext>;

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
  window.matchMedia ??= (() => ({ matches: false, addEventListener: () => undefined, removeEventListener: () => undefined, addListener: () => undefined, removeListener: () => undefined })) as unknown as typeof window.matchMedia;
  globalThis.Path2D ??= class {
    moveTo(): void {}
    lineTo(): void {}
    rect(): void {}
    arc(): void {}
    closePath(): void {}
    bezierCurveTo(): void {}
  } as unknown as typeof Path2D;
  HTMLCanvasElement.prototype.getContext = (() => drawn.ctx) as unknown as HTMLCanvasElement['getContext'];
});

afterEach(() => document.body.replaceChildren());

/** Half a second of readings, then the chart drawn (its redraw waits 125 ms). */
async function chartIn(locale: 'fr' | 'en'): Promise<string[]> {
  drawn = recordingContext();
  const box = document.createElement('div');
  const note = document.createElement('p');
  document.body.append(box, note);
  // uPlot reads matchMedia as it loads: imported once the stubs are in.
  const { SensorChart } = await import('../../app/renderer/src/chart/sensor-chart');
  const chart = new SensorChart(box, note, locale);
  chart.setVisible(true);
  for (let t = 0; t <= 500; t += 50) chart.add({ t, distanceCm: 40, light: 50, lineLeft: false, lineRight: false });
  await new Promise((resolve) => setTimeout(resolve, 300));
  return drawn.words;
}

describe('SensorChart axis numbers', () => {
  it('writes « 0,2 » in French and "0.2" in English', async () => {
    const fr = await chartIn('fr');
    expect(fr).toContain('0,2');
    expect(fr.filter((w) => /^\d+\.\d+$/.test(w))).toEqual([]);
    const en = await chartIn('en');
    expect(en).toContain('0.2');
    expect(en.filter((w) => /^\d+,\d+$/.test(w))).toEqual([]);
  });
});
