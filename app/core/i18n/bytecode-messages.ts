/** Sending a program into the robot (stored programs, docs/bytecode.md): read by the pupil. */
import { defineMessages } from './define';

export const BYTECODE_MESSAGES = defineMessages({
  'bytecode-text': {
    fr: 'Le robot ne sait pas garder du texte. Ce bloc ne peut pas aller dans le robot : utilise des nombres.',
    en: 'The robot cannot keep text. This block cannot go into the robot: use numbers.',
  },
  'bytecode-compare-yes-no': {
    fr: 'Dans le robot, on ne compare pas des « vrai / faux » avec ce bloc. Utilise-les directement dans « si ».',
    en: 'In the robot, true/false values are not compared with this block. Use them directly in "if".',
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
    fr: 'Le robot n’a pas d’écran : ce bloc « dire » sera sauté dans le robot.',
    en: 'The robot has no screen: this "say" block will be skipped in the robot.',
  },
  'bytecode-missing-part': {
    fr: 'Ce robot n’a pas ce qu’il faut pour ce bloc (il lui manque : {capability}).',
    en: 'This robot lacks what this block needs (it has no {capability}).',
  },
  'bytecode-size': {
    fr: 'Ton programme utilise {bytes} octets sur {max}.',
    en: 'Your program uses {bytes} bytes of {max}.',
  },
  'bytecode-sent': {
    fr: 'Ton programme est dans le robot ! Débranche le robot et appuie sur son bouton.',
    en: 'Your program is in the robot! Unplug the robot and press its button.',
  },
  'bytecode-refused-by-robot': {
    fr: 'Le robot n’a pas gardé le programme ({answer}). Renvoie-le ; si ça recommence, réinstalle le programme du robot.',
    en: 'The robot did not keep the program ({answer}). Send it again; if it happens again, reinstall the robot’s firmware.',
  },
  'bytecode-procedure-missing': {
    fr: 'La fonction « {name} » n’existe pas.',
    en: 'The function "{name}" does not exist.',
  },
});
