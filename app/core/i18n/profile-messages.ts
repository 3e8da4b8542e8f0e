/** Robot profiles (`.robokitprofile`) and calibration: one sentence for each way they are refused. */
import { defineMessages } from './define';

export const PROFILE_MESSAGES = defineMessages({
  'profile-empty': { fr: 'Ce fichier de robot est vide.', en: 'This robot file is empty.' },
  'profile-too-large': {
    fr: 'Ce fichier est trop gros pour être un robot RoboKit ({size}).',
    en: 'This file is too large to be a RoboKit robot ({size}).',
  },
  'profile-too-deep': {
    fr: 'Ce fichier est trop imbriqué pour être un robot RoboKit.',
    en: 'This file is nested too deeply to be a RoboKit robot.',
  },
  'profile-truncated': {
    fr: 'Ce fichier de robot semble coupé : il n’est pas complet.',
    en: 'This robot file seems cut off: it is not complete.',
  },
  'profile-not-json': {
    fr: 'Ce fichier n’est pas un robot RoboKit (ce n’est pas du JSON valide).',
    en: 'This file is not a RoboKit robot (it is not valid JSON).',
  },
  'profile-wrong-format': {
    fr: 'Ce fichier n’est pas un robot RoboKit (.robokitprofile).',
    en: 'This file is not a RoboKit robot (.robokitprofile).',
  },
  'profile-future-version': {
    fr: 'Ce robot vient d’une version plus récente de RoboKit (version {version}). Mets RoboKit à jour.',
    en: 'This robot comes from a newer RoboKit (version {version}). Please update RoboKit.',
  },
  'profile-invalid': {
    fr: 'Ce fichier de robot a un problème — {fr}',
    en: 'This robot file has a problem — {en}',
  },
  'profile-bad-name': {
    fr: 'Le nom d’un robot a de 1 à 60 lettres, sans rien d’autre.',
    en: 'A robot’s name has 1 to 60 characters, nothing else.',
  },
  'profile-id-taken': {
    fr: 'Ce robot porte le nom d’un robot de RoboKit (« {profile} ») : donne-lui un autre nom.',
    en: 'This robot has the name of one of RoboKit’s robots ("{profile}"): give it another name.',
  },
  'profile-unknown-kit': {
    fr: 'Ce robot part d’un kit que RoboKit ne connaît pas (« {kit} »).',
    en: 'This robot starts from a kit RoboKit does not know ("{kit}").',
  },
  'profile-not-found': {
    fr: 'Je ne trouve pas le robot « {profile} » sur cet ordinateur.',
    en: 'I cannot find the robot "{profile}" on this computer.',
  },
  'calibration-bad-power': {
    fr: 'Une vitesse de mesure va de 1 à 100 % (pas « {power} »).',
    en: 'A measuring speed is 1 to 100 % (not "{power}").',
  },
  'calibration-bad-measure': {
    fr: 'La mesure à {power} % doit être un nombre plus grand que 0, avec un temps de 60 secondes au plus.',
    en: 'The measurement at {power} % must be a number above 0, over 60 seconds at most.',
  },
  'calibration-same-power': {
    fr: 'Il y a deux mesures à {power} % : garde une seule mesure par vitesse.',
    en: 'There are two measurements at {power} %: keep one measurement per speed.',
  },
  'calibration-too-many': {
    fr: 'Pas plus de {max} mesures de chaque sorte.',
    en: 'No more than {max} measurements of each kind.',
  },
});
