/**
 * Sensor readings for a pose: distance by ray cast from the front, two line sensors ahead of the
 * centre, the light sensor at the centre. Refreshed at most once per step, each sensor only when read.
 */
import type { Arena } from './arena';
import { DISTANCE_MAX_CM, reportedDistance } from '../hardware-rules';
import {
  DISTANCE_SENSOR_AHEAD_CM,
  LINE_SENSOR_AHEAD_CM,
  LINE_SENSOR_SIDE_CM,
} from './robot-body';

export class RobotSensors {
  private x = 0;
  private y = 0;
  private cos = 1;
  private sin = 0;
  /** Each group is computed on first read after the pose changed: a program reading only its line
   * sensors never pays for the distance ray cast or the light. */
  private distanceFresh = false;
  private lineFresh = false;
  private lightFresh = false;
  private ray = { x: 0, y: 0, hitCm: Infinity, distanceCm: DISTANCE_MAX_CM };
  private lines = { leftX: 0, leftY: 0, leftDark: false, rightX: 0, rightY: 0, rightDark: false };
  private lightLevel = 0;

  constructor(private readonly arena: Arena) {}

  update(x: number, y: number, theta: number): void {
    this.x = x;
    this.y = y;
    this.cos = Math.cos(theta);
    this.sin = Math.sin(theta);
    this.distanceFresh = this.lineFresh = this.lightFresh = false;
  }

  /** Ray origin and the raw hit distance (Infinity when nothing is hit). */
  get rayX(): number {
    return this.distance().x;
  }
  get rayY(): number {
    return this.distance().y;
  }
  get rayHitCm(): number {
    return this.distance().hitCm;
  }
  /** Reported distance: clamped to the sensor's range, 0.1 cm steps. */
  get distanceCm(): number {
    return this.distance().distanceCm;
  }
  get leftX(): number {
    return this.line().leftX;
  }
  get leftY(): number {
    return this.line().leftY;
  }
  get leftDark(): boolean {
    return this.line().leftDark;
  }
  get rightX(): number {
    return this.line().rightX;
  }
  get rightY(): number {
    return this.line().rightY;
  }
  get rightDark(): boolean {
    return this.line().rightDark;
  }
  /** 0…100, whole numbers. */
  get light(): number {
    if (!this.lightFresh) {
      this.lightFresh = true;
      this.lightLevel = Math.round(this.arena.lightAt(this.x, this.y));
    }
    return this.lightLevel;
  }

  private distance(): RobotSensors['ray'] {
    if (!this.distanceFresh) {
      this.distanceFresh = true;
      const { cos: c, sin: s, ray } = this;
      ray.x = this.x + DISTANCE_SENSOR_AHEAD_CM * c;
      ray.y = this.y + DISTANCE_SENSOR_AHEAD_CM * s;
      ray.hitCm = this.arena.rayCast(ray.x, ray.y, c, s);
      ray.distanceCm = reportedDistance(ray.hitCm);
    }
    return this.ray;
  }

  private line(): RobotSensors['lines'] {
    if (!this.lineFresh) {
      this.lineFresh = true;
      const { cos: c, sin: s, lines } = this;
      const ax = this.x + LINE_SENSOR_AHEAD_CM * c;
      const ay = this.y + LINE_SENSOR_AHEAD_CM * s;
      lines.leftX = ax - LINE_SENSOR_SIDE_CM * s;
      lines.leftY = ay + LINE_SENSOR_SIDE_CM * c;
      lines.rightX = ax + LINE_SENSOR_SIDE_CM * s;
      lines.rightY = ay - LINE_SENSOR_SIDE_CM * c;
      lines.leftDark = this.arena.nearLine(lines.leftX, lines.leftY, 0);
      lines.rightDark = this.arena.nearLine(lines.rightX, lines.rightY, 0);
    }
    return this.lines;
  }
}
