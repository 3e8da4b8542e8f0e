/** Robot connection and hardware messages (firmware bridge). */
import { defineMessages } from './define';

export const ROBOT_MESSAGES = defineMessages({
  // Connecting: one message per reason, each says what to do.
  'robot-port-not-found': {
    fr: 'Demande à un adulte de brancher le câble USB du robot, puis de choisir le bon port : aucun robot sur {path}.',
    en: 'No robot on {path}. Plug in the USB cable, then pick the right port.',
  },
  'robot-port-busy': {
    fr: 'Demande à un adulte de fermer l’autre logiciel qui utilise le port {path} (Arduino IDE, autre fenêtre RoboKit), puis réessaie.',
    en: 'Port {path} is already in use. Close the other program (Arduino IDE, another RoboKit window), then try again.',
  },
  'robot-permission-denied': {
    fr: 'Demande à un adulte : l’ordinateur n’a pas le droit d’ouvrir {path}. Sous Linux, il faut taper « sudo usermod -aG dialout $USER », puis fermer la session et la rouvrir.',
    en: 'Not allowed to open {path}. On Linux: run "sudo usermod -aG dialout $USER", then log out and back in.',
  },
  'robot-no-firmata': {
    fr: 'Demande à un adulte d’installer le programme du robot (« Installer le programme du robot ») : la carte sur {path} répond, mais ni avec le micrologiciel RoboKit ni avec Firmata.',
    en: 'The board on {path} answers, but with neither the RoboKit firmware nor Firmata. Ask an adult to install the robot’s program: "Install the robot’s program".',
  },
  'robot-firmware-version': {
    fr: 'Demande à un adulte de mettre RoboKit à jour, ou d’installer le micrologiciel fourni avec lui : le robot sur {path} a le micrologiciel RoboKit {version}, trop récent.',
    en: 'The robot on {path} runs RoboKit firmware {version}, too new for this RoboKit. Update RoboKit, or install the firmware that comes with it.',
  },
  'robot-no-answer': {
    fr: 'Demande à un adulte de vérifier le câble, sinon d’installer le programme du robot : la carte sur {path} ne répond pas.',
    en: 'The board on {path} does not answer. Check the cable; otherwise ask an adult to install the robot’s program.',
  },
  'robot-not-robokit': {
    fr: 'Demande à un adulte d’installer le programme RoboKit dans ce robot (« Installer le programme du robot ») : sans lui, il ne peut ni clignoter pour dire « c’est moi », ni garder un nom.',
    en: 'Ask an adult to install the RoboKit program in this robot ("Install the robot’s program"): without it, it can neither blink to say "it’s me" nor keep a name.',
  },
  'robot-name-invalid': {
    fr: 'Demande à un adulte de choisir un autre nom : un nom de robot a de 1 à {max} caractères simples (lettres, chiffres, espaces), sur une seule ligne.',
    en: 'Ask an adult to choose another name: a robot name has 1 to {max} plain characters (letters, digits, spaces), on one line.',
  },
  'robot-open-failed': {
    fr: 'Demande à un adulte de débrancher le robot et de le rebrancher, puis réessaie : impossible d’ouvrir {path}.',
    en: 'Could not open {path}. Unplug the robot, plug it back in, then try again.',
  },
  'robot-none-found': {
    fr: 'Demande à un adulte de brancher le câble USB du robot, puis réessaie : aucun robot trouvé.',
    en: 'No robot found. Plug in the USB cable, then try again.',
  },
  'robot-wrong-profile': {
    fr: 'Demande à un adulte de choisir un autre profil : le profil {profile} ne se pilote pas avec Firmata.',
    en: 'Profile {profile} is not driven with Firmata.',
  },
  'robot-link-lost': {
    fr: 'Demande à un adulte de vérifier le câble USB : le robot est déconnecté. RoboKit se reconnecte tout seul.',
    en: 'Robot disconnected. Check the USB cable: RoboKit reconnects by itself.',
  },
  'robot-protocol-error': {
    fr: 'Demande à un adulte de vérifier le câble si ça se répète : le robot a envoyé des données illisibles. RoboKit continue.',
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
    fr: 'Demande à un adulte d’installer d’abord le pilote CH340 (site du fabricant WCH), sous Windows ou macOS.',
    en: 'On Windows or macOS, first install the CH340 driver (from the maker, WCH).',
  },
  'driver-ch9102': {
    fr: 'Demande à un adulte d’installer d’abord le pilote CH9102 / CH343 (site du fabricant WCH), sous Windows ou macOS.',
    en: 'On Windows or macOS, first install the CH9102 / CH343 driver (from the maker, WCH).',
  },
  'driver-cp210x': {
    fr: 'Demande à un adulte d’installer d’abord le pilote CP210x (site de Silicon Labs), sous Windows ou macOS.',
    en: 'On Windows or macOS, first install the CP210x driver (from Silicon Labs).',
  },
  'driver-pl2303': {
    fr: 'Demande à un adulte d’installer d’abord le pilote PL2303 (site de Prolific), sous Windows.',
    en: 'On Windows, first install the PL2303 driver (from Prolific).',
  },
});
