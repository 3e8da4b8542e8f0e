/**
 * The hardware rules (app/core/hardware-rules.ts) written into the Johnny-Five script, from the same
 * numbers: power clamp, % → PWM, durations, moves and turns (negative angles and speeds included),
 * the distance curve and its range, light and continuous servos. `test/core/compiler/js-rules.test.ts`
 * runs these helpers against the core's functions, so the script and RoboKit cannot drift apart.
 */
import {
  ADC_MAX,
  ADC_VOLTS,
  DISTANCE_MAX_CM,
  DISTANCE_MIN_CM,
  GP2Y0A21YK_FIT,
  POWER_MAX,
  PWM_MAX,
  SERVO_NEUTRAL,
  spinRate,
  TURN_POWER,
  type Calibration,
} from '../hardware-rules';

type Lines = string[];

/** Clamp, PWM and time: every script has them. */
export function powerAndTimeLines(): Lines {
  return [
    `// Une puissance de moteur reste entre -${POWER_MAX} et ${POWER_MAX} %.`,
    'function limiter(puissance) {',
    '  if (Number.isNaN(puissance)) return 0;',
    `  return Math.max(-${POWER_MAX}, Math.min(${POWER_MAX}, puissance)) + 0;`,
    '}',
    '',
    `// Une vitesse en pourcentage devient une valeur PWM (0 à ${PWM_MAX}) : 50 % donne ${Math.round((50 * PWM_MAX) / POWER_MAX)}.`,
    'function pourcentVersPwm(pourcent) {',
    `  return Math.round((Math.abs(limiter(pourcent)) * ${PWM_MAX}) / ${POWER_MAX});`,
    '}',
    '',
    '// Des secondes en millisecondes (un temps négatif ne dure rien).',
    'function enMillisecondes(secondes) {',
    '  return Math.max(0, secondes * 1000);',
    '}',
    '',
    '// Attendre un certain nombre de secondes.',
    'function attendre(secondes) {',
    '  return new Promise((fini) => setTimeout(fini, enMillisecondes(secondes)));',
    '}',
  ];
}

/** Moves and turns, with the profile's calibration. */
export function movementLines(calibration: Calibration): Lines {
  const turnDegreesPerSecond = spinRate(calibration, TURN_POWER);
  return [
    '// Rouler tout droit à cette vitesse pendant ce nombre de secondes, puis s’arrêter.',
    '// (Une vitesse négative fait rouler dans l’autre sens.)',
    'async function avancer(vitesse, secondes) {',
    '  moteurs(vitesse, vitesse);',
    '  await attendre(secondes);',
    '  moteurs(0, 0);',
    '}',
    '',
    'async function reculer(vitesse, secondes) {',
    '  await avancer(-vitesse, secondes);',
    '}',
    '',
    `// Tourner sur place à ${TURN_POWER} % : à cette vitesse le robot fait ${turnDegreesPerSecond}° par seconde.`,
    '// Un angle négatif tourne de l’autre côté.',
    'async function tourner(cote, degres) {',
    "  const versLaGauche = (cote === 'gauche') === (degres >= 0);",
    `  moteurs(versLaGauche ? -${TURN_POWER} : ${TURN_POWER}, versLaGauche ? ${TURN_POWER} : -${TURN_POWER});`,
    `  await attendre(Math.abs(degres) / ${turnDegreesPerSecond});`,
    '  moteurs(0, 0);',
    '}',
  ];
}

/** A continuous-rotation servo's angle for a power (−100…100 %). */
export function servoAngleLines(): Lines {
  return [
    `// Un servomoteur à rotation continue est immobile à ${SERVO_NEUTRAL}° ; 0° et 180° sont la vitesse maximale.`,
    '// « miroir » : il est monté à l’envers, il tourne dans l’autre sens.',
    'function angleServo(vitesse, miroir) {',
    '  const p = limiter(vitesse) * (miroir ? -1 : 1);',
    `  return Math.round(${SERVO_NEUTRAL} + (p * ${SERVO_NEUTRAL}) / ${POWER_MAX});`,
    '}',
  ];
}

/** The Sharp GP2Y0A21YK's reading in centimetres. */
export function distanceLines(): Lines {
  return [
    `// Le capteur Sharp GP2Y0A21YK donne une tension : on la change en centimètres (de ${DISTANCE_MIN_CM} à ${DISTANCE_MAX_CM} cm).`,
    'function distanceEnCm(mesure) {',
    `  const volts = (Math.max(0, Math.min(${ADC_MAX}, mesure)) * ${ADC_VOLTS}) / ${ADC_MAX};`,
    `  if (volts <= 0) return ${DISTANCE_MAX_CM};`,
    `  const cm = ${GP2Y0A21YK_FIT.cm} * Math.pow(volts, ${GP2Y0A21YK_FIT.exponent});`,
    `  if (!(cm > ${DISTANCE_MIN_CM})) return ${DISTANCE_MIN_CM};`,
    `  if (cm >= ${DISTANCE_MAX_CM}) return ${DISTANCE_MAX_CM};`,
    '  return Math.round(cm * 10) / 10;',
    '}',
  ];
}

/** Ambient light 0…100 from the sensor's reading. */
export function lightLines(): Lines {
  return [
    '// Le capteur de lumière : de 0 (noir) à 100 (très clair).',
    'function lumiereEnPourcent(mesure) {',
    `  return Math.round((Math.max(0, Math.min(${ADC_MAX}, mesure)) * 100) / ${ADC_MAX});`,
    '}',
  ];
}
