/**
 * The robot's hardware rules, written once: the runtime, the simulator, the Firmata adapter
 * (firmware-bridge) and the exported Johnny-Five script (compiler/js-rules.ts writes them into the
 * script from these numbers, and a test runs the script's helpers against these functions) all use
 * them. Pure and small, so each rule is tested with a table.
 */
// --- Motors -------------------------------------------------------------------------------------

/** Motor power is −100…100 %. */
export const POWER_MAX = 100;

/** −100…100 %; not a number is 0; never −0 (it would print as 0 but compare differently). */
export function clampPower(percent: number): number {
  if (Number.isNaN(percent)) return 0;
  return Math.max(-POWER_MAX, Math.min(POWER_MAX, percent)) + 0;
}

/** A motor mounted (or wired) the other way round turns the other way: its power is negated. */
export function mirroredPower(power: number, mirrored: boolean): number {
  return mirrored ? clampPower(-power) : clampPower(power);
}

/** The PWM scale of an Arduino `analogWrite`. */
export const PWM_MAX = 255;

/** Speed % → PWM duty, linear 0–255 whatever the sign (50 % → 128, SPEC §4). */
export function pwmDuty(power: number): number {
  return Math.round((Math.min(POWER_MAX, Math.abs(clampPower(power))) * PWM_MAX) / POWER_MAX);
}

/** An H-bridge's direction pin: the profile's forward level for power ≥ 0, the other level backwards. */
export function directionLevel(power: number, forwardLevel: 0 | 1): 0 | 1 {
  if (power >= 0) return forwardLevel;
  return forwardLevel === 1 ? 0 : 1;
}

/** A continuous-rotation servo stands still at 90°; 0° and 180° are full speed either way. */
export const SERVO_NEUTRAL = 90;
/** Pulse range of the drive servos, so that 90° is the usual 1500 µs neutral. */
export const DRIVE_SERVO_US = { min: 1000, max: 2000 } as const;
/** The pen servo is an ordinary positional servo (Firmata's default range). */
export const PEN_SERVO_US = { min: 544, max: 2400 } as const;

/** Power % → continuous servo angle; a mirrored servo (mounted the other way round) turns the other way. */
export function servoAngle(power: number, mirrored: boolean): number {
  const p = clampPower(power) * (mirrored ? -1 : 1);
  return Math.round(SERVO_NEUTRAL + (p * SERVO_NEUTRAL) / POWER_MAX);
}

// --- Timed moves ----------------------------------------------------------------------------------

/** Seconds → ms; a negative time is no time. */
export function durationMs(seconds: number): number {
  return Math.max(0, seconds * 1000);
}

/** Spinning in place uses 50 % power. */
export const TURN_POWER = 50;

/** One measured speed: at `power` % the robot drives `perSecond` cm/s (or spins `perSecond` °/s). */
export interface SpeedPoint {
  readonly power: number;
  readonly perSecond: number;
}

/**
 * A robot's speeds. `cmPerSecond` and `degreesPerSecond` are at 100 % power; without `measured`,
 * speed is proportional to power (the built-in profiles' nominal values). With `measured` (the
 * « Mon robot » wizard: a ruler, a protractor, 1 s at 50 % and at 100 %), those points decide:
 * see `speedAt`.
 */
export interface Calibration {
  /** Straight-line speed at 100 % power, cm/s. */
  readonly cmPerSecond: number;
  /** Spinning speed at 100 % power, °/s. */
  readonly degreesPerSecond: number;
  /** Measured speeds, by power (ascending, distinct, 1–100 %), each list optional. */
  readonly measured?: { readonly drive?: readonly SpeedPoint[]; readonly spin?: readonly SpeedPoint[] };
}

/**
 * The speed at |power| % through measured points: straight lines between (0 %, 0) and the points
 * in order of power; past the highest point the last line goes on, never slower than that point.
 * No points: proportional to power from `atFull` (the speed at 100 %). Always ≥ 0.
 */
export function speedAt(points: readonly SpeedPoint[] | undefined, atFull: number, power: number): number {
  const p = Math.min(POWER_MAX, Math.abs(clampPower(power)));
  if (!points || points.length === 0) return (p / POWER_MAX) * atFull;
  let previous: SpeedPoint = { power: 0, perSecond: 0 };
  for (const point of points) {
    if (p <= point.power) {
      return previous.perSecond + ((p - previous.power) * (point.perSecond - previous.perSecond)) / (point.power - previous.power);
    }
    previous = point;
  }
  const before = points.length > 1 ? points[points.length - 2]! : { power: 0, perSecond: 0 };
  const slope = (previous.perSecond - before.perSecond) / (previous.power - before.power);
  return Math.max(previous.perSecond, previous.perSecond + (p - previous.power) * slope);
}

