/**
 * The 2D simulated robot (SPEC §2, §5): a two-wheel differential drive in a World, driven through
 * the same RobotIo as a real robot. Fixed time steps on a virtual clock, no randomness except the
 * seeded `random`, so the same world + profile + seed + commands give the same Trace, bit for bit.
 */
import type { Profile } from '../profiles';
import type { RobotIo } from '../robot-io';
import { BugError } from '../errors';
import { Arena } from './arena';
import { DEG } from './geometry';
import { Motion } from './motion';
import { DISTANCE_MAX_CM } from '../hardware-rules';
import { RobotSensors } from './robot-sensors';
import { createRandom } from '../random';
import { buildSimIo, type SimActuators } from './sim-io';
import { SAMPLE_EVERY_MS, TraceRecorder, type Trace } from './trace';
import type { Point, Pose, World } from './world';

export interface SimulationOptions {
  /** Seed of `random` (default 1). */
  readonly seed?: number;
  /** Internal fixed time step, ms (default 10). */
  readonly dtMs?: number;
}

/** Everything a renderer needs for one frame, as plain data. */
export interface SimSnapshot {
  readonly timeMs: number;
  readonly pose: Pose;
  readonly motors: { readonly left: number; readonly right: number };
  readonly lightOn: boolean;
  readonly toneHz: number;
  readonly penDown: boolean;
  readonly penSegments: readonly { readonly from: Point; readonly to: Point }[];
  readonly sensors: {
    /** From the sensor to what it sees, capped at the sensor's range. */
    readonly distanceRay: { readonly from: Point; readonly to: Point };
    readonly distanceCm: number;
    readonly lineLeft: { readonly at: Point; readonly dark: boolean };
    readonly lineRight: { readonly at: Point; readonly dark: boolean };
    readonly light: number;
    readonly button: boolean;
  };
}

export class Simulation {
  readonly io: RobotIo;
  /** Seeded uniform [0, 1): give it to the runtime for random blocks so whole runs replay. */
  readonly random: () => number;
  private readonly arena: Arena;
  private readonly motion: Motion;
  private readonly sensors: RobotSensors;
  private readonly rec = new TraceRecorder();
  private readonly act: SimActuators = { left: 0, right: 0, lightOn: false, toneHz: 0, penDown: false };
  private readonly dtMs: number;
  private readonly samplePeriod: number;
  private readonly inZone: boolean[];
  private steps = 0;
  private pendingMs = 0;
  private sensorsAtStep = -1;
  private button = false;

  constructor(world: World, profile: Profile, options: SimulationOptions = {}) {
    this.dtMs = options.dtMs ?? 10;
    if (!(this.dtMs > 0 && this.dtMs <= 100)) throw new BugError(`simulation step must be in (0, 100] ms, got ${this.dtMs}`);
    this.random = createRandom(options.seed ?? 1);
    this.motion = new Motion(world, profile.calibration);
    this.arena = this.motion.arena;
    this.sensors = new RobotSensors(this.arena);
    this.samplePeriod = Math.max(1, Math.round(SAMPLE_EVERY_MS / this.dtMs));
    this.inZone = world.zones.map(() => false);
    this.io = buildSimIo(profile.capabilities, this.act, {
      toneChanged: (hz) => this.rec.toneEvents.push({ t: this.timeMs, hz }),
      penLifted: () => this.rec.penLifted(),
      readSensors: () => this.readSensors(),
      readButton: () => this.button,
    });
    this.updateZones();
    this.sample();
  }

  /** Advances by `dtMs` in whole internal steps; a remainder waits for the next call. */
  step(dtMs: number): void {
    if (!(dtMs >= 0)) throw new BugError(`cannot step by ${dtMs} ms`);
    this.pendingMs += dtMs;
    while (this.pendingMs >= this.dtMs - 1e-9) {
      this.pendingMs -= this.dtMs;
      this.tick();
    }
  }

  get timeMs(): number {
    return this.steps * this.dtMs;
  }

  get pose(): Pose {
    return { x: this.motion.x, y: this.motion.y, heading: this.motion.theta / DEG };
  }

  get trace(): Trace {
    return this.rec.toTrace();
  }

  /** The robot's button, pressed by the UI or a test. */
  pressButton(pressed: boolean): void {
    this.button = pressed;
  }

  /**
   * Moves the robot without driving it (the UI lets a pupil drag it before a run; tests place it
   * over a line or at a distance from a wall). The pen does not draw the jump; zones update.
   */
  placeRobot(pose: Pose): void {
    this.rec.penLifted();
    this.motion.place(pose.x, pose.y, pose.heading);
    this.sensorsAtStep = -1;
    this.updateZones();
  }

  /** The room's light, 0…100, as the light sensor sees it away from light sources (a UI slider). */
  setAmbientLight(level: number): void {
    this.arena.setAmbient(level);
    this.sensorsAtStep = -1;
  }

  snapshot(): SimSnapshot {
    const s = this.readSensors();
    const rayLen = Math.min(s.rayHitCm, DISTANCE_MAX_CM);
    const { theta } = this.motion;
    return {
      timeMs: this.timeMs,
      pose: this.pose,
      motors: { left: this.act.left, right: this.act.right },
      lightOn: this.act.lightOn,
      toneHz: this.act.toneHz,
      penDown: this.act.penDown,
      penSegments: this.rec.allPenSegments(),
      sensors: {
        distanceRay: {
          from: [s.rayX, s.rayY],
          to: [s.rayX + rayLen * Math.cos(theta), s.rayY + rayLen * Math.sin(theta)],
        },
        distanceCm: s.distanceCm,
        lineLeft: { at: [s.leftX, s.leftY], dark: s.leftDark },
        lineRight: { at: [s.rightX, s.rightY], dark: s.rightDark },
        light: s.light,
        button: this.button,
      },
    };
  }

  private tick(): void {
    const m = this.motion;
    const x0 = m.x;
    const y0 = m.y;
    const newContact = m.advance(this.act.left, this.act.right, this.dtMs / 1000, this.act.penDown ? this.rec : null);
    this.steps++;
    const t = this.timeMs;
    if (newContact) this.rec.collisions.push({ t, x: m.x, y: m.y });
    if (m.x !== x0 || m.y !== y0) this.updateZones();
    this.account();
    if (this.steps % this.samplePeriod === 0) this.sample();
  }

  private account(): void {
    const rec = this.rec;
    rec.durationMs = this.timeMs;
    if (this.act.lightOn) rec.lightOnMs += this.dtMs;
    if (this.arena.hasLines && this.motion.onLine()) rec.onLineMs += this.dtMs;
  }

  private updateZones(): void {
    const { x, y } = this.motion;
    for (let i = 0; i < this.inZone.length; i++) {
      const inside = this.arena.zoneContains(i, x, y);
      if (inside === this.inZone[i]) continue;
      this.inZone[i] = inside;
      this.rec.zoneEvents.push({ t: this.timeMs, zone: this.arena.zones[i]!.name, kind: inside ? 'enter' : 'leave' });
    }
  }

  private sample(): void {
    const m = this.motion;
    this.rec.samples.push({
      t: this.timeMs,
      x: m.x,
      y: m.y,
      heading: m.theta / DEG,
      left: this.act.left,
      right: this.act.right,
    });
  }

  private readSensors(): RobotSensors {
    if (this.sensorsAtStep !== this.steps) {
      this.sensorsAtStep = this.steps;
      this.sensors.update(this.motion.x, this.motion.y, this.motion.theta);
    }
    return this.sensors;
  }
}

