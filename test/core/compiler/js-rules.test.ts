/**
 * The script's hardware helpers are the core's hardware rules: run the helper text the script gets
 * and compare it with app/core/hardware-rules.ts on tables (negative angles and speeds included).
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { distanceLines, lightLines, movementLines, powerAndTimeLines, servoAngleLines } from '../../../app/core/compiler/js-rules';
import { clampPower, distanceFromAdc, durationMs, lightPercent, pwmDuty, servoAngle, turnPlan, movePlan } from '../../../app/core/hardware-rules';

const calibration = { cmPerSecond: 30, degreesPerSecond: 180 };

/** The helpers, with `moteurs` and `attendre` recording what a move or a turn does. */
function helpers() {
  const calls: { left: number; right: number; ms: number }[] = [];
  const code = [...powerAndTimeLines(), ...movementLines(calibration), ...servoAngleLines(), ...distanceLines(), ...lightLines()].join('\n');
  const context: Record<string, unknown> = { Math, Number, Promise };
  runInNewContext(
    `${code}
    let dernier = null;
    moteurs = (g, d) => { if (g !== 0 || d !== 0) dernier = { left: g, right: d }; };
    attendre = async (s) => { dernier.ms = enMillisecondes(s); };
    this.h = { limiter, pourcentVersPwm, enMillisecondes, angleServo, distanceEnCm, lumiereEnPourcent,
      avancer: async (v, s) => { await avancer(v, s); return dernier; },
      reculer: async (v, s) => { await reculer(v, s); return dernier; },
      tourner: async (c, d) => { await tourner(c, d); return dernier; } };`,
    context,
  );
  return { h: context['h'] as Record<string, (...args: unknown[]) => unknown>, calls };
}

describe('the script’s hardware helpers are the core’s rules', () => {
  const { h } = helpers();
  const powers = [-250, -100, -37.5, -1, 0, 0.4, 1, 50, 99.6, 100, 180, NaN];

  it('power clamp, PWM duty and servo angle', () => {
    for (const p of powers) {
      expect(h['limiter']!(p)).toBe(clampPower(p));
      expect(h['pourcentVersPwm']!(p)).toBe(pwmDuty(p));
      expect(h['angleServo']!(p, false)).toBe(servoAngle(p, false));
      expect(h['angleServo']!(p, true)).toBe(servoAngle(p, true));
    }
  });

  it('durations, moves and turns, negative angles and speeds included', async () => {
    for (const s of [-1, 0, 0.25, 2]) expect(h['enMillisecondes']!(s)).toBe(durationMs(s));
    for (const [speed, s] of [[50, 1], [-30, 0.5], [100, 2]] as const) {
      expect(await h['avancer']!(speed, s)).toEqual(movePlan('forward', speed, s));
      expect(await h['reculer']!(speed, s)).toEqual(movePlan('backward', speed, s));
    }
    for (const degrees of [90, -90, 45, -45, 360, -1]) {
      expect(await h['tourner']!('gauche', degrees)).toEqual(turnPlan('left', degrees, calibration));
      expect(await h['tourner']!('droite', degrees)).toEqual(turnPlan('right', degrees, calibration));
    }
  });

  it('distance and light from ADC readings', () => {
    for (let raw = -10; raw <= 1100; raw += 7) {
      expect(h['distanceEnCm']!(raw)).toBe(distanceFromAdc(raw));
      expect(h['lumiereEnPourcent']!(raw)).toBe(lightPercent(raw));
    }
  });
});
