import { describe, expect, it } from 'vitest';
import { driveSpeed } from '../../../app/core/hardware-rules';
import { message, type MessageCode } from '../../../app/core/i18n/messages';
import { BUILT_IN_PROFILES, type HBridgeMotors, type ServoMotors } from '../../../app/core/profiles';
import {
  newProfileFile,
  parseProfileFile,
  profileFromFile,
  profileIdFor,
  serializeProfileFile,
  type ProfileFile,
} from '../../../app/core/profile-file/profile-file';
import { createRandom } from '../../../app/core/random';

const lila: ProfileFile = {
  format: 'robokit-user-profile',
  version: 1,
  id: 'robot-lila',
  name: 'Robot Lila',
  kit: 'l298n-hcsr04',
  motors: { swap: true, invertLeft: false, invertRight: true },
  calibration: {
    drive: [{ power: 50, seconds: 1, cm: 24 }, { power: 100, seconds: 1, cm: 52 }],
    turn: [{ power: 50, seconds: 1, degrees: 95 }, { power: 100, seconds: 1, degrees: 200 }],
  },
  updatedAt: '2026-12-01T21:00:00.000Z',
};
const valid = serializeProfileFile(lila);

/** The one sentence a refusal shows, in both languages: filled, starting with a capital, ending with a stop. */
function expectOneSentence(code: MessageCode, params: Readonly<Record<string, string | number>>): void {
  for (const locale of ['fr', 'en'] as const) {
    const said = message(code, locale, params);
    expect(said).not.toMatch(/\{\w+\}/);
    expect(said).toMatch(/^[A-ZÀ-Ý].*[.!]$/s);
    expect(said.split(/[.!?]\s+[A-ZÀ-Ý]/).length).toBeLessThanOrEqual(2);
  }
}

