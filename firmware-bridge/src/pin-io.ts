/**
 * The narrow pin-level I/O the robot's parts are written against. `FirmataPinIo` drives it through
 * firmata-io (so its bytes take the paced queue); tests use a recording fake. Values already on a
 * pin are not written again: a program setting the same speed in a loop costs no link time.
 */
import type { Firmata } from 'firmata-io';
import { analogMessage, digitalPortMessage, PIN_MODES, type OutgoingMessage } from './firmata-messages';

export type PinMode = keyof typeof PIN_MODES;

export interface PinIo {
  mode(pin: number, mode: PinMode): void;
  /** Attach a servo with this pulse range (µs); 0° → min, 180° → max. */
  servoRange(pin: number, minUs: number, maxUs: number): void;
  /** PWM duty 0–255. */
  pwm(pin: number, duty: number): void;
  /** Servo angle 0–180°. */
  servo(pin: number, degrees: number): void;
  digital(pin: number, level: 0 | 1): void;
  /** The message that sets this duty or angle now (for a stop); recorded as the pin's value. */
  analogNow(pin: number, value: number): OutgoingMessage;
  /** The message that sets this level now (its whole port); recorded as the pin's value. */
  digitalNow(pin: number, level: 0 | 1): OutgoingMessage;
}

export class FirmataPinIo implements PinIo {
  /** Last value sent per pin (`a5`, `d13`), to skip repeats. */
  private readonly last = new Map<string, number>();

  constructor(private readonly firmata: Firmata) {}

  /** Forget what the board has (it rebooted). */
  forget(): void {
    this.last.clear();
  }

  mode(pin: number, mode: PinMode): void {
    this.last.delete(`a${pin}`);
    this.last.delete(`d${pin}`);
    this.firmata.pinMode(pin, PIN_MODES[mode]);
  }

  servoRange(pin: number, minUs: number, maxUs: number): void {
    this.last.delete(`a${pin}`);
    this.firmata.servoConfig(pin, minUs, maxUs);
  }

  pwm(pin: number, duty: number): void {
    const v = clampInt(duty, 0, 255);
    if (this.changed(`a${pin}`, v)) this.firmata.analogWrite(pin, v);
  }

  servo(pin: number, degrees: number): void {
    const v = clampInt(degrees, 0, 180);
    if (this.changed(`a${pin}`, v)) this.firmata.servoWrite(pin, v);
  }

  digital(pin: number, level: 0 | 1): void {
    if (this.changed(`d${pin}`, level)) this.firmata.digitalWrite(pin, level);
  }

  analogNow(pin: number, value: number): OutgoingMessage {
    const v = clampInt(value, 0, 0x3fff);
    this.last.set(`a${pin}`, v);
    const record = this.firmata.pins[pin];
    if (record) record.value = v;
    return analogMessage(pin, v);
  }

  digitalNow(pin: number, level: 0 | 1): OutgoingMessage {
    this.last.set(`d${pin}`, level);
    const port = this.firmata.updateDigitalPort(pin, level);
    return digitalPortMessage(port, this.firmata.ports[port] ?? 0);
  }

  private changed(key: string, value: number): boolean {
    if (this.last.get(key) === value) return false;
    this.last.set(key, value);
    return true;
  }
}

export function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.max(min, Math.min(max, Math.round(value)));
}
