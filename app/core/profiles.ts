/**
 * Robot profiles are data (JSON in `firmware-bridge/profiles/`): transport, pins, calibration and
 * capabilities. The core reads only what it needs (capabilities, calibration); the bridge reads pins.
 */
import type { Capability } from './ir';
import type { Localized } from './i18n/messages';
import sim from '../../firmware-bridge/profiles/sim.json';
import arduino2wd from '../../firmware-bridge/profiles/arduino-2wd.json';
import servoBot from '../../firmware-bridge/profiles/servo-bot.json';

export type PinName = number | `A${number}`;

export interface HBridgeMotors {
  readonly type: 'hbridge';
  readonly left: { readonly pwm: number; readonly dir: number };
  readonly right: { readonly pwm: number; readonly dir: number };
  /** Direction pin level for forward (1 = HIGH). */
  readonly forwardLevel: 0 | 1;
}

export interface ServoMotors {
  readonly type: 'continuous-servo';
  readonly left: { readonly pin: number; readonly mirrored?: boolean };
  readonly right: { readonly pin: number; readonly mirrored?: boolean };
}

export interface ProfilePins {
  readonly motors?: HBridgeMotors | ServoMotors;
  readonly light?: { readonly pin: number };
  readonly buzzer?: { readonly pin: number };
  readonly distance?: { readonly pin: PinName; readonly sensor: 'GP2Y0A21YK' };
  /** Line sensors: analog reading above `darkAbove` means the dark line. */
  readonly line?: { readonly left: PinName; readonly right: PinName; readonly darkAbove: number };
  readonly lightSensor?: { readonly pin: PinName };
  readonly button?: { readonly pin: number; readonly pullup: boolean; readonly pressedLevel: 0 | 1 };
  readonly pen?: { readonly pin: number; readonly up: number; readonly down: number };
}

export interface Profile {
  readonly format: 'robokit-profile';
  readonly version: 1;
  readonly id: string;
  readonly name: Localized;
  readonly transport: 'sim' | 'firmata' | 'robokit-line';
  readonly board?: string;
  readonly baud?: number;
  readonly capabilities: readonly Capability[];
  /** Speeds at 100 % power: straight line (cm/s) and spinning in place (°/s). */
  readonly calibration: { readonly cmPerSecond: number; readonly degreesPerSecond: number };
  readonly pins: ProfilePins;
}

export const BUILT_IN_PROFILES: Readonly<Record<string, Profile>> = {
  sim: sim as Profile,
  'arduino-2wd': arduino2wd as Profile,
  'servo-bot': servoBot as Profile,
};

export function findProfile(id: string): Profile | undefined {
  return Object.prototype.hasOwnProperty.call(BUILT_IN_PROFILES, id) ? BUILT_IN_PROFILES[id] : undefined;
}
