/**
 * The « Mon robot » calibration: the robot drives 1 s and spins 1 s at a power (50 % and 100 %,
 * say); the pupil or the teacher measures the distance with a ruler and the angle with a
 * protractor. From those measurements, the speeds every part of RoboKit uses (hardware-rules.ts
 * `speedAt` says how speeds between and beyond the measured powers are found). Pure; never throws.
 */
import { POWER_MAX, speedAt, type Calibration, type SpeedPoint } from '../hardware-rules';
import type { MessageCode } from '../i18n/messages';

/** Drove straight for `seconds` at `power` % and covered `cm`. */
export interface DriveMeasurement {
  readonly power: number;
  readonly seconds: number;
  readonly cm: number;
}

/** Spun in place for `seconds` with the wheels at ±`power` % and turned `degrees`. */
export interface TurnMeasurement {
  readonly power: number;
  readonly seconds: number;
  readonly degrees: number;
}

/** What was measured; either list may be empty (that speed then keeps the kit's nominal value). */
export interface CalibrationMeasurements {
  readonly drive: readonly DriveMeasurement[];
  readonly turn: readonly TurnMeasurement[];
}

/** At most this many powers per list (two is what the wizard asks for). */
export const MAX_MEASUREMENTS = 4;
/** Bounds of what a classroom can measure: a 1 s move is never a kilometre. */
export const MEASURE_LIMITS = { seconds: 60, cm: 1000, degrees: 3600 } as const;

export interface CalibrationError {
  readonly code: MessageCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export type ComputeCalibrationResult =
  | { readonly ok: true; readonly calibration: Calibration }
  | { readonly ok: false; readonly error: CalibrationError };

const fail = (code: MessageCode, params: Record<string, string | number> = {}): { ok: false; error: CalibrationError } => ({
  ok: false,
  error: { code, params },
});

type Checked = { ok: true; points: SpeedPoint[] } | { ok: false; error: CalibrationError };

/** Measurements of one kind → speed points by ascending power, or what is wrong with them. */
function toPoints(list: readonly { power: number; seconds: number; amount: number }[], max: number): Checked {
  if (list.length > MAX_MEASUREMENTS) return fail('calibration-too-many', { max: MAX_MEASUREMENTS });
  const points: SpeedPoint[] = [];
  for (const m of list) {
    if (!(Number.isInteger(m.power) && m.power >= 1 && m.power <= POWER_MAX)) return fail('calibration-bad-power', { power: String(m.power) });
    if (!(m.seconds > 0 && m.seconds <= MEASURE_LIMITS.seconds && m.amount > 0 && m.amount <= max)) {
      return fail('calibration-bad-measure', { power: m.power });
    }
    if (points.some((p) => p.power === m.power)) return fail('calibration-same-power', { power: m.power });
    points.push({ power: m.power, perSecond: m.amount / m.seconds });
  }
  return { ok: true, points: points.sort((a, b) => a.power - b.power) };
}

/**
 * Speeds from measurements: each measurement gives a speed (24 cm in 1 s at 50 % → 24 cm/s at 50 %);
 * `cmPerSecond` / `degreesPerSecond` are then the speeds at 100 % (measured, or found by `speedAt`).
 * A list left empty keeps `nominal`'s value for that speed (the kit's, from its profile).
 */
export function computeCalibration(measurements: CalibrationMeasurements, nominal: Calibration): ComputeCalibrationResult {
  const drive = toPoints(measurements.drive.map((m) => ({ power: m.power, seconds: m.seconds, amount: m.cm })), MEASURE_LIMITS.cm);
  if (!drive.ok) return drive;
  const spin = toPoints(measurements.turn.map((m) => ({ power: m.power, seconds: m.seconds, amount: m.degrees })), MEASURE_LIMITS.degrees);
  if (!spin.ok) return spin;
  const measured = {
    ...(drive.points.length > 0 ? { drive: drive.points } : {}),
    ...(spin.points.length > 0 ? { spin: spin.points } : {}),
  };
  return {
    ok: true,
    calibration: {
      cmPerSecond: speedAt(measured.drive, nominal.cmPerSecond, POWER_MAX),
      degreesPerSecond: speedAt(measured.spin, nominal.degreesPerSecond, POWER_MAX),
      ...(drive.points.length + spin.points.length > 0 ? { measured } : {}),
    },
  };
}
