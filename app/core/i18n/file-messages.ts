/** Project, world and command-line input errors. */
import { defineMessages } from './define';

export const FILE_MESSAGES = defineMessages({
  'file-unreadable': {
    fr: 'Impossible de lire le fichier « {file} ».',
    en: 'Cannot read the file "{file}".',
  },
  'file-empty': { fr: 'Le fichier est vide.', en: 'The file is empty.' },
  'file-not-json': {
    fr: 'Ce fichier n’est pas un projet RoboKit (ce n’est pas du JSON valide).',
    en: 'This file is not a RoboKit project (it is not valid JSON).',
  },
  'file-truncated': {
    fr: 'Ce fichier semble coupé : il n’est pas complet.',
    en: 'This file seems cut off: it is not complete.',
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
    fr: 'Ce projet a un problème — {fr}',
    en: 'This project has a problem — {en}',
  },
  'unknown-profile': {
    fr: 'Je ne connais pas le robot « {profile} ».',
    en: 'I do not know the robot "{profile}".',
  },
  'world-invalid': {
    fr: 'Monde invalide à {path} : {detail}.',
    en: 'Invalid world at {path}: {detail}.',
  },
  'world-wrong-format': {
    fr: 'Ce fichier n’est pas un monde RoboKit ({path} : {detail}).',
    en: 'This file is not a RoboKit world ({path}: {detail}).',
  },
  'world-future-version': {
    fr: 'Ce monde vient d’une version plus récente de RoboKit ({detail}). Mets RoboKit à jour.',
    en: 'This world comes from a newer RoboKit ({detail}). Please update RoboKit.',
  },
  'world-too-large': {
    fr: 'Ce monde est trop grand à {path} : {detail}.',
    en: 'This world is too big at {path}: {detail}.',
  },
  'world-robot-outside': {
    fr: 'Le robot démarre en dehors du monde ({path}).',
    en: 'The robot starts outside the world ({path}).',
  },
  'bad-usage': {
    fr: 'Commande incorrecte : {detail}.',
    en: 'Wrong command: {detail}.',
  },
});
