/**
 * How the Johnny-Five script reaches the board: the packages it needs, how it finds the robot's
 * serial port, and the IO it gives Johnny-Five. One entry per profile transport (SPEC §4): today
 * `firmata` (StandardFirmata through firmata-io over serialport 13, which this install builds; the
 * default `new five.Board()` wants an old serialport that it does not). The RoboKit firmware's
 * Johnny-Five IO plugin slots in as the `robokit-line` entry: its packages and the line that makes
 * its IO from the serial port path; nothing else in the script changes.
 */
import type { Profile } from '../profiles';
import { FIRMATA_BOARD_USB_IDS } from '../usb-boards';

type Lines = string[];

export interface ScriptTransport {
  /** Said in the script's comments. */
  readonly name: string;
  /** npm packages (with the versions known to work) the script needs beside johnny-five. */
  readonly packages: readonly string[];
  /** Lines defining `function ouvrirLien(chemin)`, returning the IO Johnny-Five's Board gets. */
  readonly openLines: (profile: Profile) => Lines;
}

const JOHNNY_FIVE = 'johnny-five@2';

const FIRMATA: ScriptTransport = {
  name: 'StandardFirmata',
  packages: ['firmata-io@2', 'serialport@13'],
  openLines: (profile) => [
    `// La carte parle le protocole Firmata (StandardFirmata), à ${profile.baud ?? 57600} bauds.`,
    'function ouvrirLien(chemin) {',
    "  const { SerialPort } = charger('serialport');",
    "  const { Firmata } = charger('firmata-io');",
    `  return new Firmata(new SerialPort({ path: chemin, baudRate: ${profile.baud ?? 57600} }));`,
    '}',
  ],
};

/**
 * By profile transport. `robokit-line` uses Firmata until the RoboKit firmware's IO plugin exists;
 * `sim` (no board) writes the script for the classroom robot, over Firmata.
 */
const TRANSPORTS: Readonly<Record<Profile['transport'], ScriptTransport>> = {
  firmata: FIRMATA,
  'robokit-line': FIRMATA,
  sim: FIRMATA,
};

export function scriptTransport(profile: Profile): ScriptTransport {
  return TRANSPORTS[profile.transport];
}

/** The npm command that installs what the script needs. */
export function installCommand(transport: ScriptTransport): string {
  return `npm install ${[JOHNNY_FIVE, ...transport.packages].join(' ')}`;
}

/** `charger`, `trouverCarte` and `ouvrirLien`: loading packages with a clear message, finding and opening the board. */
export function transportLines(profile: Profile): Lines {
  const transport = scriptTransport(profile);
  const install = installCommand(transport);
  const usbIds = FIRMATA_BOARD_USB_IDS;
  return [
    '// Charger un paquet npm ; s’il manque, dire lequel installer, puis s’arrêter.',
    'function charger(nom) {',
    '  try {',
    '    return require(nom);',
    '  } catch (erreur) {',
    "    if (erreur.code !== 'MODULE_NOT_FOUND') throw erreur;",
    "    console.error('Il manque le paquet « ' + nom + ' ». Dans le dossier de ce programme, tape :');",
    "    console.error('The package \"' + nom + '\" is missing. In the folder of this program, type:');",
    `    console.error('  ${install}');`,
    '    process.exit(2);',
    '  }',
    '}',
    '',
    '// Les cartes Arduino et les puces USB-série des robots de classe (identifiants USB).',
    `const CARTES_USB = ${JSON.stringify(usbIds)};`,
    '',
    '// Trouver le port série du robot quand on ne l’a pas donné.',
    'async function trouverCarte() {',
    "  const { SerialPort } = charger('serialport');",
    "  const id = (p) => String(p.vendorId || '').toLowerCase() + ':' + String(p.productId || '').toLowerCase();",
    '  try {',
    '    const carte = (await SerialPort.list()).find((p) => CARTES_USB.includes(id(p)));',
    '    if (carte) return carte.path;',
    '  } catch {',
    '    // Sous Linux sans udevadm, la liste échoue : on regarde les ports USB-série dans /dev.',
    "    const usb = require('fs').readdirSync('/dev').filter((nom) => /^tty(ACM|USB)[0-9]+$/.test(nom)).sort();",
    "    if (usb.length > 0) return '/dev/' + usb[0];",
    '  }',
    "  console.error('Je ne trouve pas le robot : branche-le en USB, ou donne son port :  node programme.js /dev/ttyACM0');",
    "  console.error('Robot not found: plug it in over USB, or give its port:  node programme.js /dev/ttyACM0');",
    '  process.exit(3);',
    '}',
    '',
    ...transport.openLines(profile),
  ];
}
