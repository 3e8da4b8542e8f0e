/**
 * How the Johnny-Five script reaches the board: the packages it needs, how it finds the robot's
 * serial port, which program the board runs, and the IO it gives Johnny-Five. Two transports, as
 * data: StandardFirmata (firmata-io over serialport 13, which this install builds; the default
 * `new five.Board()` wants an old serialport that it does not) and the RoboKit firmware (its
 * Johnny-Five IO plugin, the `robokit-io` package that `npm run build` writes to dist/robokit-io).
 * The script asks the board which one it runs (the RoboKit firmware answers `hello` at 115200 baud),
 * unless told with `--firmata` or `--robokit`; it loads only the packages of the one it uses.
 */
import { BUILT_IN_PROFILES, type Profile } from '../profiles';
import { FIRMATA_BOARD_USB_IDS } from '../usb-boards';

type Lines = string[];

export interface ScriptTransport {
  /** The script's word for it: `firmata`, `robokit` (its command-line option is `--` + this). */
  readonly id: 'firmata' | 'robokit';
  /** npm packages (with the versions known to work) the script needs for it. */
  readonly packages: readonly string[];
  /** The body of `ouvrirLien(chemin)` for it: returns the IO Johnny-Five's Board gets. */
  readonly openLines: (profile: Profile) => Lines;
}

const JOHNNY_FIVE = 'johnny-five@2';
/** Where the RoboKit firmware's IO plugin comes from outside the project. */
export const ROBOKIT_IO_PACKAGE = '<dossier de RoboKit>/dist/robokit-io';

const FIRMATA: ScriptTransport = {
  id: 'firmata',
  packages: ['firmata-io@2', 'serialport@13'],
  openLines: (profile) => [
    `    // StandardFirmata, à ${profile.baud ?? 57600} bauds.`,
    "    const { SerialPort } = charger('serialport', 'firmata');",
    "    const { Firmata } = charger('firmata-io', 'firmata');",
    '    // Une carte qui ne redémarre pas à l’ouverture du port (lien Bluetooth, carte déjà allumée) ne se présente pas :',
    '    // on lui demande sa version après 1,5 s au lieu de 5.',
    `    return new Firmata(new SerialPort({ path: chemin, baudRate: ${profile.baud ?? 57600} }), { reportVersionTimeout: 1500 });`,
  ],
};

const ROBOKIT: ScriptTransport = {
  id: 'robokit',
  packages: ['serialport@13', ROBOKIT_IO_PACKAGE],
  openLines: (profile) => [
    '    // Le programme RoboKit, par son plugin Johnny-Five (il parle au robot par pièces : moteurs, lumière…).',
    "    const { RobokitIo } = charger('robokit-io', 'robokit');",
    `    return new RobokitIo({ port: chemin, profile: ${JSON.stringify(BUILT_IN_PROFILES[profile.id] ? profile.id : profile)}, connect: { timeoutMs: 10000, line: { lostAfterMs: 5000 } } });`,
  ],
};

export const SCRIPT_TRANSPORTS: readonly ScriptTransport[] = [FIRMATA, ROBOKIT];

/** The npm command that installs what the script needs for this transport. */
export function installCommand(transport: ScriptTransport): string {
  return `npm install ${[JOHNNY_FIVE, ...transport.packages].join(' ')}`;
}

/** `charger`, `trouverCarte`, `programmeDeLaCarte` and `ouvrirLien`: loading packages with a clear message, finding, asking and opening the board. */
export function transportLines(profile: Profile): Lines {
  const installs = Object.fromEntries(SCRIPT_TRANSPORTS.map((t) => [t.id, installCommand(t)]));
  return [
    '// Ce qu’il faut installer hors de RoboKit, selon le programme de la carte.',
    `const A_INSTALLER = ${JSON.stringify(installs, null, 2)};`,
    '',
    '// Charger un paquet npm ; s’il manque, dire lequel installer, puis s’arrêter.',
    "function charger(nom, programme = 'firmata') {",
    '  try {',
    '    return require(nom);',
    '  } catch (erreur) {',
    "    if (erreur.code !== 'MODULE_NOT_FOUND') throw erreur;",
    "    console.error('Il manque le paquet « ' + nom + ' ». Dans le dossier de ce programme, tape :');",
    "    console.error('The package \"' + nom + '\" is missing. In the folder of this program, type:');",
    "    console.error('  ' + A_INSTALLER[nom === 'robokit-io' ? 'robokit' : programme]);",
    "    if (nom === 'robokit-io') {",
    "      console.error('(robokit-io vient avec RoboKit : « npm run build » l’écrit dans son dossier dist/robokit-io.)');",
    "      console.error('(robokit-io comes with RoboKit: \"npm run build\" writes it to its dist/robokit-io folder.)');",
    '    }',
    '    process.exit(2);',
    '  }',
    '}',
    '',
    '// Les cartes Arduino et les puces USB-série des robots de classe (identifiants USB).',
    `const CARTES_USB = ${JSON.stringify(FIRMATA_BOARD_USB_IDS)};`,
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
    '// Quel programme tourne sur la carte ? Le programme RoboKit répond « hello fw=robokit » à 115200 bauds ;',
    '// StandardFirmata répond à l’octet 0xF9 (ou se présente) par des octets ≥ 0x80. Sans réponse : Firmata.',
    'function programmeDeLaCarte(chemin) {',
    "  const { SerialPort } = charger('serialport');",
    '  return new Promise((trouve) => {',
    "    let lu = '';",
    '    let octetsHauts = 0;',
    '    let fini = false;',
    '    const port = new SerialPort({ path: chemin, baudRate: 115200 });',
    '    const finir = (programme) => {',
    '      if (fini) return;',
    '      fini = true;',
    '      clearInterval(demande);',
    '      clearTimeout(limite);',
    '      if (port.isOpen) port.close(() => trouve(programme));',
    '      else trouve(programme);',
    '    };',
    "    port.on('error', () => finir('firmata'));",
    "    port.on('data', (octets) => {",
    "      lu = (lu + octets.toString('latin1')).slice(-200);",
    "      if (lu.includes('hello fw=robokit')) return finir('robokit');",
    '      // Avant sa première ligne, le programme RoboKit n’envoie que du texte simple (le nom du robot peut avoir des accents).',
    '      if (/(^|\\n)(err |ok\\r?\\n|hello )/.test(lu)) return;',
    '      octetsHauts += octets.filter((o) => o >= 0x80).length;',
    "      if (octets.includes(0xf9) || octetsHauts >= 3) finir('firmata');",
    '    });',
    "    const demande = setInterval(() => port.write('hello\\n'), 300);",
    "    const limite = setTimeout(() => finir('firmata'), 8000);",
    '    port.write(Buffer.from([0xf9, 0x0a]));',
    '  });',
    '}',
    '',
    '// Le lien avec la carte, pour Johnny-Five.',
    'function ouvrirLien(chemin, programme) {',
    ...SCRIPT_TRANSPORTS.flatMap((t) => [`  if (programme === '${t.id}') {`, ...t.openLines(profile), '  }']),
    "  throw new Error('programme inconnu : ' + programme);",
    '}',
  ];
}
