/** Desktop app and host messages (the UI ⇄ host contract, projects on disk, settings). */
import { defineMessages } from './define';

export const APP_MESSAGES = defineMessages({
  'bad-request': {
    fr: 'RoboKit a reçu une demande incorrecte ({method}).',
    en: 'RoboKit received a malformed request ({method}).',
  },
  'internal-error': {
    fr: 'Oups, RoboKit a eu un problème. Ton travail est enregistré ; réessaie.',
    en: 'Oops, RoboKit ran into a problem. Your work is saved; try again.',
  },
  'robot-port-not-listed': {
    fr: 'Demande à un adulte de choisir un des ports que RoboKit propose : ce port n’est pas dans la liste.',
    en: 'This port is not in the list. Pick one of the ports RoboKit offers.',
  },
  'host-failed': {
    fr: 'RoboKit s’arrête à cause d’une erreur inattendue ({detail}) ; le robot a été arrêté.',
    en: 'RoboKit is stopping after an unexpected error ({detail}); the robot was stopped.',
  },
  'host-signalled': {
    fr: 'RoboKit s’arrête ({signal}) ; le robot a été arrêté.',
    en: 'RoboKit is stopping ({signal}); the robot was stopped.',
  },
  'feature-unavailable': {
    fr: 'Cette fonction n’est pas encore disponible dans cette version de RoboKit ({feature}).',
    en: 'This feature is not available in this version of RoboKit yet ({feature}).',
  },
  'run-in-progress': {
    fr: 'Un programme tourne déjà. Arrête-le d’abord.',
    en: 'A program is already running. Stop it first.',
  },
  'no-run': {
    fr: 'Aucun programme ne tourne.',
    en: 'No program is running.',
  },
  'not-connected': {
    fr: 'Aucun robot n’est connecté. Branche le robot et choisis-le dans la liste.',
    en: 'No robot is connected. Plug in the robot and choose it in the list.',
  },
  'already-connected': {
    fr: 'Un robot est déjà connecté. Déconnecte-le d’abord.',
    en: 'A robot is already connected. Disconnect it first.',
  },
  'robot-has-no-light': {
    fr: 'Ce robot n’a pas de lumière à faire clignoter.',
    en: 'This robot has no light to blink.',
  },
  'unknown-world': {
    fr: 'Je ne connais pas le monde « {world} ».',
    en: 'I do not know the world "{world}".',
  },
  'version-not-found': {
    fr: 'Cette version du projet n’existe plus.',
    en: 'This version of the project no longer exists.',
  },
  'file-save-failed': {
    fr: 'Impossible d’enregistrer le fichier « {file} ». Vérifie qu’il reste de la place et que le dossier est accessible.',
    en: 'Cannot save the file "{file}". Check there is free space and the folder is writable.',
  },
  'lesson-pack-unknown': {
    fr: 'Je ne trouve pas le pack de leçons « {pack} ». Importe-le à nouveau.',
    en: 'Cannot find the lesson pack "{pack}". Import it again.',
  },
  'lesson-unknown': {
    fr: 'Je ne trouve pas la leçon « {lesson} » dans le pack « {pack} ».',
    en: 'Cannot find the lesson "{lesson}" in the pack "{pack}".',
  },
  'lesson-no-solution': {
    fr: 'Cette leçon n’a pas de solution dans son pack.',
    en: 'This lesson has no solution in its pack.',
  },
  'pack-upload-too-large': {
    fr: 'Ce fichier est trop gros pour un pack de leçons ({max} au plus).',
    en: 'This file is too large for a lesson pack (at most {max}).',
  },
  'pack-upload-lost': {
    fr: 'L’envoi du pack a été interrompu. Recommence l’import.',
    en: 'The pack upload was interrupted. Start the import again.',
  },
  'cli-more-problems': { fr: '… et {count} {count|autre|autres}.', en: '… and {count} more.' },
  'cli-pack-valid': {
    fr: '{count} {count|leçon valide|leçons valides}.',
    en: '{count} valid {count|lesson|lessons}.',
  },
  'pack-upload-not-base64': {
    fr: 'Le fichier envoyé est abîmé. Recommence l’import.',
    en: 'The uploaded file is damaged. Start the import again.',
  },
});
