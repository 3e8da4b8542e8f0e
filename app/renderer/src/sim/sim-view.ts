/**
 * The simulator panel: world choice, the canvas, and the robot's speech bubble.
 *
 * Contract with the host (see app/renderer/README.md): the host runs the simulation, paced to
 * the wall clock, and streams small frames (pose, pen state, new trail segments) at about 30 Hz plus
 * sensor readings; the renderer never runs a simulation of its own, so what the pupil sees is what
 * the runtime did. Frames are applied at the next animation frame, and nothing is drawn while
 * nothing changes (idle means idle).
 */
import type { Locale } from '../../../core/i18n/messages';
import type { Pose, World } from '../../../core/simulator/world';
import type { SensorReading, SimulationFrame, WorldSummary } from '../../../shared/api';
import { h } from '../shell/dom';
import { ui, type UiKey } from '../shell/ui-text';
import { drawSimulation, worldToCanvas, type Segment, type SimScene } from './sim-canvas';

const BUBBLE_MS = 4000;
/** Pieces whose directions differ by less than this are one straight line (the simulator's own tolerance, 1°). */
const STRAIGHT_RADIANS = Math.PI / 180;

/**
 * Adds what the pen drew since the last frame. While the robot drives straight, each frame brings
 * the next piece of the same line: it extends the last segment instead, so a long run stays one
 * segment to draw.
 */
export function appendToTrail(trail: Segment[], piece: Segment): void {
  const last = trail.at(-1);
  if (last && last.to[0] === piece.from[0] && last.to[1] === piece.from[1] && sameDirection(last, piece)) {
    trail[trail.length - 1] = { from: last.from, to: piece.to };
  } else {
    trail.push(piece);
  }
}

/** Adds a frame's trail pieces (`appendToTrail` each); returns how many centimetres the pen drew. */
export function addToTrail(trail: Segment[], pieces: readonly Segment[]): number {
  let cm = 0;
  for (const piece of pieces) {
    appendToTrail(trail, piece);
    cm += Math.hypot(piece.to[0] - piece.from[0], piece.to[1] - piece.from[1]);
  }
  return cm;
}

/** A pose as the view writes it on its element for tests (`data-pose`): « x,y,heading » to 0.1. */
export function poseText(pose: Pose): string {
  return `${pose.x.toFixed(1)},${pose.y.toFixed(1)},${pose.heading.toFixed(1)}`;
}

function sameDirection(a: Segment, b: Segment): boolean {
  const ax = a.to[0] - a.from[0];
  const ay = a.to[1] - a.from[1];
  const bx = b.to[0] - b.from[0];
  const by = b.to[1] - b.from[1];
  return Math.abs(Math.atan2(ax * by - ay * bx, ax * bx + ay * by)) <= STRAIGHT_RADIANS;
}

export class SimView {
  readonly worldSelect: HTMLSelectElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly bubble: HTMLDivElement;
  private readonly title: HTMLHeadingElement;
  private world: World | null = null;
  private pose: Pose = { x: 0, y: 0, heading: 0 };
  private trail: Segment[] = [];
  /** How much the pen has drawn this run, cm (also on the panel as `data-trail-cm`). */
  private trailCm = 0;
  private distanceCm: number | null = null;
  private lineLeft: boolean | null = null;
  private lineRight: boolean | null = null;
  private frameRequested = false;
  /** The newest run drawn, and the newest one a change of world ended for the canvas. */
  private lastRunId = -1;
  private endedRunId = -1;
  private bubbleTimer: ReturnType<typeof setTimeout> | undefined;
  private highContrast = false;
  private readonly stage: HTMLElement;
  private readonly enlarge: HTMLButtonElement;
  private readonly fullScreen: HTMLButtonElement;
  /** What each line drawn on the simulator means. */
  private readonly legend = h('ul', { class: 'sim-legend', id: 'sim-legend' });

  constructor(
    private readonly container: HTMLElement,
    private locale: Locale,
  ) {
    this.title = h('h2', { id: 'sim-title', class: 'panel-title' });
    this.worldSelect = h('select', { id: 'world', class: 'select' });
    const worldLabel = h('label', { for: 'world', class: 'field-label', 'data-ui': 'world' });
    this.canvas = h('canvas', { id: 'sim-canvas', class: 'sim-canvas', role: 'img' });
    this.bubble = h('div', { id: 'speech', class: 'speech', role: 'status', 'aria-live': 'polite' });
    this.bubble.hidden = true;
    this.enlarge = h('button', { type: 'button', id: 'sim-enlarge', class: 'btn btn-tool btn-small', 'aria-pressed': 'false' });
    this.fullScreen = h('button', { type: 'button', id: 'sim-fullscreen', class: 'btn btn-tool btn-small' });
    this.enlarge.addEventListener('click', () => this.setEnlarged(!document.body.classList.contains('sim-large')));
    this.fullScreen.addEventListener('click', () => {
      if (document.fullscreenElement) void document.exitFullscreen();
      else void this.stage.requestFullscreen?.().catch(() => this.setEnlarged(true));
    });
    // Under the canvas (never over the world): the legend, and the size buttons.
    this.stage = h('div', { class: 'sim-stage', id: 'sim-stage' }, this.canvas, this.bubble);
    container.append(
      h('div', { class: 'panel-head' }, this.title, h('div', { class: 'field' }, worldLabel, this.worldSelect)),
      this.stage,
      h('div', { class: 'sim-foot' }, this.legend, h('div', { class: 'sim-size' }, this.enlarge, this.fullScreen)),
    );
    new ResizeObserver(() => this.requestDraw()).observe(this.canvas);
    this.setLocale(locale);
  }

