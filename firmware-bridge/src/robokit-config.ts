/**
 * A robot profile as RoboKit firmware configuration lines (docs/protocol.md, "Configuration"), and
 * the configuration hash the board will report once it has them (docs/protocol.md: the canonical
 * text, in its order, every optional number written out), so the host configures a board only when
 * its stored wiring differs. Pure functions.
 */
import { crc32 } from 'node:zlib';
import type { PinName, Profile } from '../../app/core/profiles';

/**
 * The hash the board reports (`cfg hash`) once configured with these lines: the CRC-32 (zlib's) of
 * the canonical text — each line ended by a newline — in 8 upper-case hex digits.
 */
export function configHash(lines: readonly string[]): string {
  return crc32(lines.map((line) => `${line}\n`).join(''))
    .toString(16)
    .toUpperCase()
    .padStart(8, '0');
}

/** 13 → "D13", "A0" → "A0", 14 → "A0" (A0–A5 are digital 14–19 on an Uno). */
export function pinName(pin: PinName): string {
  if (typeof pin === 'string') return pin.toUpperCase();
  return pin >= 14 ? `A${pin - 14}` : `D${pin}`;
}

/** The kit id the board stores (≤ 16 characters). */
export const kitId = (profile: Profile): string => profile.id.slice(0, 16);

/** Every `cfg` line the profile needs, in the canonical order, `cfg kit` last (`cfg save` is the caller's). */
export function configLines(profile: Profile): string[] {
  const p = profile.pins;
  const lines: string[] = [];
  const m = p.motors;
  if (m?.type === 'hbridge') {
    const mirror = (m.mirror?.left ? 1 : 0) | (m.mirror?.right ? 2 : 0) | (m.twoInput ? 4 : 0);
    lines.push(
      `cfg motors hbridge ${pinName(m.left.pwm)} ${pinName(m.left.dir)} ${pinName(m.right.pwm)} ${pinName(m.right.dir)} ${m.forwardLevel} ${mirror}`,
    );
  } else if (m?.type === 'continuous-servo') {
    const mirror = (m.left.mirrored ? 1 : 0) | (m.right.mirrored ? 2 : 0);
    lines.push(`cfg motors servo ${pinName(m.left.pin)} ${pinName(m.right.pin)} ${mirror}`);
  }
  if (p.light) lines.push(`cfg light ${pinName(p.light.pin)}`);
  if (p.rgb) lines.push(`cfg rgb ${pinName(p.rgb.pin)} ${p.rgb.count}`);
  if (p.buzzer) lines.push(`cfg buzzer ${pinName(p.buzzer.pin)}`);
  if (p.pen) lines.push(`cfg pen ${pinName(p.pen.pin)} ${p.pen.up} ${p.pen.down}`);
  const u = p.ultrasonic;
  if (p.distance) lines.push(`cfg distance sharp ${pinName(p.distance.pin)}`);
  else if (u?.kind === 'hcsr04') lines.push(`cfg distance hcsr04 ${pinName(u.trigger)} ${pinName(u.echo)}`);
  else if (u?.kind === 'onewire') lines.push(`cfg distance onewire ${pinName(u.pin)}`);
  if (p.line) lines.push(`cfg line analog ${pinName(p.line.left)} ${pinName(p.line.right)} ${p.line.darkAbove}`);
  else if (p.digitalLine) {
    const d = p.digitalLine;
    lines.push(`cfg line digital ${pinName(d.left)} ${pinName(d.right)} ${d.darkLevel}`);
  }
  if (p.lightSensor) lines.push(`cfg lightsensor ${pinName(p.lightSensor.pin)}`);
  if (p.button) {
    lines.push(`cfg button ${pinName(p.button.pin)} ${p.button.pressedLevel} ${p.button.pullup ? 1 : 0}`);
  } else if (p.analogButton) {
    lines.push(`cfg button analog ${pinName(p.analogButton.pin)} ${p.analogButton.pressedBelow}`);
  }
  const c = profile.calibration;
  lines.push(`cfg calib ${Math.round(c.cmPerSecond)} ${Math.round(c.degreesPerSecond)}`);
  lines.push(`cfg kit ${kitId(profile)}`);
  return lines;
}
