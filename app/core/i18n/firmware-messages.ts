/**
 * Installing the robot's firmware, and the troubleshooting guide for a robot that is not found.
 * Read by the adult preparing the robots (teacher, facilitator): "vous", what to do, one step each.
 */
import { defineMessages } from './define';

export const FIRMWARE_MESSAGES = defineMessages({
  'firmware-install-busy': {
    fr: 'Une installation est déjà en cours : attendez qu’elle finisse.',
    en: 'An install is already running: wait until it finishes.',
  },
  'firmware-image-missing': {
    fr: 'Le programme {firmware} manque dans cette installation de RoboKit. Réinstallez RoboKit.',
    en: 'The {firmware} program is missing from this RoboKit install. Reinstall RoboKit.',
  },
  'firmware-image-too-big': {
    fr: 'Le programme {firmware} est trop grand pour un Arduino Uno. Réinstallez RoboKit.',
    en: 'The {firmware} program is too big for an Arduino Uno. Reinstall RoboKit.',
  },
  'firmware-unknown': {
    fr: '« {firmware} » n’est pas un programme que RoboKit installe : choisissez robokit ou firmata.',
    en: '"{firmware}" is not a program RoboKit installs: choose robokit or firmata.',
  },
  'firmware-board-foreign': {
    fr: 'La carte sur {path} est « {board} », pas un Arduino Uno, Nano ou mBot : RoboKit n’y installe rien.',
    en: 'The board on {path} is a {board}, not an Arduino Uno, Nano or mBot: RoboKit installs nothing on it.',
  },
  'firmware-signature-foreign': {
    fr: 'La carte sur {path} n’a pas le microcontrôleur d’un Arduino Uno (ATmega328P ; signature {signature}) : RoboKit n’y a rien écrit.',
    en: 'The board on {path} does not have an Arduino Uno’s microcontroller (ATmega328P; signature {signature}): RoboKit wrote nothing to it.',
  },
  'firmware-press-reset': {
    fr: 'La carte ne répond pas encore : appuyez une fois sur son bouton RESET (près de la prise USB). RoboKit continue d’essayer.',
    en: 'The board is not answering yet: press its RESET button once (next to the USB socket). RoboKit keeps trying.',
  },
  'firmware-bootloader-silent': {
    fr: 'La carte sur {path} ne se laisse pas programmer. Relancez, puis appuyez sur RESET dès que RoboKit le demande ; si rien ne change, ce n’est sans doute pas un Arduino Uno ou Nano, ou un autre logiciel tient le port.',
    en: 'The board on {path} cannot be programmed. Try again and press RESET as soon as RoboKit asks; if nothing changes, it is probably not an Arduino Uno or Nano, or another program holds the port.',
  },
  'firmware-link-lost': {
    fr: 'La carte a cessé de répondre pendant l’installation. Vérifiez le câble USB, puis relancez : la carte peut toujours être reprogrammée.',
    en: 'The board stopped answering during the install. Check the USB cable, then start again: the board can still be reprogrammed.',
  },
  'firmware-verify-failed': {
    fr: 'La relecture a trouvé une erreur à l’adresse {address} : le programme du robot est abîmé. Relancez l’installation ; si cela se répète, changez de câble USB.',
    en: 'Reading back found an error at address {address}: the robot’s program is damaged. Install again; if it happens again, change the USB cable.',
  },
  'firmware-not-running': {
    fr: 'Le programme est écrit et vérifié, mais la carte ne répond pas après son redémarrage. Débranchez puis rebranchez le robot.',
    en: 'The program is written and verified, but the board does not answer after restarting. Unplug the robot and plug it back in.',
  },
  'firmware-installed': {
    fr: '{firmware} {version} est installé et vérifié : le robot est prêt.',
    en: '{firmware} {version} is installed and verified: the robot is ready.',
  },
  'firmware-none': {
    fr: 'Aucun programme RoboKit ni StandardFirmata ne répond sur {path}. Installez le programme du robot.',
    en: 'Neither the RoboKit program nor StandardFirmata answers on {path}. Install the robot’s program.',
  },
  'firmware-old': {
    fr: 'Ce robot a le programme {firmware} {version} ; RoboKit apporte la version {latest}. Mettez-le à jour.',
    en: 'This robot has {firmware} {version}; RoboKit brings version {latest}. Update it.',
  },
  'firmware-up-to-date': {
    fr: 'Ce robot a le programme {firmware} {version}, à jour.',
    en: 'This robot has {firmware} {version}, up to date.',
  },
  // Phases shown while installing.
  'firmware-phase-connecting': { fr: 'Connexion à la carte…', en: 'Reaching the board…' },
  'firmware-phase-writing': { fr: 'Écriture du programme…', en: 'Writing the program…' },
  'firmware-phase-verifying': { fr: 'Vérification…', en: 'Verifying…' },
  'firmware-phase-checking': { fr: 'Redémarrage du robot…', en: 'Restarting the robot…' },
  // Troubleshooting: a robot that is not found.
  'help-no-port': {
    fr: 'Aucun port série. Branchez le robot avec un câble USB de données : un câble « charge seulement » allume la carte sans la relier à l’ordinateur.',
    en: 'No serial port. Plug the robot in with a USB data cable: a charge-only cable powers the board without linking it to the computer.',
  },
  'help-brltty': {
    fr: 'Sous Ubuntu, le logiciel brltty (afficheurs braille) s’empare des cartes à puce CH340. Si vous n’utilisez pas d’afficheur braille : sudo apt remove brltty, puis rebranchez le robot.',
    en: 'On Ubuntu, brltty (for braille displays) grabs boards with a CH340 chip. If you use no braille display: sudo apt remove brltty, then plug the robot back in.',
  },
  'help-port-busy-linux': {
    fr: 'Pour voir quel logiciel tient le port : sudo fuser -v {path}',
    en: 'To see which program holds the port: sudo fuser -v {path}',
  },
  'help-offer-install': {
    fr: 'La carte est peut-être vide ou porte un autre programme : installez le programme du robot.',
    en: 'The board may be empty or carry another program: install the robot’s program.',
  },
});
