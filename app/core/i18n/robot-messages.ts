/** Robot connection and hardware messages (firmware bridge). */
import { defineMessages } from './define';

export const ROBOT_MESSAGES = defineMessages({
  // Connecting: one message per reason, each says what to do.
  'robot-port-not-found': {
    fr: 'Aucun robot sur {path}. Branche le câble USB, puis choisis le bon port.',
    en: 'No robot on {path}. Plug in the USB cable, then pick the right port.',
  },
  'robot-port-busy': {
    fr: 'Le port {path} est déjà utilisé. Ferme l’autre logiciel (Arduino IDE, autre fenêtre RoboKit), puis réessaie.',
    en: 'Port {path} is already in use. Close the other program (Arduino IDE, another RoboKit window), then try again.',
  },
  'robot-permission-denied': {
    fr: 'Pas le droit d’ouvrir {path}. Sous Linux : tape « sudo usermod -aG dialout $USER », puis ferme ta session et rouvre-la.',
    en: 'Not allowed to open {path}. On Linux: run "sudo usermod -aG dialout $USER", then log out and back in.',
  },
  'robot-no-firmata': {
    fr: 'La carte sur {path} répond, mais ni avec le micrologiciel RoboKit ni avec Firmata. Demande à un adulte d’installer le programme du robot : « Installer le programme du robot ».',
    en: 'The board on {path} answers, but with neither the RoboKit firmware nor Firmata. Ask an adult to install the robot’s program: "Install the robot’s program".',
  },
  'robot-firmware-version': {
    fr: 'Le robot sur {path} a le micrologiciel RoboKit {version}, trop récent pour cette version de RoboKit. Mets RoboKit à jour, ou installe le micrologiciel fourni avec lui.',
    en: 'The robot on {path} runs RoboKit firmware {version}, too new for this RoboKit. Update RoboKit, or install the firmware that comes with it.',
  },
  'robot-no-answer': {
    fr: 'La carte sur {path} ne répond pas. Vérifie le câble ; sinon, demande à un adulte d’installer le programme du robot.',
    en: 'The board on {path} does not answer. Check the cable; otherwise ask an adult to install the robot’s program.',
  },
  'robot-name-invalid': {
    fr: 'Un nom de robot a de 1 à {max} caractères simples (lettres, chiffres, espaces), sur une seule ligne.',
    en: 'A robot name has 1 to {max} plain characters (letters, digits, spaces), on one line.',
  },
  'robot-open-failed': {
    fr: 'Impossible d’ouvrir {path}. Débranche le robot, rebranche-le, puis réessaie.',
    en: 'Could not open {path}. Unplug the robot, plug it back in, then try again.',
  },
  'robot-none-found': {
    fr: 'Aucun robot trouvé. Branche le câble USB, puis réessaie.',
    en: 'No robot found. Plug in the USB cable, then try again.',
  },
  'robot-wrong-profile': {
    fr: 'Le profil {profile} ne se pilote pas avec Firmata.',
    en: 'Profile {profile} is not driven with Firmata.',
  },
  'robot-link-lost': {
    fr: 'Robot déconnecté. Vérifie le câble USB : RoboKit se reconnecte tout seul.',
    en: 'Robot disconnected. Check the USB cable: RoboKit reconnects by itself.',
  },
  'robot-protocol-error': {
    fr: 'Le robot a envoyé des données illisibles. RoboKit continue ; si ça se répète, vérifie le câble.',
    en: 'The robot sent unreadable data. RoboKit carries on; if it happens again, check the cable.',
  },
  // Boards guessed from the USB identifiers (`robokit ports`).
  'board-arduino-uno': { fr: 'Arduino Uno', en: 'Arduino Uno' },
  'board-arduino-mega': { fr: 'Arduino Mega', en: 'Arduino Mega' },
  'board-arduino-leonardo': { fr: 'Arduino Leonardo', en: 'Arduino Leonardo' },
  'board-arduino-nano-every': { fr: 'Arduino Nano Every', en: 'Arduino Nano Every' },
  'board-arduino-uno-r4': { fr: 'Arduino Uno R4', en: 'Arduino Uno R4' },
  'board-microbit': { fr: 'Carte micro:bit', en: 'micro:bit board' },
  'board-ch340': {
    fr: 'Carte compatible Arduino (Uno ou Nano clone, mBot ; puce CH340)',
    en: 'Arduino-compatible board (Uno or Nano clone, mBot; CH340 chip)',
  },
  'board-ch9102': {
    fr: 'Carte compatible Arduino (puce CH9102)',
    en: 'Arduino-compatible board (CH9102 chip)',
  },
  'board-ftdi': {
    fr: 'Carte compatible Arduino (puce FTDI)',
    en: 'Arduino-compatible board (FTDI chip)',
  },
  'board-cp210x': {
    fr: 'Carte compatible Arduino (puce CP210x)',
    en: 'Arduino-compatible board (CP210x chip)',
  },
  'board-pl2303': {
    fr: 'Adaptateur série (puce PL2303)',
    en: 'Serial adapter (PL2303 chip)',
  },
  'board-unknown': { fr: 'Appareil série inconnu', en: 'Unknown serial device' },
  'driver-ch340': {
    fr: 'Sous Windows ou macOS, installe d’abord le pilote CH340 (site du fabricant WCH).',
    en: 'On Windows or macOS, first install the CH340 driver (from the maker, WCH).',
  },
  'driver-ch9102': {
    fr: 'Sous Windows ou macOS, installe d’abord le pilote CH9102 / CH343 (site du fabricant WCH).',
    en: 'On Windows or macOS, first install the CH9102 / CH343 driver (from the maker, WCH).',
  },
  'driver-cp210x': {
    fr: 'Sous Windows ou macOS, installe d’abord le pilote CP210x (site de Silicon Labs).',
    en: 'On Windows or macOS, first install the CP210x driver (from Silicon Labs).',
  },
  'driver-pl2303': {
    fr: 'Sous Windows, installe d’abord le pilote PL2303 (site de Prolific).',
    en: 'On Windows, first install the PL2303 driver (from Prolific).',
  },
});