/** A wheel's signed speed at this power, cm/s (what one wheel covers; both at it drive straight at it). */
export function driveSpeed(calibration: Calibration, power: number): number {
  const speed = speedAt(calibration.measured?.drive, calibration.cmPerSecond, power);
  return power < 0 ? -speed : speed;
}

/** Spinning in place with the wheels at ±power, °/s (signed like power: positive is the right wheel forward). */
export function spinRate(calibration: Calibration, power: number): number {
  const rate = speedAt(calibration.measured?.spin, calibration.degreesPerSecond, power);
  return power < 0 ? -rate : rate;
}

/** Both motors' power and for how long, then both stop. */
export interface MotorPlan {
  readonly left: number;
  readonly right: number;
  readonly ms: number;
}

/** `robot_move`: both motors at SPEED (BACKWARD negates it; a negative speed goes the other way) for SECONDS. */
export function movePlan(direction: 'forward' | 'backward', speed: number, seconds: number): MotorPlan {
  const power = direction === 'forward' ? speed : -speed;
  return { left: power, right: power, ms: durationMs(seconds) };
}

/**
 * `robot_turn`: LEFT is the left wheel back and the right wheel forward, at `TURN_POWER`, for the time
 * the calibration gives for |DEGREES|; negative degrees turn the other way.
 */
export function turnPlan(direction: 'left' | 'right', degrees: number, calibration: Calibration): MotorPlan {
  const left = (direction === 'left') === degrees >= 0;
  return {
    left: left ? -TURN_POWER : TURN_POWER,
    right: left ? TURN_POWER : -TURN_POWER,
    ms: durationMs(Math.abs(degrees) / spinRate(calibration, TURN_POWER)),
  };
}

/** « avancer de N cm » drives at 50 %: slow enough to stop where it should, and a power the « Mon robot » wizard measures. */
export const DISTANCE_POWER = 50;

/** A quarter turn, for « tourner d'un quart de tour ». */
export const QUARTER_TURN_DEGREES = 90;

/**
 * « avancer / reculer de N cm »: at `DISTANCE_POWER` for the time the calibration gives for N cm
 * (measured speed at that power, else the nominal one); a negative distance is no move, as a negative time.
 */
export function distanceSeconds(cm: number, calibration: Calibration): number {
  return cm / distanceCmPerSecond(calibration);
}

/** The speed « avancer de N cm » drives at, cm/s: the compiler divides N by it. */
export function distanceCmPerSecond(calibration: Calibration): number {
  return driveSpeed(calibration, DISTANCE_POWER);
}

// --- Sensors --------------------------------------------------------------------------------------

/** A 10-bit ADC on a 5 V Uno. */
export const ADC_MAX = 1023;
export const ADC_VOLTS = 5;

/**
 * Sharp GP2Y0A21YK: useful range 10–80 cm. Nearer than 10 cm its output folds back and is
 * ambiguous: the robot reports 10 there (so "closer than 15 cm" still works), and 80 for anything farther.
 */
export const DISTANCE_MIN_CM = 10;
export const DISTANCE_MAX_CM = 80;
/** The usual fit of the GP2Y0A21YK datasheet curve: d ≈ 27.86 · V^−1.15 (2.0 V ≈ 12.6 cm, 0.4 V ≈ 80 cm). */
export const GP2Y0A21YK_FIT = { cm: 27.86, exponent: -1.15 } as const;

/** A distance as the robot reports it: within the sensor's range, to the millimetre. */
export function reportedDistance(cm: number): number {
  if (!(cm > DISTANCE_MIN_CM)) return DISTANCE_MIN_CM;
  if (cm >= DISTANCE_MAX_CM) return DISTANCE_MAX_CM;
  return Math.round(cm * 10) / 10;
}

/** Volts of an ADC reading. */
export function adcVolts(raw: number): number {
  return (Math.max(0, Math.min(ADC_MAX, raw)) * ADC_VOLTS) / ADC_MAX;
}

/** Distance from the GP2Y0A21YK's ADC reading; no voltage at all is nothing in sight. */
export function distanceFromAdc(raw: number): number {
  const volts = adcVolts(raw);
  if (volts <= 0) return DISTANCE_MAX_CM;
  return reportedDistance(GP2Y0A21YK_FIT.cm * Math.pow(volts, GP2Y0A21YK_FIT.exponent));
}

/** The GP2Y0A21YK's output at this distance (the fit, inverted): what a test rig feeds the ADC. */
export function distanceVolts(cm: number): number {
  return Math.pow(cm / GP2Y0A21YK_FIT.cm, 1 / GP2Y0A21YK_FIT.exponent);
}

/** Ambient light 0 (dark) … 100 (bright) from a divider reading. */
export function lightPercent(raw: number): number {
  return Math.round((Math.max(0, Math.min(ADC_MAX, raw)) * 100) / ADC_MAX);
}

/** Line sensor: a reading strictly above the profile's threshold is the dark line. */
export function seesDark(raw: number, darkAbove: number): boolean {
  return raw > darkAbove;
}
