/**
 * `.robokitprofile` files (docs/profiles.md): a class's own robot — a built-in kit, how its motors
 * are plugged (swapped, each side turning the wrong way), and its calibration measurements. Parse
 * untrusted text into a checked ProfileFile, or say in one sentence what is wrong (a code from the
 * i18n catalog); turn a ProfileFile into the Profile everything else runs with. Never throws on input.
 */
import { validateProfileFile } from '../generated/profile-file-validator';
import type { MessageCode } from '../i18n/messages';
import { describePackError } from '../lessons/pack-error';
import { schemaErrors } from '../lessons/schema-errors';
import { MAX_NESTING } from '../nesting';
import { BUILT_IN_PROFILES, findProfile, type Profile, type ProfilePins } from '../profiles';
import { guardJsonText } from '../project/json-guard';
import { looksTruncated } from '../project/project';
import { computeCalibration, type CalibrationMeasurements } from './calibration';

export const PROFILE_FILE_FORMAT = 'robokit-user-profile';
export const PROFILE_FILE_VERSION = 1;
export const PROFILE_FILE_EXTENSION = '.robokitprofile';
/** A profile is a few hundred bytes; a stray video on a USB key is refused before it is read. */
export const PROFILE_FILE_LIMITS = { maxChars: 64 * 1024, maxDepth: Math.min(MAX_NESTING, 8) } as const;

/** How the motors are plugged compared with the kit's wiring sheet. */
export interface MotorWiring {
  /** The left and right motors are swapped (the left wheel turns when the right one should). */
  readonly swap?: boolean;
  /** The left wheel (after any swap) turns backwards when it should go forwards: its power is inverted. */
  readonly invertLeft?: boolean;
  readonly invertRight?: boolean;
}

export interface ProfileFile {
  readonly format: typeof PROFILE_FILE_FORMAT;
  readonly version: typeof PROFILE_FILE_VERSION;
  /** Lower case, digits, dashes; never a built-in profile's id. Projects name the profile by it. */
  readonly id: string;
  /** The robot's name as the class chose it (« Robot Lila »). */
  readonly name: string;
  /** The built-in kit it starts from (`mbot`, `l298n-hcsr04`, …). */
  readonly kit: string;
  readonly motors?: MotorWiring;
  readonly calibration?: CalibrationMeasurements;
  readonly updatedAt?: string;
}

export interface ProfileFileError {
  readonly code: MessageCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export type ParseProfileFileResult = { ok: true; file: ProfileFile } | { ok: false; error: ProfileFileError };

const fail = (code: MessageCode, params: Record<string, string | number> = {}): { ok: false; error: ProfileFileError } => ({
  ok: false,
  error: { code, params },
});

const GUARD_CODES = {
  'file-empty': 'profile-empty',
  'file-too-large': 'profile-too-large',
  'file-not-json': 'profile-not-json',
  'file-too-deep': 'profile-too-deep',
} as const;

export function parseProfileFile(text: string): ParseProfileFileResult {
  const guard = guardJsonText(text, PROFILE_FILE_LIMITS);
  if (guard) return fail(GUARD_CODES[guard.code], guard.code === 'file-too-large' ? { size: `${guard.size} octets` } : {});
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail(looksTruncated(text) ? 'profile-truncated' : 'profile-not-json');
  }
  return checkProfileFile(data);
}

/** Validates already-parsed data (received over the API, read from the store). */
export function checkProfileFile(data: unknown): ParseProfileFileResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('profile-wrong-format');
  const record = data as Record<string, unknown>;
  if (record.format !== PROFILE_FILE_FORMAT) return fail('profile-wrong-format');
  if (typeof record.version === 'number' && record.version > PROFILE_FILE_VERSION) {
    return fail('profile-future-version', { version: record.version });
  }
  if (!validateProfileFile(data)) {
    const first = schemaErrors('profil', validateProfileFile.errors ?? [])[0];
    if (!first) return fail('profile-invalid', { fr: 'format inattendu.', en: 'unexpected format.' });
    return fail('profile-invalid', { fr: describePackError(first, 'fr'), en: describePackError(first, 'en') });
  }
  const file = data as unknown as ProfileFile;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(file.name) || file.name.trim() === '') return fail('profile-bad-name');
  if (findProfile(file.id)) return fail('profile-id-taken', { profile: file.id });
  const kit = findProfile(file.kit);
  if (!kit) return fail('profile-unknown-kit', { kit: file.kit });
  if (file.calibration) {
    const calibration = computeCalibration(file.calibration, kit.calibration);
    if (!calibration.ok) return calibration;
  }
  return { ok: true, file };
}