  /** The simulator takes most of the window (the blocks stay beside it), or goes back. */
  setEnlarged(on: boolean): void {
    document.body.classList.toggle('sim-large', on);
    this.enlarge.setAttribute('aria-pressed', String(on));
    this.enlarge.textContent = ui(on ? 'simShrink' : 'simEnlarge', this.locale);
    window.dispatchEvent(new Event('resize'));
  }

  private renderLegend(): void {
    const w = this.world;
    const item = (cls: string, key: UiKey) => h('li', { class: `legend-${cls}` }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), ui(key, this.locale));
    this.legend.replaceChildren(
      item('trail', 'legendTrail'),
      item('ray', 'legendRay'),
      item('sensors', 'legendLineSensors'),
      ...(w && w.lines.length > 0 ? [item('line', 'legendLine')] : []),
      ...(w && w.walls.length > 0 ? [item('wall', 'legendWall')] : []),
      ...(w && w.zones.length > 0 ? [item('zone', 'legendZone')] : []),
    );
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.enlarge.textContent = ui(document.body.classList.contains('sim-large') ? 'simShrink' : 'simEnlarge', locale);
    this.fullScreen.textContent = ui('simFullScreen', locale);
    this.renderLegend();
    this.title.textContent = ui('tabSimulator', locale);
    this.canvas.setAttribute('aria-label', ui('simCanvas', locale));
    this.bubble.setAttribute('aria-label', ui('robotSays', locale));
    // The zone names on the canvas are in the language too.
    this.requestDraw();
  }

  setHighContrast(on: boolean): void {
    this.highContrast = on;
    this.requestDraw();
  }

  setWorlds(worlds: readonly WorldSummary[], selected: string): void {
    this.worldSelect.replaceChildren(
      ...worlds.map((w) => h('option', { value: w.id, selected: w.id === selected }, w.name[this.locale])),
    );
    this.worldSelect.value = selected;
  }

  showWorld(world: World): void {
    this.world = world;
    // The run drawn so far belongs to the old world: its last frames (sent as it stopped) are not drawn here.
    this.endedRunId = this.lastRunId;
    this.renderLegend();
    this.reset();
  }

  /** Back to the world's start: a new run, or a new world. */
  reset(): void {
    if (this.world) {
      this.pose = this.world.robot;
      this.container.dataset.pose = poseText(this.pose);
    }
    this.trail = [];
    this.trailCm = 0;
    this.container.dataset.trailCm = '0.0';
    this.distanceCm = null;
    this.lineLeft = null;
    this.lineRight = null;
    this.hideBubble();
    this.requestDraw();
  }

  /** The world and the robot's trail as a small PNG (at most `maxWidth` px wide), or null before any world is drawn. */
  snapshot(maxWidth = 360): string | null {
    if (!this.world || this.canvas.width === 0 || this.canvas.height === 0) return null;
    const scale = Math.min(1, maxWidth / this.canvas.width);
    const small = document.createElement('canvas');
    small.width = Math.max(1, Math.round(this.canvas.width * scale));
    small.height = Math.max(1, Math.round(this.canvas.height * scale));
    const ctx = small.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(this.canvas, 0, 0, small.width, small.height);
    return small.toDataURL('image/png');
  }

  applyFrame(frame: SimulationFrame): void {
    if (frame.runId <= this.endedRunId) return;
    this.lastRunId = Math.max(this.lastRunId, frame.runId);
    this.pose = frame.pose;
    this.trailCm += addToTrail(this.trail, frame.trail);
    this.container.dataset.pose = poseText(frame.pose);
    this.container.dataset.trailCm = this.trailCm.toFixed(1);
    this.requestDraw();
  }

  applySensors(reading: SensorReading): void {
    if (reading.runId <= this.endedRunId) return;
    if (reading.distance !== undefined) this.distanceCm = reading.distance;
    if (reading.lineLeft !== undefined) this.lineLeft = reading.lineLeft;
    if (reading.lineRight !== undefined) this.lineRight = reading.lineRight;
    this.requestDraw();
  }

  /** The robot says something: a speech bubble next to it for a few seconds. */
  say(text: string): void {
    this.bubble.textContent = text;
    this.bubble.hidden = false;
    this.placeBubble();
    clearTimeout(this.bubbleTimer);
    this.bubbleTimer = setTimeout(() => this.hideBubble(), BUBBLE_MS);
  }

  get bubbleText(): string | null {
    return this.bubble.hidden ? null : this.bubble.textContent;
  }

  private hideBubble(): void {
    clearTimeout(this.bubbleTimer);
    this.bubble.hidden = true;
  }

  private placeBubble(): void {
    if (!this.world || this.bubble.hidden) return;
    const [x, y] = worldToCanvas(this.world, this.canvas.clientWidth, this.canvas.clientHeight, [this.pose.x, this.pose.y]);
    const maxLeft = Math.max(0, this.canvas.clientWidth - this.bubble.offsetWidth);
    this.bubble.style.left = `${Math.min(maxLeft, Math.max(0, x + 14))}px`;
    this.bubble.style.top = `${Math.max(0, y - this.bubble.offsetHeight - 14)}px`;
  }

  private requestDraw(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.draw();
    });
  }

  private draw(): void {
    if (!this.world || this.canvas.clientWidth === 0) return;
    const scene: SimScene = {
      pose: this.pose,
      trail: this.trail,
      distanceCm: this.distanceCm,
      lineLeft: this.lineLeft,
      lineRight: this.lineRight,
    };
    drawSimulation(this.canvas, this.world, scene, { highContrast: this.highContrast, locale: this.locale });
    this.placeBubble();
  }
}
