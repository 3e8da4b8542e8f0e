/**
 * The hardware part of the Johnny-Five script: one small, commented helper per robot part, written
 * from the profile's pins. A part the robot lacks gets a helper that says so instead of guessing pins.
 */
import { assertNever, type Capability } from '../ir';
import type { HBridgeMotors, ProfilePins, ServoMotors } from '../profiles';

type Lines = string[];

function motorsHBridge(m: HBridgeMotors): Lines {
  const [ahead, back] = m.forwardLevel === 1 ? ['forward', 'reverse'] : ['reverse', 'forward'];
  return [
    '// Les deux moteurs, branchés sur un pont en H : une broche pour la vitesse (PWM), une pour le sens.',
    `const moteurGauche = new five.Motor({ pins: { pwm: ${m.left.pwm}, dir: ${m.left.dir} } });`,
    `const moteurDroit = new five.Motor({ pins: { pwm: ${m.right.pwm}, dir: ${m.right.dir} } });`,
    '',
    '// Faire tourner un moteur : vitesse de -100 (en arrière) à 100 (en avant).',
    'function regler(moteur, vitesse) {',
    '  const pwm = pourcentVersPwm(Math.abs(vitesse));',
    `  if (vitesse > 0) moteur.${ahead}(pwm);`,
    `  else if (vitesse < 0) moteur.${back}(pwm);`,
    '  else moteur.stop();',
    '}',
  ];
}

function motorsServo(m: ServoMotors): Lines {
  const sign = (mirrored: boolean | undefined) => (mirrored ? '-vitesse' : 'vitesse');
  return [
    '// Les deux roues sont des servomoteurs à rotation continue.',
    `const moteurGauche = new five.Servo.Continuous(${m.left.pin});`,
    `const moteurDroit = new five.Servo.Continuous(${m.right.pin});`,
    '',
    '// Faire tourner un servomoteur : vitesse de -100 à 100. « miroir » : il est monté à l’envers.',
    'function reglerServo(moteur, vitesse) {',
    '  const v = Math.min(100, Math.abs(vitesse)) / 100;',
    '  if (vitesse > 0) moteur.cw(v);',
    '  else if (vitesse < 0) moteur.ccw(v);',
    '  else moteur.stop();',
    '}',
    `function regler(moteur, vitesse) {`,
    `  reglerServo(moteur, moteur === moteurGauche ? ${sign(m.left.mirrored)} : ${sign(m.right.mirrored)});`,
    '}',
  ];
}

export function motorLines(pins: ProfilePins): Lines {
  if (pins.motors?.type === 'hbridge') return motorsHBridge(pins.motors);
  if (pins.motors?.type === 'continuous-servo') return motorsServo(pins.motors);
  return ['// Ce robot n’a pas de moteurs décrits.', 'const moteurGauche = null;', 'const moteurDroit = null;', 'function regler() {}'];
}

function missing(what: string, helper: string): Lines {
  return [`// Ce robot n’a pas de ${what} : ce bloc ne fait rien.`, helper];
}

/** Lines declaring one part and its helper. */
export function partLines(capability: Capability, pins: ProfilePins): Lines {
  switch (capability) {
    case 'motors':
      return motorLines(pins);
    case 'light':
      return pins.light
        ? ['// La lumière (une LED).', `const lumiere = new five.Led(${pins.light.pin});`]
        : missing('lumière', 'const lumiere = { on() {}, off() {} };');
    case 'sound':
      return pins.buzzer
        ? [
            '// Le haut-parleur (un buzzer piézo).',
            `const buzzer = new five.Piezo(${pins.buzzer.pin});`,
            'async function bip(frequence, secondes) {',
            '  buzzer.frequency(frequence, secondes * 1000);',
            '  await attendre(secondes);',
            '  buzzer.noTone();',
            '}',
          ]
        : missing('haut-parleur', 'async function bip(frequence, secondes) { await attendre(secondes); }');
    case 'pen':
      return pins.pen
        ? [
            `// Le crayon est tenu par un servomoteur : ${pins.pen.up}° en haut, ${pins.pen.down}° en bas.`,
            `const servoCrayon = new five.Servo(${pins.pen.pin});`,
            'function crayon(position) {',
            `  servoCrayon.to(position === 'baissé' ? ${pins.pen.down} : ${pins.pen.up});`,
            '}',
          ]
        : missing('crayon', 'function crayon() {}');
    case 'distance':
      return pins.distance
        ? [
            '// Le capteur de distance Sharp GP2Y0A21YK donne une tension : on la change en centimètres.',
            `const capteurDistance = new five.Sensor({ pin: '${pins.distance.pin}', freq: 25 });`,
            'function distance() {',
            '  const volts = (capteurDistance.value * 5) / 1023;',
            '  if (volts <= 0) return 80;',
            '  return Math.min(80, Math.max(10, 27.86 * Math.pow(volts, -1.15)));',
            '}',
          ]
        : missing('capteur de distance', 'function distance() { return 80; }');
    case 'line':
      return pins.line
        ? [
            `// Les capteurs de ligne : au-dessus de ${pins.line.darkAbove}, ils voient la ligne noire.`,
            `const capteurLigneGauche = new five.Sensor({ pin: '${pins.line.left}', freq: 25 });`,
            `const capteurLigneDroite = new five.Sensor({ pin: '${pins.line.right}', freq: 25 });`,
            'function ligne(cote) {',
            "  const capteur = cote === 'gauche' ? capteurLigneGauche : capteurLigneDroite;",
            `  return capteur.value > ${pins.line.darkAbove};`,
            '}',
          ]
        : missing('capteurs de ligne', 'function ligne() { return false; }');
    case 'lightSensor':
      return pins.lightSensor
        ? [
            '// Le capteur de lumière : de 0 (noir) à 100 (très clair).',
            `const capteurLumiere = new five.Sensor({ pin: '${pins.lightSensor.pin}', freq: 25 });`,
            'function lumiereAmbiante() {',
            '  return Math.round((capteurLumiere.value * 100) / 1023);',
            '}',
          ]
        : missing('capteur de lumière', 'function lumiereAmbiante() { return 0; }');
    case 'button':
      return pins.button
        ? [
            '// Le bouton.',
            `const bouton = new five.Button({ pin: ${pins.button.pin}, isPullup: ${pins.button.pullup} });`,
            'function boutonAppuye() {',
            '  return bouton.isDown;',
            '}',
          ]
        : missing('bouton', 'function boutonAppuye() { return false; }');
    default:
      return assertNever(capability);
  }
}
