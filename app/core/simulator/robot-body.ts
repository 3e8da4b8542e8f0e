/**
 * The simulated robot's body and sensor placement (centimetres, robot frame: +x ahead, +y left).
 * The simulator plays any profile's twin with this body; only the calibration changes its speeds.
 */
/** The body is a circle around the point between the wheels. */
export const ROBOT_RADIUS_CM = 8;
/** The distance sensor looks straight ahead from the front of the body. */
export const DISTANCE_SENSOR_AHEAD_CM = ROBOT_RADIUS_CM;
/** (The distance sensor's range, 10–80 cm, is a hardware rule: app/core/hardware-rules.ts.) */
/** Line sensors: ahead of the centre, one each side. */
export const LINE_SENSOR_AHEAD_CM = 6;
export const LINE_SENSOR_SIDE_CM = 2;
/** A clearance below this counts as touching a wall (a new touch is a collision in the trace). */
export const CONTACT_CM = 0.05;
/** No sub-step moves a wheel farther than this, so the robot cannot tunnel through a thin wall. */
export const MAX_SUBSTEP_CM = 1;

/**
 * Distance between the wheels such that spinning in place at 100 % turns at `degreesPerSecond`
 * when each wheel runs at `cmPerSecond`: ω = 2v / b.
 */
export function wheelbaseCm(cmPerSecond: number, degreesPerSecond: number): number {
  return (2 * cmPerSecond) / ((degreesPerSecond * Math.PI) / 180);
}
