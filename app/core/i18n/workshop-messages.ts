/** Workshop sessions (`.robokitsession`): one sentence for each way a session file is refused. */
import { defineMessages } from './define';

export const WORKSHOP_MESSAGES = defineMessages({
  'session-empty': { fr: 'Ce fichier d’atelier est vide.', en: 'This workshop file is empty.' },
  'session-too-large': {
    fr: 'Ce fichier d’atelier est trop gros ({size}).',
    en: 'This workshop file is too large ({size}).',
  },
  'session-too-deep': {
    fr: 'Ce fichier est trop imbriqué pour être un atelier RoboKit.',
    en: 'This file is nested too deeply to be a RoboKit workshop.',
  },
  'session-truncated': {
    fr: 'Ce fichier d’atelier semble coupé : il n’est pas complet.',
    en: 'This workshop file seems cut off: it is not complete.',
  },
  'session-not-json': {
    fr: 'Ce fichier n’est pas un atelier RoboKit (ce n’est pas du JSON valide).',
    en: 'This file is not a RoboKit workshop (it is not valid JSON).',
  },
  'session-wrong-format': {
    fr: 'Ce fichier n’est pas un atelier RoboKit.',
    en: 'This file is not a RoboKit workshop.',
  },
  'session-future-version': {
    fr: 'Cet atelier vient d’une version plus récente de RoboKit (version {version}). Mets RoboKit à jour.',
    en: 'This workshop comes from a newer RoboKit (version {version}). Please update RoboKit.',
  },
  'session-invalid': {
    fr: 'Cet atelier a un problème — {fr}',
    en: 'This workshop has a problem — {en}',
  },
  'session-bad-drawing': {
    fr: 'Le dessin n° {index} de cet atelier n’est pas une image PNG valide.',
    en: 'Drawing number {index} in this workshop is not a valid PNG picture.',
  },
  'session-unknown-team': {
    fr: 'Cet atelier parle d’une équipe qu’il ne connaît pas ({team}).',
    en: 'This workshop mentions a team it does not know ({team}).',
  },
  'session-bad-nickname': {
    fr: 'Un surnom a de 1 à 40 lettres, sans rien d’autre.',
    en: 'A nickname has 1 to 40 characters, nothing else.',
  },
  'session-duplicate-nickname': {
    fr: 'L’équipe « {nickname} » existe déjà : choisis un autre surnom.',
    en: 'The team "{nickname}" already exists: choose another nickname.',
  },
  'workshop-code-short': {
    fr: 'Le code pour quitter l’atelier a au moins {n} caractères.',
    en: 'The code to leave the workshop has at least {n} characters.',
  },
  'workshop-swap-to-child': {
    fr: 'On change ! L’enfant pilote. Parent : laisse-lui la souris et demande « Que va-t-il se passer ? »',
    en: 'Swap! The child pilots. Parent: let them hold the mouse and ask "What will happen?"',
  },
  'workshop-swap-to-parent': {
    fr: 'On change ! Le parent pilote, l’enfant est copilote : c’est lui qui dit quoi faire.',
    en: 'Swap! The parent pilots, the child is co-pilot and says what to do.',
  },
});
