/** Compile diagnostics. */
import { defineMessages } from './define';

export const COMPILE_MESSAGES = defineMessages({
  'no-start': {
    fr: 'Il manque le bloc « quand je démarre ». Ajoute-le pour que le robot sache par où commencer.',
    en: 'The "when I start" block is missing. Add it so the robot knows where to begin.',
  },
  'many-starts': {
    fr: 'Il y a plusieurs blocs « quand je démarre ». Garde-en un seul.',
    en: 'There are several "when I start" blocks. Keep only one.',
  },
  'unknown-block': {
    fr: 'Je ne connais pas le bloc « {type} ».',
    en: 'I do not know the block "{type}".',
  },
  'empty-input': {
    fr: 'Il manque une valeur dans ce bloc ({input}).',
    en: 'This block needs a value ({input}).',
  },
  'bad-field': {
    fr: 'Ce bloc a une valeur inattendue ({field}).',
    en: 'This block has an unexpected value ({field}).',
  },
  'not-on-profile': {
    fr: 'Ce robot ne sait pas faire ça (il lui manque : {capability}).',
    en: 'This robot cannot do that (it has no {capability}).',
  },
  'undefined-procedure': {
    fr: 'La fonction « {name} » n’existe pas.',
    en: 'The function "{name}" does not exist.',
  },
  'undefined-variable': {
    fr: 'Cette variable n’existe pas.',
    en: 'This variable does not exist.',
  },
  'too-deep': {
    fr: 'Ce programme est trop imbriqué (plus de {max} niveaux). Simplifie-le un peu.',
    en: 'This program is nested too deeply (more than {max} levels). Simplify it a little.',
  },
  'recursion-too-deep': {
    fr: 'La fonction « {name} » s’appelle elle-même trop de fois (plus de {max}).',
    en: 'The function "{name}" calls itself too many times (more than {max}).',
  },
});
