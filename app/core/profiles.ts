/**
 * Robot profiles are data (JSON in `firmware-bridge/profiles/`): transport, pins, calibration and
 * capabilities. The core reads only what it needs (capabilities, calibration); the bridge reads pins.
 */
import type { Calibration } from './hardware-rules';
import type { Capability } from './ir';
import type { Localized } from './i18n/messages';
import sim from '../../firmware-bridge/profiles/sim.json';
import arduino2wd from '../../firmware-bridge/profiles/arduino-2wd.json';
import servoBot from '../../firmware-bridge/profiles/servo-bot.json';
import mbot from '../../firmware-bridge/profiles/mbot.json';
import l298nHcsr04 from '../../firmware-bridge/profiles/l298n-hcsr04.json';
import l9110Hcsr04 from '../../firmware-bridge/profiles/l9110-hcsr04.json';

export type PinName = number | `A${number}`;

export interface HBridgeMotors {
  readonly type: 'hbridge';
  readonly left: { readonly pwm: number; readonly dir: number };
  readonly right: { readonly pwm: number; readonly dir: number };
  /** Direction pin level for forward (1 = HIGH). */
  readonly forwardLevel: 0 | 1;
  /** A motor mounted the other way round (the mBot's left one): its power is inverted. */
  readonly mirror?: { readonly left?: boolean; readonly right?: boolean };
  /**
   * A two-input driver (L9110's IA/IB, an L298N's IN1/IN2 with ENA/ENB bridged): `pwm` goes to one
   * input, `dir` to the other, and the RoboKit firmware inverts the PWM while `dir` is HIGH.
   */
  readonly twoInput?: boolean;
}

/**
 * An ultrasonic distance sensor (RoboKit firmware only): an HC-SR04 with its trigger and echo
 * pins, or a one-wire one (the mBot's: trigger and echo on one pin).
 */
export type Ultrasonic =
  | { readonly kind: 'hcsr04'; readonly trigger: PinName; readonly echo: PinName }
  | { readonly kind: 'onewire'; readonly pin: PinName };

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
  /*
   * Parts only the RoboKit firmware drives (transport `robokit-line`); each stands in for the
   * field above of the same capability.
   */
  /** `distance` by an ultrasonic sensor instead of a Sharp. */
  readonly ultrasonic?: Ultrasonic;
  /** `line` by two digital sensors: the dark line when the level is `darkLevel` (mBot: 0). */
  readonly digitalLine?: { readonly left: PinName; readonly right: PinName; readonly darkLevel: 0 | 1 };
  /** `button` on an analog pin (mBot A7): pressed when the reading (0…1023) is below `pressedBelow`. */
  readonly analogButton?: { readonly pin: PinName; readonly pressedBelow: number };
  /** WS2812 RGB LEDs (mBot: two on D13); `light` lights them white when there is no plain light. */
  readonly rgb?: { readonly pin: number; readonly count: number };
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
  /** Speeds: straight line (cm/s) and spinning in place (°/s) at 100 % power, and measured ones (hardware-rules.ts). */
  readonly calibration: Calibration;
  readonly pins: ProfilePins;
  /** How the kit is wired, for the teacher (which wire goes to which pin). */
  readonly wiring?: Localized;
  /** A class's own robot (a `.robokitprofile`): the built-in kit it starts from. */
  readonly kit?: string;
}

export const BUILT_IN_PROFILES: Readonly<Record<string, Profile>> = {
  sim: sim as Profile,
  'arduino-2wd': arduino2wd as Profile,
  'servo-bot': servoBot as Profile,
  mbot: mbot as Profile,
  'l298n-hcsr04': l298nHcsr04 as Profile,
  'l9110-hcsr04': l9110Hcsr04 as Profile,
};

export function findProfile(id: string): Profile | undefined {
  return Object.prototype.hasOwnProperty.call(BUILT_IN_PROFILES, id) ? BUILT_IN_PROFILES[id] : undefined;
}