describe('parseProfileFile', () => {
  it('round-trips: what it writes it reads back, equal', () => {
    const result = parseProfileFile(valid);
    expect(result).toEqual({ ok: true, file: lila });
    if (result.ok) expect(serializeProfileFile(result.file)).toBe(valid);
  });

  it.each([
    ['empty', '', 'profile-empty'],
    ['truncated', valid.slice(0, valid.length / 2), 'profile-truncated'],
    ['random bytes', '\u0001\u0002\u00ff\u0000garbage', 'profile-not-json'],
    ['not JSON', 'bonjour', 'profile-not-json'],
    ['a project file', JSON.stringify({ format: 'robokit-project', version: 1 }), 'profile-wrong-format'],
    ['a built-in profile definition', JSON.stringify(BUILT_IN_PROFILES.mbot), 'profile-wrong-format'],
    ['an array', '[]', 'profile-wrong-format'],
    ['null', 'null', 'profile-wrong-format'],
    ['a future version', JSON.stringify({ ...lila, version: 7 }), 'profile-future-version'],
    ['20,000-deep nesting', '['.repeat(20_000) + ']'.repeat(20_000), 'profile-too-deep'],
    ['nine levels deep', JSON.stringify({ ...lila, motors: { swap: [[[[[[[[1]]]]]]]] } }), 'profile-too-deep'],
    ['too large', `{"format":"robokit-user-profile","name":"${'a'.repeat(70_000)}"}`, 'profile-too-large'],
    ['a number as the name', JSON.stringify({ ...lila, name: 42 }), 'profile-invalid'],
    ['a string as a distance', JSON.stringify({ ...lila, calibration: { drive: [{ power: 50, seconds: 1, cm: '24' }], turn: [] } }), 'profile-invalid'],
    ['a pin map beside the kit', JSON.stringify({ ...lila, pins: { motors: {} } }), 'profile-invalid'],
    ['an id with a slash', JSON.stringify({ ...lila, id: '../etc' }), 'profile-invalid'],
    ['no kit', JSON.stringify({ ...lila, kit: undefined }), 'profile-invalid'],
    ['a built-in id', JSON.stringify({ ...lila, id: 'mbot' }), 'profile-id-taken'],
    ['an unknown kit', JSON.stringify({ ...lila, kit: 'lego-nxt' }), 'profile-unknown-kit'],
    ['a control character in the name', JSON.stringify({ ...lila, name: 'Lila\u0007' }), 'profile-bad-name'],
    ['a blank name', JSON.stringify({ ...lila, name: '   ' }), 'profile-bad-name'],
    ['two measurements at one power', JSON.stringify({ ...lila, calibration: { drive: [{ power: 50, seconds: 1, cm: 24 }, { power: 50, seconds: 2, cm: 50 }], turn: [] } }), 'calibration-same-power'],
  ])('refuses %s with one sentence in French and English', (_name, text, code) => {
    const result = parseProfileFile(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expectOneSentence(result.error.code, result.error.params);
  });

  it('fuzz: truncated, corrupted or retyped files never throw, and every refusal is one sentence', () => {
    const random = createRandom(12);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const odd = [null, true, -1, 0, 1e308, 'x', '', [], {}, [[[]]], { a: { b: {} } }, '\u0000', 'A'.repeat(70), NaN];
    const texts: string[] = [];
    for (let cut = 0; cut < valid.length; cut += 3) texts.push(valid.slice(0, cut));
    for (let i = 0; i < 400; i++) {
      const chars = [...valid];
      for (let k = 0; k < 1 + Math.floor(random() * 4); k++) chars[Math.floor(random() * chars.length)] = pick(['{', '}', '[', '"', ',', ':', '0', '\u0000', 'é', ' ']);
      texts.push(chars.join(''));
    }
    const paths: ((f: Record<string, unknown>, v: unknown) => void)[] = [
      (f, v) => (f[pick(['format', 'version', 'id', 'name', 'kit', 'motors', 'calibration', 'updatedAt', 'extra'])] = v),
      (f, v) => ((f.motors as Record<string, unknown>)[pick(['swap', 'invertLeft', 'invertRight', 'pwm'])] = v),
      (f, v) => ((f.calibration as Record<string, unknown>)[pick(['drive', 'turn', 'spin'])] = v),
      (f, v) => (((f.calibration as { drive: Record<string, unknown>[] }).drive[0]!)[pick(['power', 'seconds', 'cm', 'degrees'])] = v),
    ];
    for (let i = 0; i < 400; i++) {
      const file = JSON.parse(valid) as Record<string, unknown>;
      pick(paths)(file, pick(odd));
      texts.push(JSON.stringify(file));
    }
    let refused = 0;
    for (const text of texts) {
      const result = parseProfileFile(text);
      if (result.ok) {
        // Whatever is accepted also gives a profile to run with.
        expect(profileFromFile(result.file)).not.toBeNull();
        continue;
      }
      refused++;
      expectOneSentence(result.error.code, result.error.params);
    }
    expect(refused).toBeGreaterThan(texts.length * 0.8);
  });
});

describe('profileFromFile', () => {
  it('is the kit with the file’s name, wiring and calibration', () => {
    const profile = profileFromFile(lila)!;
    const kit = BUILT_IN_PROFILES['l298n-hcsr04']!;
    expect(profile.id).toBe('robot-lila');
    expect(profile.kit).toBe('l298n-hcsr04');
    expect(profile.name).toEqual({ fr: 'Robot Lila', en: 'Robot Lila' });
    expect(profile.transport).toBe(kit.transport);
    expect(profile.capabilities).toEqual(kit.capabilities);
    expect(profile.pins.ultrasonic).toEqual(kit.pins.ultrasonic);
    const motors = profile.pins.motors as HBridgeMotors;
    const kitMotors = kit.pins.motors as HBridgeMotors;
    // Swapped: the left wheel is driven by the kit's right pins; the right one turns the other way.
    expect(motors.left).toEqual(kitMotors.right);
    expect(motors.right).toEqual(kitMotors.left);
    expect(motors.mirror).toEqual({ left: false, right: true });
    expect(motors.twoInput).toBe(true);
    expect(driveSpeed(profile.calibration, 50)).toBe(24);
    expect(profile.calibration.cmPerSecond).toBe(52);
  });

  it('inverting the mBot’s left motor undoes the kit’s own mirror; servos mirror the same way', () => {
    const mbot = profileFromFile({ ...lila, kit: 'mbot', motors: { invertLeft: true } })!;
    expect((mbot.pins.motors as HBridgeMotors).mirror).toEqual({ left: false, right: false });
    const servo = profileFromFile({ ...lila, kit: 'servo-bot', motors: { swap: true, invertLeft: true } })!;
    const kit = BUILT_IN_PROFILES['servo-bot']!.pins.motors as ServoMotors;
    const motors = servo.pins.motors as ServoMotors;
    expect(motors.left).toEqual({ pin: kit.right.pin, mirrored: !(kit.right.mirrored === true) });
    expect(motors.right).toEqual({ pin: kit.left.pin, mirrored: kit.left.mirrored === true });
  });

  it('an uncalibrated profile runs with the kit’s nominal speeds', () => {
    const file = newProfileFile('  Robot   Zébulon ', 'mbot')!;
    expect(file).toMatchObject({ id: 'robot-zebulon', name: 'Robot Zébulon', kit: 'mbot' });
    expect(profileFromFile(file)!.calibration).toEqual(BUILT_IN_PROFILES.mbot!.calibration);
    expect(parseProfileFile(serializeProfileFile(file)).ok).toBe(true);
  });
});

describe('profile ids', () => {
  it('come from the name, never a built-in id nor one already taken', () => {
    expect(profileIdFor('Élève : Ça roule !')).toBe('eleve-ca-roule');
    expect(profileIdFor('mbot')).toBe('mbot-2');
    expect(profileIdFor('Robot Lila', ['robot-lila', 'robot-lila-2'])).toBe('robot-lila-3');
    expect(profileIdFor('???')).toBe('mon-robot');
    expect(profileIdFor('x'.repeat(60))).toMatch(/^x{34}$/);
    expect(newProfileFile('\u0007', 'mbot')).toBeNull();
    expect(newProfileFile('Lila', 'lego-nxt')).toBeNull();
  });
});
