/**
 * The hardware part of the Johnny-Five script: one small, commented helper per robot part, written
 * from the profile's pins and the hardware rules (js-rules.ts). The H-bridge motors and the buzzer
 * write their pins through the Board as RoboKit's own Firmata adapter does (same pins, same values,
 * same order; Johnny-Five's Motor writes PWM 0 before each change of direction and ignores speeds
 * under 30/255); the other parts are Johnny-Five components. A part the robot lacks gets a helper that says so instead of guessing pins.
 */
import { PEN_SERVO_US, DRIVE_SERVO_US } from '../hardware-rules';
import { assertNever, type Capability } from '../ir';
import type { HBridgeMotors, ProfilePins, ServoMotors } from '../profiles';
import { distanceLines, lightLines, servoAngleLines } from './js-rules';

type Lines = string[];

function motorsHBridge(m: HBridgeMotors): Lines {
  const forward = m.forwardLevel;
  const backward = forward === 1 ? 0 : 1;
  return [
    '// Les deux moteurs, branchés sur un pont en H : une broche pour la vitesse (PWM), une pour le sens.',
    '// « miroir » : le moteur est monté (ou branché) à l’envers, il reçoit la vitesse opposée.',
    `const moteurGauche = { pwm: ${m.left.pwm}, sens: ${m.left.dir}, miroir: ${m.mirror?.left === true} };`,
    `const moteurDroit = { pwm: ${m.right.pwm}, sens: ${m.right.dir}, miroir: ${m.mirror?.right === true} };`,
    'for (const moteur of [moteurGauche, moteurDroit]) {',
    '  carte.pinMode(moteur.pwm, carte.io.MODES.PWM);',
    '  carte.pinMode(moteur.sens, carte.io.MODES.OUTPUT);',
    '}',
    '',
    `// Faire tourner un moteur : vitesse de -100 (en arrière) à 100 (en avant) ; le sens est ${forward === 1 ? 'HAUT' : 'BAS'} en avant.`,
    'function regler(moteur, vitesse) {',
    '  if (moteur.miroir) vitesse = -vitesse;',
    `  carte.digitalWrite(moteur.sens, vitesse >= 0 ? ${forward} : ${backward});`,
    '  carte.analogWrite(moteur.pwm, pourcentVersPwm(vitesse));',
    '}',
    '',
    '// Arrêter les moteurs pour de bon : vitesse 0 et broches de sens en bas.',
    'function arreterMoteurs() {',
    '  for (const moteur of [moteurGauche, moteurDroit]) {',
    '    carte.analogWrite(moteur.pwm, 0);',
    '    carte.digitalWrite(moteur.sens, 0);',
    '  }',
    '}',
  ];
}

function motorsServo(m: ServoMotors): Lines {
  const range = `[${DRIVE_SERVO_US.min}, ${DRIVE_SERVO_US.max}]`;
  return [
    '// Les deux roues sont des servomoteurs à rotation continue.',
    `const moteurGauche = new five.Servo({ pin: ${m.left.pin}, pwmRange: ${range} });`,
    `const moteurDroit = new five.Servo({ pin: ${m.right.pin}, pwmRange: ${range} });`,
    `moteurGauche.miroir = ${m.left.mirrored === true};`,
    `moteurDroit.miroir = ${m.right.mirrored === true};`,
    '',
    ...servoAngleLines(),
    '',
    '// Faire tourner une roue : vitesse de -100 à 100.',
    'function regler(moteur, vitesse) {',
    '  moteur.to(angleServo(vitesse, moteur.miroir));',
    '}',
    '',
    'function arreterMoteurs() {',
    '  regler(moteurGauche, 0);',
    '  regler(moteurDroit, 0);',
    '}',
  ];
}

export function motorLines(pins: ProfilePins): Lines {
  const motors = pins.motors;
  const lines =
    motors?.type === 'hbridge'
      ? motorsHBridge(motors)
      : motors?.type === 'continuous-servo'
        ? motorsServo(motors)
        : ['// Ce robot n’a pas de moteurs décrits.', 'function regler() {}', 'function arreterMoteurs() {}', 'const moteurGauche = null;', 'const moteurDroit = null;'];
  return [
    ...lines,
    '',
    '// Régler les deux moteurs à la fois, de -100 à 100 %.',
    'function moteurs(gauche, droite) {',
    '  regler(moteurGauche, limiter(gauche));',
    '  regler(moteurDroit, limiter(droite));',
    '}',
  ];
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
            '// Le buzzer : un buzzer actif joue sa propre note quand sa broche est en haut',
            '// (la fréquence demandée n’est pas reproduite).',
            `const brocheBuzzer = ${pins.buzzer.pin};`,
            'carte.pinMode(brocheBuzzer, carte.io.MODES.OUTPUT);',
            'function buzzer(allume) {',
            '  carte.digitalWrite(brocheBuzzer, allume ? 1 : 0);',
            '}',
            'async function bip(frequence, secondes) {',
            '  buzzer(frequence > 0 && Number.isFinite(frequence));',
            '  await attendre(secondes);',
            '  buzzer(false);',
            '}',
          ]
        : missing('haut-parleur', 'async function bip(frequence, secondes) { await attendre(secondes); }');
    case 'pen':
      return pins.pen
        ? [
            `// Le crayon est tenu par un servomoteur : ${pins.pen.up}° en haut, ${pins.pen.down}° en bas.`,
            `const servoCrayon = new five.Servo({ pin: ${pins.pen.pin}, pwmRange: [${PEN_SERVO_US.min}, ${PEN_SERVO_US.max}], startAt: ${pins.pen.up} });`,
            'function crayon(position) {',
            `  servoCrayon.to(position === 'baissé' ? ${pins.pen.down} : ${pins.pen.up});`,
            '}',
          ]
        : missing('crayon', 'function crayon() {}');
    case 'distance':
      return pins.distance
        ? [
            `const capteurDistance = new five.Sensor({ pin: '${pins.distance.pin}', freq: 25 });`,
            'capteurs.push(capteurDistance);',
            ...distanceLines(),
            'function distance() {',
            '  return distanceEnCm(capteurDistance.value);',
            '}',
          ]
        : missing('capteur de distance', 'function distance() { return 80; }');
    case 'line':
      return pins.line
        ? [
            `// Les capteurs de ligne : au-dessus de ${pins.line.darkAbove}, ils voient la ligne noire.`,
            `const capteurLigneGauche = new five.Sensor({ pin: '${pins.line.left}', freq: 25 });`,
            `const capteurLigneDroite = new five.Sensor({ pin: '${pins.line.right}', freq: 25 });`,
            'capteurs.push(capteurLigneGauche, capteurLigneDroite);',
            'function ligne(cote) {',
            "  const capteur = cote === 'gauche' ? capteurLigneGauche : capteurLigneDroite;",
            `  return capteur.value > ${pins.line.darkAbove};`,
            '}',
          ]
        : missing('capteurs de ligne', 'function ligne() { return false; }');
    case 'lightSensor':
      return pins.lightSensor
        ? [
            `const capteurLumiere = new five.Sensor({ pin: '${pins.lightSensor.pin}', freq: 25 });`,
            'capteurs.push(capteurLumiere);',
            ...lightLines(),
            'function lumiereAmbiante() {',
            '  return lumiereEnPourcent(capteurLumiere.value);',
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
