/** The simulator's public surface: worlds, their validation, the Simulation and its Trace. */
export type { DarkLine, LightSource, Point, Pose, Shape, Wall, World, Zone } from './world';
export { parseWorld, type ParseWorldResult, type WorldError } from './parse-world';
export { WORLD_LIMITS, WORLD_SCHEMA } from './world-schema';
export { BUILT_IN_WORLDS, findWorld } from './built-in-worlds';
export { Simulation, type SimSnapshot, type SimulationOptions } from './simulation';
export type { Collision, PenSegment, ToneEvent, Trace, TraceSample, ZoneEvent } from './trace';
export { SAMPLE_EVERY_MS } from './trace';
export { DISTANCE_MAX_CM, DISTANCE_MIN_CM } from '../hardware-rules';
export {
  LINE_SENSOR_AHEAD_CM,
  LINE_SENSOR_SIDE_CM,
  ROBOT_RADIUS_CM,
} from './robot-body';
