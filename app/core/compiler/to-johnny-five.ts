/**
 * `robokit compile --format js`: the program as a standalone Node script using Johnny-Five, written
 * for a curious 11-year-old to read (French names and comments) and to run by hand with
 * `node programme.js`. Nothing in RoboKit runs it.
 */
import type { Program, Procedure } from '../ir';
import { CAPABILITIES } from '../ir';
import { BUILT_IN_PROFILES, type Profile, type ProfilePins } from '../profiles';
import { partLines } from './js-hardware';
import { JsNames } from './js-names';
import { JsWriter } from './js-code';

/** The simulator has no pins: its script drives the classroom robot (`arduino-2wd`). */
function pinsOf(profile: Profile): { pins: ProfilePins; note: string[] } {
  if (profile.pins.motors) return { pins: profile.pins, note: [] };
  const fallback = BUILT_IN_PROFILES['arduino-2wd']!;
  return { pins: fallback.pins, note: [`// Le profil « ${profile.id} » n’a pas de broches : ce script utilise celles du robot « ${fallback.id} ».`] };
}

function header(program: Program, profile: Profile): string[] {
  return [
    `// Programme RoboKit pour le robot « ${profile.name.fr} ».`,
    '// Pour le lancer : branche le robot en USB, puis tape  npm install johnny-five  et  node programme.js',
    '// Ctrl-C arrête le programme (et les moteurs).',
    `// (Fabriqué par RoboKit à partir des blocs ; programme IR version ${program.version}.)`,
    '',
    "const five = require('johnny-five');",
    '',
    '// La carte Arduino du robot (repl: false : pas de console interactive).',
    'const carte = new five.Board({ repl: false });',
    '',
    '// Attendre un certain nombre de secondes.',
    'function attendre(secondes) {',
    '  return new Promise((fini) => setTimeout(fini, Math.max(0, secondes) * 1000));',
    '}',
    '',
    '// Une vitesse en pourcentage (0 à 100) devient une valeur PWM (0 à 255) : 50 % donne 128.',
    'function pourcentVersPwm(pourcent) {',
    '  return Math.round((Math.min(100, Math.max(0, pourcent)) * 255) / 100);',
    '}',
    '',
    '// Un nombre entier au hasard entre a et b (compris).',
    'function nombreAuHasard(a, b) {',
    '  const min = Math.ceil(Math.min(a, b));',
    '  const max = Math.floor(Math.max(a, b));',
    '  return min + Math.floor(Math.random() * (max - min + 1));',
    '}',
    '',
    '// Montrer un message.',
    'function dire(texte) {',
    "  console.log('🤖 ' + texte);",
    '}',
    '',
  ];
}

function movementLines(profile: Profile): string[] {
  const { degreesPerSecond } = profile.calibration;
  return [
    '// Régler les deux moteurs à la fois, de -100 à 100 %.',
    'function moteurs(gauche, droite) {',
    '  regler(moteurGauche, gauche);',
    '  regler(moteurDroit, droite);',
    '}',
    '',
    '// Rouler tout droit à cette vitesse pendant ce nombre de secondes, puis s’arrêter.',
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
    `// Tourner sur place à 50 % : à cette vitesse le robot fait ${degreesPerSecond / 2}° par seconde.`,
    'async function tourner(cote, degres) {',
    "  const sens = cote === 'gauche' ? 1 : -1;",
    '  moteurs(-50 * sens, 50 * sens);',
    `  await attendre(degres / ${degreesPerSecond / 2});`,
    '  moteurs(0, 0);',
    '}',
  ];
}

function stopLines(program: Program): string[] {
  const buzzer = program.uses.includes('sound') ? ['  buzzer.noTone();'] : [];
  return [
    '// Tout arrêter. Appelé à la fin du programme, en cas d’erreur et avec Ctrl-C.',
    'function arreterTout() {',
    '  moteurs(0, 0);',
    ...buzzer,
    '}',
  ];
}

function procedureLines(proc: Procedure, names: JsNames): string[] {
  const w = new JsWriter(names);
  const params = proc.params.map((p) => names.variable(p)).join(', ');
  w.line(1, `async function ${names.procedure(proc.name)}(${params}) {`);
  w.block(proc.body, 2);
  w.line(1, '}');
  return [...w.lines, ''];
}

function mainLines(program: Program, names: JsNames): string[] {
  const w = new JsWriter(names);
  w.line(1, '// Le programme : les blocs sous « quand je démarre ».');
  w.line(1, 'async function programme() {');
  w.block(program.body, 2);
  w.line(1, '}');
  return w.lines;
}

function indent(lines: readonly string[]): string[] {
  return lines.map((l) => (l === '' ? '' : `  ${l}`));
}

export function compileProjectToJs(program: Program, profile: Profile): string {
  const { pins, note } = pinsOf(profile);
  const names = new JsNames();
  const parts = CAPABILITIES.filter((c) => c === 'motors' || program.uses.includes(c));
  const variables = program.variables.map((v) => `  let ${names.variable(v)} = 0;`);
  const procedures = Object.values(program.procedures).flatMap((p) => procedureLines(p, names));
  return [
    ...header(program, profile),
    "carte.on('ready', async () => {",
    ...indent(note),
    ...parts.flatMap((c) => ['', ...indent(partLines(c, pins))]),
    '',
    ...indent(movementLines(profile)),
    '',
    ...indent(stopLines(program)),
    "  process.on('SIGINT', () => {",
    '    arreterTout();',
    '    setTimeout(() => process.exit(130), 100);',
    '  });',
    '',
    ...(variables.length > 0 ? ['  // Les variables.', ...variables, ''] : []),
    ...(procedures.length > 0 ? ['  // Les fonctions.', ...procedures] : []),
    ...mainLines(program, names),
    '',
    '  try {',
    '    await programme();',
    '  } catch (erreur) {',
    "    console.error('Oups :', erreur.message);",
    '  } finally {',
    '    arreterTout();',
    '    // Laisser le temps au dernier ordre d’arriver à la carte, puis quitter.',
    '    setTimeout(() => process.exit(0), 100);',
    '  }',
    '});',
    '',
  ].join('\n');
}
