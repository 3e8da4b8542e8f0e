/**
 * Pupil- and teacher-facing messages, French first. Every AppError code and compile diagnostic code
 * has an entry here; `{name}` placeholders are filled from the error's params.
 * Keep sentences short and kind: a ten-year-old reads them.
 */

export type Locale = 'fr' | 'en';

export interface Localized {
  readonly fr: string;
  readonly en: string;
}

const m = <T extends Record<string, Localized>>(t: T): T => t;

export const MESSAGES = m({
  // Compile diagnostics
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
  // Runtime errors
  'division-by-zero': {
    fr: 'Division par zéro : on ne peut pas diviser par 0.',
    en: 'Division by zero: you cannot divide by 0.',
  },
  'sensor-missing': {
    fr: 'Ce robot n’a pas de {capability}.',
    en: 'This robot has no {capability}.',
  },
  'not-a-number': {
    fr: 'Ce bloc attend un nombre.',
    en: 'This block needs a number.',
  },
  'robot-disconnected': {
    fr: 'Robot déconnecté. Vérifie le câble USB.',
    en: 'Robot disconnected. Check the USB cable.',
  },
  // Files
  'file-unreadable': {
    fr: 'Impossible de lire le fichier « {file} ».',
    en: 'Cannot read the file "{file}".',
  },
  'file-empty': { fr: 'Le fichier est vide.', en: 'The file is empty.' },
  'file-not-json': {
    fr: 'Ce fichier n’est pas un projet RoboKit (ce n’est pas du JSON valide).',
    en: 'This file is not a RoboKit project (it is not valid JSON).',
  },
  'file-too-deep': {
    fr: 'Ce fichier est trop imbriqué pour être un projet RoboKit.',
    en: 'This file is nested too deeply to be a RoboKit project.',
  },
  'file-too-large': {
    fr: 'Ce fichier est trop gros ({size}).',
    en: 'This file is too large ({size}).',
  },
  'file-wrong-format': {
    fr: 'Ce fichier n’est pas un projet RoboKit.',
    en: 'This file is not a RoboKit project.',
  },
  'file-future-version': {
    fr: 'Ce projet vient d’une version plus récente de RoboKit (version {version}). Mets RoboKit à jour.',
    en: 'This project comes from a newer RoboKit (version {version}). Please update RoboKit.',
  },
  'file-invalid': {
    fr: 'Projet invalide à {path} : {detail}.',
    en: 'Invalid project at {path}: {detail}.',
  },
  'unknown-profile': {
    fr: 'Je ne connais pas le robot « {profile} ».',
    en: 'I do not know the robot "{profile}".',
  },
  'world-invalid': {
    fr: 'Monde invalide à {path} : {detail}.',
    en: 'Invalid world at {path}: {detail}.',
  },
  'bad-usage': {
    fr: 'Commande incorrecte : {detail}.',
    en: 'Wrong command: {detail}.',
  },
});

export type MessageCode = keyof typeof MESSAGES;

export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(MESSAGES, code);
}

/** The message for `code` in `locale`, with `{name}` placeholders filled from `params`. */
export function message(
  code: MessageCode,
  locale: Locale,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return MESSAGES[code][locale].replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** Both languages, for diagnostics and error events. */
export function localized(code: MessageCode, params: Readonly<Record<string, string | number>> = {}): Localized {
  return { fr: message(code, 'fr', params), en: message(code, 'en', params) };
}
