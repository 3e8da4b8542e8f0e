/**
 * The emulated Uno wired like each RoboKit kit (firmware-bridge/profiles), looked at from its pins
 * as the kit's parts would see them — never from the line protocol and never from the profile the
 * adapter reads: each rig below is the kit's wiring written out again by hand.
 */
import type { EmulatedUno } from '../../../firmware-bridge/emulator';
import type { ContractObserver } from '../../contract/robot-io-contract';
import { settleBoard, type ToneMeter } from './robokit-observer';

const percent = (duty: number): number => (duty * 100) / 255;

/** A PWM + direction driver (the mCore's): the direction pin says which way, the PWM how fast. */
function pwmDir(uno: EmulatedUno, pwm: number, dir: number, forwardLevel: 0 | 1): number {
  return (uno.digital(dir) === forwardLevel ? 1 : -1) * percent(uno.pwm(pwm)) || 0;
}

/**
 * A two-input driver (L9110's IA/IB, L298N's IN1/IN2 with ENA bridged): the motor runs while the
 * inputs differ — forward while IA is HIGH and IB LOW, backward while IA is LOW and IB HIGH.
 */
function twoInput(uno: EmulatedUno, ia: number, ib: number): number {
  const duty = uno.pwm(ia);
  return (uno.digital(ib) === 0 ? percent(duty) : -percent(255 - duty)) || 0;
}

/** What the kits share: the buzzer's pitch, the board's report rhythm, the resolutions. */
function common(uno: EmulatedUno, tone: ToneMeter | undefined): Pick<ContractObserver, 'toneHz' | 'settle' | 'tolerance'> {
  return {
    ...(tone ? { toneHz: () => tone.hz() } : {}),
    settle: () => settleBoard(uno),
    // One PWM step is 0.4 %; the echo is timed in µs (0.17 mm each); the pitch as in robokit-observer.
    tolerance: { motors: 0.6, distance: 0.5, light: 1, toneHz: 12 },
  };
}

/**
 * The mBot (Makeblock mCore): M1 (PWM D6, direction D7) is the left motor, mounted mirrored; M2
 * (PWM D5, direction D4) the right; direction HIGH turns a motor forward (MeDCMotor::run). The
 * one-wire ultrasonic on port 3 (A3), the line follower on port 2 (D9, D10: LOW over the black
 * line), the light sensor on A6, the button on A7 (pulled up, 0 V when pressed), two WS2812 on D13.
 */
export function mbotObserver(uno: EmulatedUno, tone: ToneMeter): ContractObserver {
  uno.wireRgbLeds(13);
  return {
    ...common(uno, tone),
    motors: () => ({ left: -pwmDir(uno, 6, 7, 1) || 0, right: pwmDir(uno, 5, 4, 1) }),
    light: () => {
      const leds = uno.rgb(13) ?? [];
      if (leds.length === 2 && leds.every((c) => c.every((v) => v === 255))) return true;
      if (leds.length === 0 || leds.every((c) => c.every((v) => v === 0))) return false;
      throw new Error(`the mBot's LEDs show ${JSON.stringify(leds)}, neither white nor off`);
    },
    setDistance: (cm) => uno.setUltrasonic({ trigger: 17, echo: 17 }, cm * 10),
    setLine: (side, dark) => uno.setDigitalInput(side === 'left' ? 9 : 10, dark ? 0 : 1),
    setLight: (level) => uno.setAnalogVoltage(6, (level * 5) / 100),
    setButton: (pressed) => uno.setAnalogVoltage(7, pressed ? 0 : 5),
  };
}

/**
 * The L298N + HC-SR04 kit: IN1 D5 / IN2 D4 (left), IN3 D6 / IN4 D7 (right), ENA and ENB bridged;
 * HC-SR04 Trig D2, Echo D3; passive buzzer D8; the board's LED D13.
 */
export function l298nObserver(uno: EmulatedUno, tone: ToneMeter): ContractObserver {
  return {
    ...common(uno, tone),
    motors: () => ({ left: twoInput(uno, 5, 4), right: twoInput(uno, 6, 7) }),
    light: () => uno.digital(13) === 1,
    setDistance: (cm) => uno.setUltrasonic({ trigger: 2, echo: 3 }, cm * 10),
  };
}

/**
 * The L9110 + HC-SR04 kit: B-IA D10 / B-IB D12 (left), A-IA D9 / A-IB D11 (right); HC-SR04 Trig
 * A0, Echo A1; the board's LED D13; no buzzer.
 */
export function l9110Observer(uno: EmulatedUno): ContractObserver {
  return {
    ...common(uno, undefined),
    motors: () => ({ left: twoInput(uno, 10, 12), right: twoInput(uno, 9, 11) }),
    light: () => uno.digital(13) === 1,
    setDistance: (cm) => uno.setUltrasonic({ trigger: 14, echo: 15 }, cm * 10),
  };
}
