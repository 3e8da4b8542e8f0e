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
    fr: 'Il manque {input} dans le bloc « {block} ». Glisse un nombre ou un bloc dans le trou.',
    en: 'The block "{block}" needs {input}. Drop a number or a block into the gap.',
  },
  'bad-field': {
    fr: 'Le bloc « {block} » a une valeur inattendue pour {field}. Choisis-en une autre.',
    en: 'The block "{block}" has an unexpected value for {field}. Pick another one.',
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
  'bad-workspace': {
    fr: 'Ce projet est abîmé : je ne peux pas lire ses blocs.',
    en: 'This project is damaged: I cannot read its blocks.',
  },
  'duplicate-id': {
    fr: 'Ce projet est abîmé : deux blocs portent le même identifiant.',
    en: 'This project is damaged: two blocks have the same id.',
  },
  'misplaced-block': {
    fr: 'Ce bloc n’est pas à sa place ici.',
    en: 'This block does not belong here.',
  },
  'duplicate-procedure': {
    fr: 'Il y a deux fonctions qui s’appellent « {name} ». Donne-leur des noms différents.',
    en: 'Two functions are called "{name}". Give them different names.',
  },
  'unused-stack': {
    fr: 'Ces blocs ne sont pas accrochés à « quand je démarre » : ils ne feront rien.',
    en: 'These blocks are not attached to "when I start": they will not do anything.',
  },
  'recursive-procedure': {
    fr: 'La fonction « {name} » s’appelle elle-même. Vérifie qu’elle finit par s’arrêter !',
    en: 'The function "{name}" calls itself. Check that it stops at some point!',
  },
});
