/**
 * Differential-drive kinematics with collisions. Each step moves along the exact arc the two wheel
 * speeds give, in sub-steps short enough that the body cannot jump over a wall; a sub-step that
 * would push the body into a solid is shortened to the contact point (the robot stops against it,
 * it may still turn in place).
 */
import { Arena } from './arena';
import { DEG, normalizeRadians } from './geometry';
import { CONTACT_CM, LINE_SENSOR_AHEAD_CM, LINE_SENSOR_SIDE_CM, MAX_SUBSTEP_CM, ROBOT_RADIUS_CM } from './robot-body';
import { driveSpeed, spinRate, type Calibration } from '../hardware-rules';
import type { TraceRecorder } from './trace';
import type { World } from './world';
import { BugError } from '../errors';

const CONTACT_SEARCH_ITERATIONS = 12;

export class Motion {
  readonly arena: Arena;
  x: number;
  y: number;
  /** Heading, radians in [0, 2π). */
  theta: number;
  private readonly calibration: Calibration;
  /** Distance from the body's edge to the nearest solid (capped at MAX_SUBSTEP_CM). */
  private clearance: number;
  private touching: boolean;

  /** The profile's calibration: measured speeds when it has them (a class's robot), else nominal ones. */
  constructor(world: World, calibration: Calibration) {
    if (!(calibration.cmPerSecond > 0 && calibration.degreesPerSecond > 0)) {
      throw new BugError('profile calibration speeds must be positive');
    }
    this.arena = new Arena(world, ROBOT_RADIUS_CM + MAX_SUBSTEP_CM);
    this.calibration = calibration;
    this.x = this.y = this.theta = this.clearance = 0;
    this.touching = false;
    this.place(world.robot.x, world.robot.y, world.robot.heading);
  }

  /** Puts the robot somewhere (heading in degrees); already touching there is no new contact. */
  place(x: number, y: number, headingDeg: number): void {
    this.x = x;
    this.y = y;
    this.theta = normalizeRadians((headingDeg * Math.PI) / 180);
    this.clearance = this.clearanceAt(x, y);
    this.touching = this.clearance < CONTACT_CM;
  }

  /**
   * Moves for `dtS` seconds with motor powers `left`, `right` (%). Records the pen's path when a
   * recorder is given. Returns true when this step started a new contact with a solid.
   */
  advance(left: number, right: number, dtS: number, pen: TraceRecorder | null): boolean {
    // Each wheel at its power's speed (hardware-rules.ts); the heading turns by half the difference of
    // the two wheels' spin rates, so both wheels at ±p spin at exactly the calibrated rate for p, and
    // both at p drive straight at the calibrated speed for p.
    const vl = driveSpeed(this.calibration, left);
    const vr = driveSpeed(this.calibration, right);
    const v = (vl + vr) / 2;
    const w = ((spinRate(this.calibration, right) - spinRate(this.calibration, left)) / 2) * DEG;
    const n = Math.max(1, Math.ceil((Math.max(Math.abs(vl), Math.abs(vr)) * dtS) / MAX_SUBSTEP_CM));
    const h = dtS / n;
    let newContact = false;
    for (let i = 0; i < n; i++) {
      const th = this.theta;
      const dth = w * h;
      let dx: number;
      let dy: number;
      if (Math.abs(dth) < 1e-12) {
        dx = v * h * Math.cos(th);
        dy = v * h * Math.sin(th);
      } else {
        const r = v / w;
        dx = r * (Math.sin(th + dth) - Math.sin(th));
        dy = r * (Math.cos(th) - Math.cos(th + dth));
      }
      const x0 = this.x;
      const y0 = this.y;
      if (dx !== 0 || dy !== 0) this.translate(dx, dy);
      this.theta = normalizeRadians(th + dth);
      if (pen) pen.penMoved(x0, y0, this.x, this.y, this.theta, v >= 0);
      const touching = this.clearance < CONTACT_CM;
      if (touching && !this.touching) newContact = true;
      this.touching = touching;
    }
    return newContact;
  }

  /** True when the point between the line sensors is on a dark line (see Trace.line). */
  onLine(): boolean {
    const ax = this.x + LINE_SENSOR_AHEAD_CM * Math.cos(this.theta);
    const ay = this.y + LINE_SENSOR_AHEAD_CM * Math.sin(this.theta);
    return this.arena.nearLine(ax, ay, LINE_SENSOR_SIDE_CM);
  }

  private translate(dx: number, dy: number): void {
    const c = this.clearanceAt(this.x + dx, this.y + dy);
    // Moving into a solid is refused; moving out of one (a start overlapping a wall) is allowed.
    if (c >= 0 || c >= this.clearance) {
      this.x += dx;
      this.y += dy;
      this.clearance = c;
      return;
    }
    if (this.clearance < 0) return;
    this.moveToContact(dx, dy);
  }

  /** Moves the largest fraction of (dx, dy) that keeps the body out of solids. */
  private moveToContact(dx: number, dy: number): void {
    let lo = 0;
    let hi = 1;
    let loClearance = this.clearance;
    for (let k = 0; k < CONTACT_SEARCH_ITERATIONS; k++) {
      const mid = (lo + hi) / 2;
      const c = this.clearanceAt(this.x + mid * dx, this.y + mid * dy);
      if (c >= 0) {
        lo = mid;
        loClearance = c;
      } else hi = mid;
    }
    this.x += lo * dx;
    this.y += lo * dy;
    // Stopped against it: count as touching even if the search stopped a hair short.
    this.clearance = Math.min(loClearance, 0);
  }

  private clearanceAt(x: number, y: number): number {
    return this.arena.distanceToSolid(x, y) - ROBOT_RADIUS_CM;
  }
}
