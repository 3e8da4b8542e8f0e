/** Sending a program into the robot (stored programs, docs/bytecode.md): read by the pupil. */
import { defineMessages } from './define';

export const BYTECODE_MESSAGES = defineMessages({
  'bytecode-text': {
    fr: 'Le robot ne sait pas garder du texte : le bloc « {block} » ne peut pas aller dans le robot. Utilise des nombres.',
    en: 'The robot cannot keep text: the block "{block}" cannot go into the robot. Use numbers.',
  },
  'bytecode-compare-yes-no': {
    fr: 'Dans le robot, le bloc « {block} » ne compare pas des « vrai / faux ». Utilise-les directement dans « si ».',
    en: 'In the robot, the block "{block}" does not compare true/false values. Use them directly in "if".',
  },
  'bytecode-too-big': {
    fr: 'Ton programme utilise {bytes} octets : le robot n’en garde que {max}. Raccourcis-le un peu.',
    en: 'Your program uses {bytes} bytes: the robot keeps only {max}. Make it a little shorter.',
  },
  'bytecode-too-many-variables': {
    fr: 'Ton programme a {count} variables : le robot en garde {max} au plus.',
    en: 'Your program has {count} variables: the robot keeps at most {max}.',
  },
  'bytecode-say-skipped': {
    fr: 'Le bloc « {block} » sera sauté : le robot n’a pas d’écran pour l’afficher.',
    en: 'The block "{block}" will be skipped: the robot has no screen to show it.',
  },
  'bytecode-say-only': {
    fr: 'Ton programme ne fait que parler (bloc « {block} ») et le robot n’a pas d’écran : ajoute un bloc qui le fait bouger, briller ou sonner.',
    en: 'Your program only talks (block "{block}") and the robot has no screen: add a block that makes it move, light up or beep.',
  },
  'bytecode-missing-part': {
    fr: 'Le bloc « {block} » ne peut pas aller dans ce robot (il lui manque : {capability}). Enlève-le pour envoyer ton programme.',
    en: 'The block "{block}" cannot go into this robot (it has no {capability}). Remove it to send your program.',
  },
  'bytecode-size': {
    fr: 'Ton programme utilise {bytes} octets sur {max}.',
    en: 'Your program uses {bytes} bytes of {max}.',
  },
  'bytecode-sent': {
    fr: 'Ton programme est dans le robot ! Débranche le robot et appuie sur son bouton.',
    en: 'Your program is in the robot! Unplug the robot and press its button.',
  },
  'bytecode-sent-autostart': {
    fr: 'Ton programme est dans le robot ! Débranche le robot : il démarrera tout seul quand tu l’allumeras (son bouton l’arrête).',
    en: 'Your program is in the robot! Unplug the robot: it will start by itself when you switch it on (its button stops it).',
  },
  'bytecode-refused-by-robot': {
    fr: 'Le robot n’a pas gardé le programme ({answer}). Renvoie-le ; si ça recommence, réinstalle le programme du robot.',
    en: 'The robot did not keep the program ({answer}). Send it again; if it happens again, reinstall the robot’s firmware.',
  },
  'bytecode-procedure-missing': {
    fr: 'La fonction « {name} » n’existe pas.',
    en: 'The function "{name}" does not exist.',
  },
  'bytecode-needs-robokit-firmware': {
    fr: 'Pour garder un programme, le robot a besoin du programme RoboKit. Installe-le avec « Installer le programme du robot », puis reconnecte le robot.',
    en: 'To keep a program, the robot needs the RoboKit firmware. Install it with "Install the robot’s program", then connect the robot again.',
  },
  'bytecode-send-stopped': {
    fr: 'Envoi arrêté : le programme n’est pas dans le robot. Renvoie-le quand tu veux.',
    en: 'Sending stopped: the program is not in the robot. Send it again whenever you like.',
  },
  'bytecode-send-busy': {
    fr: 'Un programme part déjà dans le robot : attends la fin de l’envoi.',
    en: 'A program is already being sent into the robot: wait until it is done.',
  },
});
