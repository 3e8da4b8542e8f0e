/**
 * What « Mon robot » says, French first. A ten-year-old reads it with a teacher beside her: one idea
 * a line, the action first, no jargon (a « kit », a « rapporteur » are words of the classroom).
 */
import type { Locale, Localized } from '../../../core/i18n/messages';
import { fillTemplate } from '../../../core/i18n/typography';

const defineText = <T extends Record<string, Localized>>(t: T): T => t;

export const WIZARD_TEXT = defineText({
  open: { fr: 'Mon robot', en: 'My robot' },
  openHint: { fr: 'Tester les pièces du robot, le mesurer et l’enregistrer.', en: 'Test the robot’s parts, measure it and save it.' },
  title: { fr: 'Mon robot', en: 'My robot' },
  close: { fr: 'Fermer', en: 'Close' },
  back: { fr: '← Retour', en: '← Back' },
  next: { fr: 'Suivant →', en: 'Next →' },
  stepOf: { fr: 'Étape {n} sur 5', en: 'Step {n} of 5' },
  stepKit: { fr: 'Le kit', en: 'The kit' },
  stepWheels: { fr: 'Les roues', en: 'The wheels' },
  stepSensors: { fr: 'Les capteurs', en: 'The sensors' },
  stepMeasure: { fr: 'Mesurer', en: 'Measure' },
  stepSave: { fr: 'Enregistrer', en: 'Save' },
  // 1. Kit
  kitTitle: { fr: 'Quel robot as-tu ?', en: 'Which robot do you have?' },
  nameLabel: { fr: 'Son nom', en: 'Its name' },
  defaultName: { fr: 'Mon robot', en: 'My robot' },
  kitLabel: { fr: 'Le kit qui lui ressemble le plus', en: 'The kit most like it' },
  notConnected: {
    fr: 'Le robot n’est pas connecté : branche-le et connecte-le dans l’onglet Robot pour tester ses roues et ses capteurs. Sans lui, tu peux quand même l’enregistrer.',
    en: 'The robot is not connected: plug it in and connect it in the Robot tab to test its wheels and sensors. Without it, you can still save it.',
  },
  connecting: { fr: 'Je prépare le robot comme ce kit…', en: 'Setting the robot up as this kit…' },
  // 2. Wheels
  wheelsTitle: { fr: 'Les roues tournent-elles dans le bon sens ?', en: 'Do the wheels turn the right way?' },
  wheelsHint: { fr: 'Soulève le robot pour que ses roues tournent dans le vide.', en: 'Lift the robot so its wheels turn in the air.' },
  leftWheel: { fr: 'Roue gauche', en: 'Left wheel' },
  rightWheel: { fr: 'Roue droite', en: 'Right wheel' },
  turnLeft: { fr: '▶ Faire avancer la roue gauche', en: '▶ Turn the left wheel forward' },
  turnRight: { fr: '▶ Faire avancer la roue droite', en: '▶ Turn the right wheel forward' },
  didLeft: { fr: 'La roue GAUCHE a-t-elle tourné vers l’avant ?', en: 'Did the LEFT wheel turn forward?' },
  didRight: { fr: 'La roue DROITE a-t-elle tourné vers l’avant ?', en: 'Did the RIGHT wheel turn forward?' },
  yes: { fr: 'Oui', en: 'Yes' },
  no: { fr: 'Non', en: 'No' },
  whatHappened: { fr: 'Qu’a fait le robot ?', en: 'What did the robot do?' },
  wentBackward: { fr: 'Elle a tourné à l’envers', en: 'It turned backwards' },
  otherWheel: { fr: 'C’est l’autre roue qui a tourné', en: 'The other wheel turned' },
  nothing: { fr: 'Rien n’a bougé', en: 'Nothing moved' },
  nothingHint: {
    fr: 'Vérifie les piles et les fils des moteurs, puis réessaie. Demande à un adulte si rien ne bouge.',
    en: 'Check the batteries and the motor wires, then try again. Ask an adult if nothing moves.',
  },
  fixedTryAgain: { fr: 'C’est corrigé. Réessaie pour vérifier.', en: 'Fixed. Try again to check.' },
  wheelOk: { fr: '✓ Bon sens', en: '✓ Right way' },
  wiringNow: { fr: 'Branchement retenu : {wiring}', en: 'Wiring kept: {wiring}' },
  wiringAsKit: { fr: 'comme le kit', en: 'as the kit' },
  wiringSwap: { fr: 'moteurs échangés', en: 'motors swapped' },
  wiringInvertLeft: { fr: 'roue gauche à l’envers', en: 'left wheel reversed' },
  wiringInvertRight: { fr: 'roue droite à l’envers', en: 'right wheel reversed' },
  // 3. Sensors
  sensorsTitle: { fr: 'Les capteurs répondent-ils ?', en: 'Do the sensors answer?' },
  sensorsStart: { fr: '▶ Lire les capteurs', en: '▶ Read the sensors' },
  sensorsStop: { fr: '■ Arrêter', en: '■ Stop' },
  sensorsNone: { fr: 'Ce kit n’a pas de capteur à tester.', en: 'This kit has no sensor to test.' },
  distance: { fr: 'Distance', en: 'Distance' },
  distanceHint: { fr: 'Passe ta main devant le capteur : le nombre change.', en: 'Wave your hand in front of the sensor: the number changes.' },
  lineLeft: { fr: 'Ligne à gauche', en: 'Line on the left' },
  lineRight: { fr: 'Ligne à droite', en: 'Line on the right' },
  lineHint: { fr: 'Pose le robot sur une ligne noire, puis sur du blanc.', en: 'Put the robot on a black line, then on white.' },
  dark: { fr: 'noir', en: 'dark' },
  bright: { fr: 'blanc', en: 'white' },
  light: { fr: 'Lumière', en: 'Light' },
  lightHint: { fr: 'Cache le capteur avec ta main : le nombre baisse.', en: 'Cover the sensor with your hand: the number goes down.' },
  button: { fr: 'Bouton', en: 'Button' },
  buttonHint: { fr: 'Appuie sur le bouton du robot.', en: 'Press the robot’s button.' },
  pressed: { fr: 'appuyé', en: 'pressed' },
  released: { fr: 'pas appuyé', en: 'not pressed' },
  // 4. Measure
  measureTitle: { fr: 'Mesurer avec une règle et un rapporteur', en: 'Measure with a ruler and a protractor' },
  measureHint: {
    fr: 'Pose le robot par terre. Note où il part, appuie sur ▶, mesure où il s’arrête et écris le nombre. Pour tourner, pose un rapporteur sous le milieu du robot.',
    en: 'Put the robot on the floor. Mark where it starts, press ▶, measure where it stops and type the number. To turn, put a protractor under the middle of the robot.',
  },
  drive: { fr: 'Avancer 1 s à {power} %', en: 'Drive 1 s at {power} %' },
  spin: { fr: 'Tourner 1 s à {power} %', en: 'Turn 1 s at {power} %' },
  go: { fr: '▶ Go', en: '▶ Go' },
  cm: { fr: 'cm parcourus', en: 'cm travelled' },
  degrees: { fr: 'degrés tournés', en: 'degrees turned' },
  notANumber: { fr: 'Écris un nombre, par exemple 24 ou 24,5.', en: 'Type a number, for example 24 or 24.5.' },
  speedsNone: { fr: 'Sans mesure, RoboKit garde les vitesses du kit.', en: 'Without measurements, RoboKit keeps the kit’s speeds.' },
  speeds: { fr: 'Ton robot roule à {cms} cm/s et tourne à {degs} °/s à 50 %.', en: 'Your robot drives {cms} cm/s and turns {degs} °/s at 50 %.' },
  // 5. Save
  saveTitle: { fr: 'Enregistrer ton robot', en: 'Save your robot' },
  summaryKit: { fr: 'Kit de départ', en: 'Starting kit' },
  summaryWiring: { fr: 'Branchement des moteurs', en: 'Motor wiring' },
  summarySpeeds: { fr: 'Vitesses', en: 'Speeds' },
  save: { fr: 'Enregistrer et utiliser ce robot', en: 'Save and use this robot' },
  saved: { fr: 'C’est enregistré : « {name} » est maintenant le robot de RoboKit, dans le simulateur aussi.', en: 'Saved: “{name}” is now RoboKit’s robot, in the simulator too.' },
  exportFile: { fr: 'Exporter le fichier (pour un collègue)', en: 'Export the file (for a colleague)' },
  exported: { fr: 'Fichier exporté : {file}', en: 'File exported: {file}' },
});

export type WizardKey = keyof typeof WIZARD_TEXT;

export function wt(key: WizardKey, locale: Locale, params: Readonly<Record<string, string | number>> = {}): string {
  return fillTemplate(WIZARD_TEXT[key][locale], locale, params);
}
