/**
 * Words of the projector view and the certificate (issue #15), French first. Read from the back of
 * a room or taken home by a child: short and kind.
 */
import type { Locale, Localized } from '../../../core/i18n/messages';
import { fillTemplate } from '../../../core/i18n/typography';

const defineText = <T extends Record<string, Localized>>(t: T): T => t;

export const PROJECTOR_TEXT = defineText({
  pageTitle: { fr: 'RoboKit — projecteur', en: 'RoboKit — projector' },
  waiting: { fr: 'L’atelier va commencer…', en: 'The workshop is about to start…' },
  waitingHint: {
    fr: 'Cette page suit l’atelier en direct : laissez-la ouverte sur le projecteur.',
    en: 'This page follows the workshop live: leave it open on the projector.',
  },
  nextFamily: { fr: 'Famille suivante : à vous bientôt !', en: 'Next family: your turn soon!' },
  team: { fr: 'Équipe', en: 'Team' },
  challenge: { fr: 'Étape {step} sur {steps} :', en: 'Step {step} of {steps}:' },
  bonus: { fr: 'Défi bonus :', en: 'Bonus challenge:' },
  timeLeft: { fr: 'Temps restant', en: 'Time left' },
  timeUp: { fr: 'Temps écoulé !', en: 'Time is up!' },
  paused: { fr: 'En pause', en: 'Paused' },
  pilot: { fr: 'Pilote', en: 'Pilot' },
  copilot: { fr: 'Copilote', en: 'Co-pilot' },
  child: { fr: 'l’enfant', en: 'the child' },
  parent: { fr: 'le parent', en: 'the parent' },
  nextSwap: { fr: 'On change dans {time}', en: 'Swap in {time}' },
  simulator: { fr: 'Le robot en direct', en: 'The robot, live' },
  simIdle: { fr: 'Le robot attend le prochain programme.', en: 'The robot waits for the next program.' },
  simOnRobot: { fr: 'Le programme tourne sur le vrai robot.', en: 'The program runs on the real robot.' },
  scoreboard: { fr: 'Tableau des scores', en: 'Scoreboard' },
  rank: { fr: 'Rang', en: 'Rank' },
  done: { fr: 'Défis', en: 'Challenges' },
  stars: { fr: 'Étoiles', en: 'Stars' },
  time: { fr: 'Temps', en: 'Time' },
  noTeams: { fr: 'Pas encore d’équipe.', en: 'No team yet.' },
  privacy: {
    fr: 'Seuls les surnoms des équipes s’affichent.',
    en: 'Only the teams’ nicknames are shown.',
  },
});

export type ProjectorKey = keyof typeof PROJECTOR_TEXT;

export function pt(key: ProjectorKey, locale: Locale, params: Readonly<Record<string, string | number>> = {}): string {
  return fillTemplate(PROJECTOR_TEXT[key][locale], locale, params);
}
