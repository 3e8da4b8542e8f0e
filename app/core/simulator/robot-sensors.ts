/**
 * Sensor readings for a pose: distance by ray cast from the front, two line sensors ahead of the
 * centre, the light sensor at the centre. One mutable record, refreshed at most once per step.
 */
import type { Arena } from './arena';
import {
  DISTANCE_MAX_CM,
  DISTANCE_MIN_CM,
  DISTANCE_SENSOR_AHEAD_CM,
  LINE_SENSOR_AHEAD_CM,
  LINE_SENSOR_SIDE_CM,
} from './robot-body';

export class RobotSensors {
  /** Ray origin and the raw hit distance (Infinity when nothing is hit). */
  rayX = 0;
  rayY = 0;
  rayHitCm = Infinity;
  /** Reported distance: clamped to the sensor's range, 0.1 cm steps. */
  distanceCm = DISTANCE_MAX_CM;
  leftX = 0;
  leftY = 0;
  leftDark = false;
  rightX = 0;
  rightY = 0;
  rightDark = false;
  /** 0…100, whole numbers. */
  light = 0;

  constructor(private readonly arena: Arena) {}

  update(x: number, y: number, theta: number): void {
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    this.rayX = x + DISTANCE_SENSOR_AHEAD_CM * c;
    this.rayY = y + DISTANCE_SENSOR_AHEAD_CM * s;
    this.rayHitCm = this.arena.rayCast(this.rayX, this.rayY, c, s);
    this.distanceCm = clampDistance(this.rayHitCm);
    const ax = x + LINE_SENSOR_AHEAD_CM * c;
    const ay = y + LINE_SENSOR_AHEAD_CM * s;
    this.leftX = ax - LINE_SENSOR_SIDE_CM * s;
    this.leftY = ay + LINE_SENSOR_SIDE_CM * c;
    this.rightX = ax + LINE_SENSOR_SIDE_CM * s;
    this.rightY = ay - LINE_SENSOR_SIDE_CM * c;
    this.leftDark = this.arena.nearLine(this.leftX, this.leftY, 0);
    this.rightDark = this.arena.nearLine(this.rightX, this.rightY, 0);
    this.light = Math.round(this.arena.lightAt(x, y));
  }
}

function clampDistance(cm: number): number {
  if (cm <= DISTANCE_MIN_CM) return DISTANCE_MIN_CM;
  if (cm >= DISTANCE_MAX_CM) return DISTANCE_MAX_CM;
  return Math.round(cm * 10) / 10;
}
