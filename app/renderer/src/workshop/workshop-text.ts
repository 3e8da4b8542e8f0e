/**
 * The workshop screens' own words (preparing an « Atelier », the facilitator's bar, the swap banner,
 * the welcome screen between families, the scoreboard), French first. The swap hints and the
 * refusals of a session file come from the core's i18n catalog.
 */
import type { Locale, Localized } from '../../../core/i18n/messages';
import { fillTemplate } from '../../../core/i18n/typography';

const defineText = <T extends Record<string, Localized>>(t: T): T => t;

export const WORKSHOP_TEXT = defineText({
  workshop: { fr: 'Atelier', en: 'Workshop' },
  prepare: { fr: 'Préparer un atelier', en: 'Prepare a workshop' },
  prepareIntro: {
    fr: 'Un parcours de défis, des équipes, un chrono : l’atelier est prêt en une minute.',
    en: 'A route of challenges, teams, a timer: the workshop is ready in a minute.',
  },
  title: { fr: 'Nom de l’atelier', en: 'Workshop name' },
  defaultTitle: { fr: 'Atelier du {date}', en: 'Workshop of {date}' },
  route: { fr: 'Le parcours', en: 'The route' },
  readyRoute: { fr: '{minutes} min : {lessons}', en: '{minutes} min: {lessons}' },
  bonus: { fr: '(bonus : {lesson})', en: '(bonus: {lesson})' },
  customRoute: { fr: 'Je choisis les défis', en: 'I pick the challenges' },
  noChallenge: { fr: 'Aucun défi installé : importez un pack de leçons avec des défis.', en: 'No challenge installed: import a lesson pack with challenges.' },
  pickOne: { fr: 'Choisissez au moins un défi.', en: 'Pick at least one challenge.' },
  swapEvery: { fr: 'Pilote et copilote échangent toutes les', en: 'Pilot and co-pilot swap every' },
  swapMinutes: { fr: '{n} min', en: '{n} min' },
  swapNever: { fr: 'jamais', en: 'never' },
  teams: { fr: 'Les équipes', en: 'The teams' },
  nickname: { fr: 'Prénom ou surnom', en: 'First name or nickname' },
  addTeam: { fr: 'Ajouter', en: 'Add' },
  removeTeam: { fr: 'Retirer {nickname}', en: 'Remove {nickname}' },
  privacy: {
    fr: 'Seulement un prénom ou un surnom par équipe : RoboKit ne garde aucune autre donnée personnelle, et rien ne quitte cet ordinateur sauf les fichiers que vous exportez.',
    en: 'Only a first name or a nickname per team: RoboKit keeps no other personal data, and nothing leaves this computer except the files you export.',
  },
  noTeam: { fr: 'Ajoutez au moins une équipe.', en: 'Add at least one team.' },
  leaveCode: { fr: 'Code pour quitter l’atelier (4 caractères ou plus)', en: 'Code to leave the workshop (4 characters or more)' },
  codeTooShort: { fr: 'Choisissez un code d’au moins 4 caractères pour quitter l’atelier.', en: 'Choose a code of at least 4 characters to leave the workshop.' },
  leaveCodeNote: {
    fr: 'Pendant l’atelier, ni réglages ni autres leçons : il faudra ce code pour en sortir.',
    en: 'During the workshop, no settings and no other lessons: this code is needed to leave.',
  },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  start: { fr: 'Commencer l’atelier', en: 'Start the workshop' },
  // The facilitator's bar
  team: { fr: 'Équipe', en: 'Team' },
  challengeOf: { fr: 'Défi {n} sur {total}', en: 'Challenge {n} of {total}' },
  bonusChallenge: { fr: 'Défi bonus', en: 'Bonus challenge' },
  tries: { fr: '{n} {n|essai|essais}', en: '{n} {n|try|tries}' },
  pause: { fr: '❚❚ Pause', en: '❚❚ Pause' },
  resume: { fr: '▶ Reprendre', en: '▶ Resume' },
  paused: { fr: 'En pause', en: 'Paused' },
  extraTime: { fr: '+2 min', en: '+2 min' },
  extraTimeLabel: { fr: 'Donner 2 minutes de plus', en: 'Give 2 more minutes' },
  extraGiven: { fr: '2 minutes de plus pour ce défi.', en: '2 more minutes for this challenge.' },
  skip: { fr: 'Passer ce défi', en: 'Skip this challenge' },
  markDone: { fr: 'Réussi sur le robot', en: 'Done on the robot' },
  markDoneTitle: { fr: 'Réussi sur le vrai robot', en: 'Done on the real robot' },
  markDoneAsk: { fr: 'Combien d’étoiles (0 à 3) ?', en: 'How many stars (0 to 3)?' },
  ok: { fr: 'Valider', en: 'OK' },
  nextFamily: { fr: 'Famille suivante', en: 'Next family' },
  endTurnTitle: { fr: 'Finir le tour de {nickname} ?', en: 'End {nickname}’s turn?' },
  endTurnAsk: {
    fr: 'Il reste des défis sur son parcours. Ses résultats sont gardés, et l’écran est vidé pour la famille suivante.',
    en: 'There are challenges left on its route. Its results are kept, and the screen is cleared for the next family.',
  },
  keepPlaying: { fr: 'Continuer le tour', en: 'Keep playing' },
  menu: { fr: 'Atelier ▾', en: 'Workshop ▾' },
  exportSession: { fr: 'Exporter l’atelier (.robokitsession)', en: 'Export the workshop (.robokitsession)' },
  exportCsv: { fr: 'Exporter les résultats (CSV)', en: 'Export the results (CSV)' },
  scoreboard: { fr: 'Tableau des scores', en: 'Scoreboard' },
  projector: { fr: 'Vue projecteur', en: 'Projector view' },
  certificates: { fr: 'Diplômes de toutes les équipes', en: 'Every team’s certificate' },
  certificate: { fr: 'Imprimer le diplôme', en: 'Print the certificate' },
  leave: { fr: 'Quitter l’atelier', en: 'Leave the workshop' },
  leaveAsk: { fr: 'Code pour quitter l’atelier', en: 'Code to leave the workshop' },
  leaveWrong: { fr: 'Ce n’est pas le bon code : l’atelier continue.', en: 'That is not the right code: the workshop goes on.' },
  left: { fr: 'Atelier terminé. Pensez à exporter les résultats avant de quitter.', en: 'Workshop over. Remember to export the results before leaving.' },
  timeUp: { fr: 'Temps écoulé ! Donnez du temps ou passez au défi suivant.', en: 'Time is up! Give more time or go on to the next challenge.' },
  passed: { fr: 'Défi réussi ! {stars}', en: 'Challenge done! {stars}' },
  nextChallenge: { fr: 'Défi suivant ▶', en: 'Next challenge ▶' },
  routeDone: { fr: 'Parcours terminé, bravo ! Cliquez sur « Famille suivante ».', en: 'Route finished, well done! Click "Next family".' },
  skipped: { fr: 'Défi passé.', en: 'Challenge skipped.' },
  markedDone: { fr: 'Défi réussi sur le robot ! {stars}', en: 'Challenge done on the robot! {stars}' },
  // The swap banner
  swapTitle: { fr: 'Changement de rôles', en: 'Role swap' },
  swapClose: { fr: 'C’est parti', en: 'Let’s go' },
  // Between families
  welcome: { fr: 'Bienvenue !', en: 'Welcome!' },
  whoIsNext: { fr: 'Au tour de l’équipe', en: 'Next team' },
  startTurn: { fr: 'Commencer ▶', en: 'Start ▶' },
  addLate: { fr: 'Une équipe de plus', en: 'One more team' },
  allPlayed: { fr: 'Toutes les équipes ont joué.', en: 'Every team has played.' },
  // Scoreboard
  scoreboardIntro: {
    fr: 'Les équipes de cet atelier, et celles des fichiers d’atelier importés (d’autres ordinateurs).',
    en: 'The teams of this workshop, and those of the imported workshop files (from other computers).',
  },
  importSessions: { fr: 'Importer des fichiers d’atelier…', en: 'Import workshop files…' },
  imported: { fr: '{count} {count|fichier ajouté|fichiers ajoutés}.', en: '{count} {count|file added|files added}.' },
  refusedFile: { fr: '« {file} » : {reason}', en: '"{file}": {reason}' },
  rank: { fr: 'Rang', en: 'Rank' },
  done: { fr: 'Défis réussis', en: 'Challenges done' },
  stars: { fr: 'Étoiles', en: 'Stars' },
  time: { fr: 'Temps', en: 'Time' },
  fromSession: { fr: 'Atelier', en: 'Workshop' },
  exportMergedCsv: { fr: 'Exporter tout en CSV', en: 'Export all as CSV' },
  close: { fr: 'Fermer', en: 'Close' },
});

export type WorkshopTextKey = keyof typeof WORKSHOP_TEXT;

export function wt(key: WorkshopTextKey, locale: Locale, params: Readonly<Record<string, string | number>> = {}): string {
  return fillTemplate(WORKSHOP_TEXT[key][locale], locale, params);
}

/** ★★☆ for 2 stars. */
export function starText(stars: number): string {
  const n = Math.max(0, Math.min(3, Math.round(stars)));
  return '★'.repeat(n) + '☆'.repeat(3 - n);
}