export function serializeProfileFile(file: ProfileFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A robot's name as typed: trimmed, spaces collapsed, 1–60 characters, no control characters. */
export function cleanRobotName(typed: string): string | null {
  const name = typed.trim().replace(/\s+/g, ' ');
  // eslint-disable-next-line no-control-regex
  if (name.length < 1 || name.length > 60 || /[\u0000-\u001f\u007f]/.test(name)) return null;
  return name;
}

/**
 * An id for a new profile from its name (« Robot Lila » → `robot-lila`), never a built-in's nor one
 * in `taken` (`robot-lila-2`, …).
 */
export function profileIdFor(name: string, taken: Iterable<string> = []): string {
  const used = new Set(taken);
  const slug =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 34)
      .replace(/-+$/, '') || 'mon-robot';
  const free = (id: string) => !used.has(id) && !findProfile(id);
  if (free(slug)) return slug;
  for (let n = 2; ; n++) if (free(`${slug}-${n}`)) return `${slug}-${n}`;
}

/** A new profile for a kit: wired as the kit's sheet says, not yet calibrated. Null if the name is not one. */
export function newProfileFile(typedName: string, kit: string, taken: Iterable<string> = [], now = ''): ProfileFile | null {
  const name = cleanRobotName(typedName);
  if (!name || !findProfile(kit)) return null;
  return {
    format: PROFILE_FILE_FORMAT,
    version: PROFILE_FILE_VERSION,
    id: profileIdFor(name, taken),
    name,
    kit,
    ...(now ? { updatedAt: now } : {}),
  };
}

/** The motors as this robot is plugged: the kit's pins swapped and mirrored as the file says. */
export function wiredMotors(motors: ProfilePins['motors'], wiring: MotorWiring | undefined): ProfilePins['motors'] {
  if (!motors || !wiring) return motors;
  const swap = wiring.swap === true;
  const invertLeft = wiring.invertLeft === true;
  const invertRight = wiring.invertRight === true;
  if (motors.type === 'continuous-servo') {
    const [left, right] = swap ? [motors.right, motors.left] : [motors.left, motors.right];
    return {
      ...motors,
      left: { pin: left.pin, mirrored: (left.mirrored === true) !== invertLeft },
      right: { pin: right.pin, mirrored: (right.mirrored === true) !== invertRight },
    };
  }
  const mirror = {
    left: (motors.mirror?.left === true) !== invertLeft,
    right: (motors.mirror?.right === true) !== invertRight,
  };
  return {
    ...motors,
    left: swap ? motors.right : motors.left,
    right: swap ? motors.left : motors.right,
    mirror,
  };
}

/**
 * The Profile a checked file runs with: its kit's, with the file's id, name, wiring and calibration.
 * Null only for a file `checkProfileFile` would refuse (an unknown kit, bad measurements).
 */
export function profileFromFile(file: ProfileFile): Profile | null {
  const kit = Object.prototype.hasOwnProperty.call(BUILT_IN_PROFILES, file.kit) ? BUILT_IN_PROFILES[file.kit] : undefined;
  if (!kit) return null;
  let calibration = kit.calibration;
  if (file.calibration) {
    const computed = computeCalibration(file.calibration, kit.calibration);
    if (!computed.ok) return null;
    calibration = computed.calibration;
  }
  const motors = wiredMotors(kit.pins.motors, file.motors);
  return {
    ...kit,
    id: file.id,
    name: { fr: file.name, en: file.name },
    kit: kit.id,
    calibration,
    pins: { ...kit.pins, ...(motors ? { motors } : {}) },
  };
}
