/**
 * The projector's live simulator: the robot of whatever program the pupil runs on the other page,
 * drawn from the same host events the pupil's page gets (run states name the world; frames carry the
 * pose and what the pen drew). No simulation runs here; between runs the last picture stays.
 */
import type { Locale } from '../../../core/i18n/messages';
import type { Pose, World } from '../../../core/simulator/world';
import type { RobokitApi, RunStateMessage, SensorReading, SimulationFrame, Unsubscribe } from '../../../shared/api';
import { h } from '../shell/dom';
import { drawSimulation, type Segment } from '../sim/sim-canvas';
import { addToTrail, poseText } from '../sim/sim-view';
import { pt } from './projector-text';

export class LiveSim {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly note: HTMLParagraphElement;
  private readonly worlds = new Map<string, Promise<World | null>>();
  private world: World | null = null;
  private runId = -1;
  private pose: Pose | null = null;
  private trail: Segment[] = [];
  private trailCm = 0;
  private distanceCm: number | null = null;
  private lineLeft: boolean | null = null;
  private lineRight: boolean | null = null;
  private frameRequested = false;
  private noteKey: 'simIdle' | 'simOnRobot' | null = 'simIdle';
  private readonly unsubscribe: Unsubscribe[];

  constructor(
    private readonly api: RobokitApi,
    private locale: Locale,
  ) {
    this.canvas = h('canvas', { class: 'projector-canvas', id: 'projector-canvas', role: 'img' });
    this.note = h('p', { class: 'projector-sim-note', id: 'projector-sim-note' });
    this.element = h('div', { class: 'projector-sim', id: 'projector-sim' }, this.canvas, this.note);
    new ResizeObserver(() => this.requestDraw()).observe(this.canvas);
    this.unsubscribe = [
      api.onDidChangeRunState((m) => this.runState(m)),
      api.onDidUpdateSimulation((f) => this.frame(f)),
      api.onDidReadSensors((r) => this.sensors(r)),
    ];
    this.setLocale(locale);
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.canvas.setAttribute('aria-label', pt('simulator', locale));
    this.note.textContent = this.noteKey ? pt(this.noteKey, locale) : '';
    this.note.hidden = this.noteKey === null;
  }

  dispose(): void {
    for (const off of this.unsubscribe) off();
  }

  private runState(message: RunStateMessage): void {
    if (message.runId === this.runId) return;
    if (message.target !== 'sim' || message.world === undefined) {
      this.showNote(message.state === 'ended' ? 'simIdle' : 'simOnRobot');
      return;
    }
    // A new simulated run: its world, from the start.
    this.runId = message.runId;
    this.pose = null;
    this.trail = [];
    this.trailCm = 0;
    this.distanceCm = this.lineLeft = this.lineRight = null;
    this.element.dataset.run = String(message.runId);
    this.element.dataset.trailCm = '0.0';
    this.showNote(null);
    const runId = message.runId;
    void this.loadWorld(message.world).then((world) => {
      if (runId !== this.runId || !world) return;
      this.world = world;
      this.element.dataset.world = message.world;
      this.pose ??= world.robot;
      this.requestDraw();
    });
  }

  private frame(frame: SimulationFrame): void {
    if (frame.runId !== this.runId) return;
    this.pose = frame.pose;
    this.trailCm += addToTrail(this.trail, frame.trail);
    this.element.dataset.pose = poseText(frame.pose);
    this.element.dataset.trailCm = this.trailCm.toFixed(1);
    this.requestDraw();
  }

  private sensors(reading: SensorReading): void {
    if (reading.runId !== this.runId) return;
    if (reading.distance !== undefined) this.distanceCm = reading.distance;
    if (reading.lineLeft !== undefined) this.lineLeft = reading.lineLeft;
    if (reading.lineRight !== undefined) this.lineRight = reading.lineRight;
    this.requestDraw();
  }

  private loadWorld(id: string): Promise<World | null> {
    let world = this.worlds.get(id);
    if (!world) {
      world = this.api.getWorld({ id }).catch(() => null);
      this.worlds.set(id, world);
    }
    return world;
  }

  private showNote(key: 'simIdle' | 'simOnRobot' | null): void {
    this.noteKey = key;
    this.setLocale(this.locale);
  }

  private requestDraw(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      if (!this.world || !this.pose || this.canvas.clientWidth === 0) return;
      const scene = { pose: this.pose, trail: this.trail, distanceCm: this.distanceCm, lineLeft: this.lineLeft, lineRight: this.lineRight };
      drawSimulation(this.canvas, this.world, scene, { highContrast: false, locale: this.locale });
    });
  }
}
