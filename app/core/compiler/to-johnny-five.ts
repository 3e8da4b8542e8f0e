/**
 * `robokit compile --format js`: the program as a standalone Node script using Johnny-Five, written
 * for a curious 11-year-old to read (French names and comments) and to run by hand with
 * `node programme.js [PORT]`. Its transport is named (js-transport.ts), its hardware rules are
 * RoboKit's (js-rules.ts), so it drives the same pins for the same times as `robokit run`
 * (test/cli/exported-script.emulated.test.ts checks that on the emulated Uno).
 */
import type { Program, Procedure } from '../ir';
import { CAPABILITIES } from '../ir';
import { BUILT_IN_PROFILES, type Profile, type ProfilePins } from '../profiles';
import { partLines } from './js-hardware';
import { movementLines, powerAndTimeLines } from './js-rules';
import { installCommand, SCRIPT_TRANSPORTS, transportLines } from './js-transport';
import { JsNames } from './js-names';
import { JsWriter } from './js-code';

/** The simulator has no pins: its script drives the classroom robot (`arduino-2wd`). */
function pinsOf(profile: Profile): { pins: ProfilePins; note: string[] } {
  if (profile.pins.motors) return { pins: profile.pins, note: [] };
  const fallback = BUILT_IN_PROFILES['arduino-2wd']!;
  return { pins: fallback.pins, note: [`// Le profil « ${profile.id} » n’a pas de broches : ce script utilise celles du robot « ${fallback.id} ».`] };
}

function header(program: Program, profile: Profile): string[] {
  const [firmata, robokit] = SCRIPT_TRANSPORTS.map(installCommand);
  return [
    `// Programme RoboKit pour le robot « ${profile.name.fr} ».`,
    `// RoboKit program for the robot "${profile.name.en}".`,
    '//',
    '// Pour le lancer : branche le robot en USB, puis tape  node programme.js  (RoboKit cherche la carte)',
    '// ou donne son port :  node programme.js /dev/ttyACM0   (sous Windows : node programme.js COM3).',
    '// Il demande à la carte quel programme elle fait tourner (StandardFirmata ou le programme RoboKit) ;',
    '// pour le dire soi-même :  node programme.js /dev/ttyACM0 --firmata   (ou --robokit).',
    `// Hors de RoboKit, installe d’abord ce qu’il faut dans le même dossier :  ${firmata}`,
    `// (programme RoboKit sur la carte :  ${robokit}).`,
    '// To run it: plug the robot in over USB, then  node programme.js [PORT] [--firmata | --robokit]',
    `// (outside RoboKit, first:  ${firmata}; with the RoboKit firmware:  ${robokit}).`,
    '// Ctrl-C arrête le programme (et les moteurs).',
    `// (Fabriqué par RoboKit à partir des blocs ; programme IR version ${program.version}.)`,
    '',
    "'use strict';",
    '',
  ];
}

function helperLines(): string[] {
  return [
    ...powerAndTimeLines(),
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

function stopLines(program: Program): string[] {
  const buzzer = program.uses.includes('sound') ? ['  buzzer(false);'] : [];
  return [
    '// Tout arrêter. Appelé à la fin du programme, en cas d’erreur et avec Ctrl-C.',
    'function arreterTout() {',
    '  arreterMoteurs();',
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
    ...transportLines(profile),
    '',
    ...helperLines(),
    '// La carte du robot : le port donné, sinon celui qu’on trouve.',
    'async function demarrer() {',
    "  const five = charger('johnny-five');",
    '  const options = process.argv.slice(2);',
    "  const chemin = options.find((o) => !o.startsWith('--')) || (await trouverCarte());",
    "  const dit = ['firmata', 'robokit'].find((p) => options.includes('--' + p));",
    '  const programme = dit || (await programmeDeLaCarte(chemin));',
    "  console.error('Robot : ' + chemin + ' (' + (programme === 'robokit' ? 'programme RoboKit' : 'StandardFirmata') + ')');",
    '  const lien = ouvrirLien(chemin, programme);',
    '  const nePasRepondre = (erreur) => {',
    "    console.error('La carte ne répond pas / The board does not answer: ' + erreur.message);",
    '    process.exit(3);',
    '  };',
    "  lien.on('error', nePasRepondre);",
    '  // 30 s pour se présenter (10 par défaut) : un vieil ordinateur chargé peut être lent.',
    '  const carte = new five.Board({ io: lien, repl: false, debug: false, timeout: 30000 });',
    "  carte.on('error', nePasRepondre);",
    "  carte.on('ready', () => lancer(five, carte));",
    '}',
    '',
    'async function lancer(five, carte) {',
    ...indent(note),
    '  // Les capteurs que le programme lit (on attend leurs premières mesures avant de commencer).',
    '  const capteurs = [];',
    ...parts.flatMap((c) => ['', ...indent(partLines(c, pins))]),
    '',
    ...indent(movementLines(profile.calibration)),
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
    '  // Comme RoboKit : attendre la première mesure de chaque capteur, 1,5 seconde au plus.',
    '  const mesure = (capteur) =>',
    '    new Promise((recue) => {',
    "      const voir = () => capteur.value !== null && (capteur.off('data', voir), recue());",
    "      capteur.on('data', voir);",
    '      voir();',
    '    });',
    '  if (capteurs.length > 0) await Promise.race([Promise.all(capteurs.map(mesure)), attendre(1.5)]);',
    '',
    '  try {',
    '    await programme();',
    '  } catch (erreur) {',
    "    console.error('Oups :', erreur.message);",
    '  } finally {',
    '    arreterTout();',
    '    // Laisser le temps au dernier ordre d’arriver à la carte (et fermer le lien s’il sait le faire), puis quitter.',
    '    await attendre(0.1);',
    "    if (typeof carte.io.close === 'function') await Promise.race([carte.io.close(), attendre(2)]);",
    '    process.exit(0);',
    '  }',
    '}',
    '',
    '// Une erreur imprévue : une phrase, pas une pile d’appels.',
    "demarrer().catch((erreur) => {",
    "  console.error('Oups :', erreur.message);",
    '  process.exit(1);',
    '});',
    '',
  ].join('\n');
}
