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
  /**
   * Input with the internal pull-up, the way every StandardFirmata understands it (2.4 has no
   * PULLUP mode): INPUT, then the pin's bit HIGH — kept HIGH in every later write of its port.
   */
  inputPullup(pin: number): void;
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
  /** Pull-up bits by port, kept set in the port state firmata-io writes from. */
  private readonly pullups = new Map<number, number>();

  constructor(private readonly firmata: Firmata) {}

  /** Forget what the board has (it rebooted). */
  forget(): void {
    this.last.clear();
    this.pullups.clear();
  }

  mode(pin: number, mode: PinMode): void {
    this.last.delete(`a${pin}`);
    this.last.delete(`d${pin}`);
    this.firmata.pinMode(pin, PIN_MODES[mode]);
  }

  inputPullup(pin: number): void {
    this.mode(pin, 'INPUT');
    const port = pin >> 3;
    this.pullups.set(port, (this.pullups.get(port) ?? 0) | (1 << (pin & 7)));
    this.withPullups(port);
    this.firmata.digitalWrite(pin, 1);
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
    if (!this.changed(`d${pin}`, level)) return;
    this.withPullups(pin >> 3);
    this.firmata.digitalWrite(pin, level);
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
    this.withPullups(port);
    return digitalPortMessage(port, this.firmata.ports[port] ?? 0);
  }

  /** firmata-io copies input readings into its port state: a pressed button would clear its pull-up. */
  private withPullups(port: number): void {
    const mask = this.pullups.get(port);
    if (mask) this.firmata.ports[port] = (this.firmata.ports[port] ?? 0) | mask;
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
