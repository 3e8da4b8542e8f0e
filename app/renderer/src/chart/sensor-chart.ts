/**
 * The live sensor chart: distance (cm), light (0–100) and the two line sensors (dark or not) over
 * the last 20 s of the run. uPlot is small and fast on old laptops; the chart redraws at most
 * 8 times a second, and not at all while its panel is hidden.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Locale } from '../../../core/i18n/messages';
import { numberText } from '../../../core/i18n/numbers';
import { ui } from '../shell/ui-text';

export interface SensorSample {
  /** Program time, ms. */
  readonly t: number;
  /** Null: this robot has no such sensor, or it was not read. */
  readonly distanceCm: number | null;
  readonly light: number | null;
  readonly lineLeft: boolean | null;
  readonly lineRight: boolean | null;
}

const WINDOW_MS = 20_000;
const REDRAW_MS = 125;

/** Where the right line sensor's lane starts on the line scale (the left one's is 0–1). */
const RIGHT_LANE = 1.4;

export class SensorChart {
  private plot: uPlot | null = null;
  private readonly t: number[] = [];
  private readonly distance: (number | null)[] = [];
  private readonly light: (number | null)[] = [];
  private readonly lineLeft: (number | null)[] = [];
  private readonly lineRight: (number | null)[] = [];
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private visible = false;
  private readonly observer: ResizeObserver;

  constructor(
    private readonly container: HTMLElement,
    /** « Lance le programme… »: shown until the first reading. */
    private readonly emptyNote: HTMLElement,
    private locale: Locale,
  ) {
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(container);
  }

  /** Draws only while shown: a hidden chart costs nothing. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) {
      if (!this.plot) this.create();
      this.resize();
      this.redraw();
    }
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.plot?.destroy();
    this.plot = null;
    if (this.visible) this.create();
  }

  /** A new run: forget the previous one. */
  clear(): void {
    for (const a of [this.t, this.distance, this.light, this.lineLeft, this.lineRight]) a.length = 0;
    this.emptyNote.hidden = false;
    this.scheduleRedraw();
  }

  add(sample: SensorSample): void {
    this.emptyNote.hidden = true;
    this.t.push(sample.t / 1000);
    this.distance.push(sample.distanceCm);
    this.light.push(sample.light);
    this.lineLeft.push(sample.lineLeft === null ? null : sample.lineLeft ? 1 : 0);
    // The right sensor has its own lane above the left one, so the two never hide each other.
    this.lineRight.push(sample.lineRight === null ? null : sample.lineRight ? RIGHT_LANE + 1 : RIGHT_LANE);
    const oldest = sample.t / 1000 - WINDOW_MS / 1000;
    let drop = 0;
    while (drop < this.t.length && this.t[drop]! < oldest) drop++;
    if (drop > 0) for (const a of [this.t, this.distance, this.light, this.lineLeft, this.lineRight]) a.splice(0, drop);
    this.scheduleRedraw();
  }

  get sampleCount(): number {
    return this.t.length;
  }

  private scheduleRedraw(): void {
    if (!this.visible || this.redrawTimer !== undefined) return;
    this.redrawTimer = setTimeout(() => {
      this.redrawTimer = undefined;
      this.redraw();
    }, REDRAW_MS);
  }

  private redraw(): void {
    this.plot?.setData([this.t, this.distance, this.light, this.lineLeft, this.lineRight]);
  }

  private resize(): void {
    if (!this.plot) return;
    const { width } = this.container.getBoundingClientRect();
    if (width > 0) this.plot.setSize({ width: Math.floor(width), height: this.height() });
  }

  private height(): number {
    return Math.max(160, Math.min(260, Math.floor(this.container.getBoundingClientRect().width * 0.6)));
  }

  private create(): void {
    const l = this.locale;
    const stepped = uPlot.paths.stepped?.({ align: 1 });
    // The app's language, not the browser's (uPlot's own numbers would say « 0.2 » under French words).
    const values = (_u: uPlot, splits: number[]) => splits.map((v) => (v === null ? '' : numberText(v, l, 2)));
    const width = Math.max(240, Math.floor(this.container.getBoundingClientRect().width));
    this.plot = new uPlot(
      {
        width,
        height: this.height(),
        cursor: { drag: { x: false, y: false } },
        legend: { live: false },
        scales: { x: { time: false }, y: { range: [0, 100] }, line: { range: [-0.1, RIGHT_LANE + 1.1] } },
        axes: [
          { label: ui('chartTime', l), stroke: '#1d2433', values },
          { scale: 'y', stroke: '#1d2433', values },
          { scale: 'line', side: 1, show: false },
        ],
        series: [
          {},
          { label: ui('chartDistance', l), stroke: '#c62828', width: 2, scale: 'y' },
          { label: ui('chartLight', l), stroke: '#e6a100', width: 2, scale: 'y', dash: [6, 3] },
          { label: ui('chartLineLeft', l), stroke: '#1565c0', width: 2, scale: 'line', ...(stepped ? { paths: stepped } : {}) },
          { label: ui('chartLineRight', l), stroke: '#6a1b9a', width: 2, scale: 'line', dash: [2, 3], ...(stepped ? { paths: stepped } : {}) },
        ],
      },
      [this.t, this.distance, this.light, this.lineLeft, this.lineRight],
      this.container,
    );
  }
}
