/**
 * The lesson screens' own words (library, lesson panel, pair timer), French first. Short and kind:
 * a ten-year-old reads them. Verdict sentences come from the core's i18n catalog.
 */
import type { Locale, Localized } from '../../../core/i18n/messages';
import { fillTemplate } from '../../../core/i18n/typography';
import type { GoalKey, LessonMode } from '../../../core/lessons/types';
import { numberText } from '../../../core/i18n/numbers';
import type { ChallengeSummary } from '../../../shared/api';

const defineText = <T extends Record<string, Localized>>(t: T): T => t;

export const LESSON_TEXT = defineText({
  lessons: { fr: 'Leçons', en: 'Lessons' },
  library: { fr: 'Les leçons', en: 'Lessons' },
  libraryIntro: {
    fr: 'Choisis une leçon. Tu peux aussi importer un pack de leçons (un fichier .robokitpack) ou le déposer ici.',
    en: 'Pick a lesson. You can also import a lesson pack (a .robokitpack file) or drop it here.',
  },
  close: { fr: 'Fermer', en: 'Close' },
  importPack: { fr: 'Importer un pack', en: 'Import a pack' },
  dropHere: { fr: 'Dépose le pack ici', en: 'Drop the pack here' },
  importing: { fr: 'Import du pack…', en: 'Importing the pack…' },
  imported: { fr: 'Pack « {title} » importé : {count} {count|leçon|leçons}.', en: 'Pack "{title}" imported: {count} {count|lesson|lessons}.' },
  importRefused: {
    fr: 'Ce pack n’a pas été importé ({file}). Rien n’a changé. Voici pourquoi :',
    en: 'This pack was not imported ({file}). Nothing changed. Here is why:',
  },
  importFailed: { fr: 'Ce pack n’a pas été importé. Rien n’a changé.', en: 'This pack was not imported. Nothing changed.' },
  tooLarge: { fr: 'Le fichier est trop gros pour un pack ({max} au plus).', en: 'The file is too large for a pack (at most {max}).' },
  filterTag: { fr: 'Thème', en: 'Topic' },
  filterAge: { fr: 'Âge', en: 'Age' },
  filterRobot: { fr: 'Robot', en: 'Robot' },
  allTags: { fr: 'Tous les thèmes', en: 'All topics' },
  allAges: { fr: 'Tous les âges', en: 'All ages' },
  allRobots: { fr: 'Tous les robots', en: 'All robots' },
  ageYears: { fr: '{age} ans', en: '{age} years old' },
  ages: { fr: '{min}–{max} ans', en: 'ages {min}–{max}' },
  minutes: { fr: '{n} min', en: '{n} min' },
  noLesson: { fr: 'Aucune leçon ne correspond. Change les filtres.', en: 'No lesson matches. Change the filters.' },
  noLessonAtAll: { fr: 'Pas encore de leçon. Importe un pack pour commencer.', en: 'No lessons yet. Import a pack to start.' },
  openLesson: { fr: 'Commencer', en: 'Start' },
  openLessonNamed: { fr: 'Commencer « {title} »', en: 'Start "{title}"' },
  installed: { fr: 'importé', en: 'imported' },
  modeSolo: { fr: 'En solo', en: 'Solo' },
  modePair: { fr: 'En binôme', en: 'In pairs' },
  'modeParent-child': { fr: 'Parent et enfant', en: 'Parent and child' },
  // Lesson panel
  lessonPanel: { fr: 'Leçon', en: 'Lesson' },
  closeLesson: { fr: 'Quitter la leçon', en: 'Leave the lesson' },
  stepOf: { fr: 'Étape {n} sur {total}', en: 'Step {n} of {total}' },
  previous: { fr: '◀ Précédent', en: '◀ Previous' },
  next: { fr: 'Suivant ▶', en: 'Next ▶' },
  nextLesson: { fr: 'Leçon suivante : {title} ▶', en: 'Next lesson: {title} ▶' },
  hint: { fr: 'Un indice ?', en: 'A hint?' },
  hintTitle: { fr: 'Indice', en: 'Hint' },
  /** « Indice : … », « Pilote : Enfant »: French puts a no-break space before the colon. */
  labelled: { fr: '{label} : {value}', en: '{label}: {value}' },
  challenge: { fr: 'Le défi', en: 'The challenge' },
  timeLimit: { fr: 'en {s} s au plus', en: 'within {s} s' },
  quoted: { fr: '« {name} »', en: '"{name}"' },
  zonesList: { fr: 'Zones : {zones}', en: 'Zones: {zones}' },
  starsRule: { fr: '★★★ avec {n} {n|bloc|blocs} ou moins', en: '★★★ with {n} {n|block|blocks} or fewer' },
  check: { fr: '✔ Vérifier', en: '✔ Check' },
  checking: { fr: 'Vérification…', en: 'Checking…' },
  starsLabel: { fr: '{n} {n|étoile|étoiles} sur 3', en: '{n} {n|star|stars} out of 3' },
  passedCondition: { fr: 'Réussi', en: 'Done' },
  missedCondition: { fr: 'Pas encore', en: 'Not yet' },
  restart: { fr: 'Recommencer la leçon', en: 'Restart the lesson' },
  restartConfirm: {
    fr: 'Recommencer ? Ton programme sera remplacé par celui du départ.',
    en: 'Restart? Your program will be replaced by the starting one.',
  },
  teacherMode: { fr: 'Espace enseignant', en: 'Teacher space' },
  teacherClose: { fr: 'Fermer l’espace enseignant', en: 'Close the teacher space' },
  teacherCodeTitle: { fr: 'Espace enseignant', en: 'Teacher space' },
  teacherCodeAsk: { fr: 'Code de l’enseignant', en: 'Teacher’s code' },
  teacherCodeNew: {
    fr: 'Adulte : choisissez un code pour l’espace enseignant (4 caractères ou plus). Il sera demandé pour voir les solutions.',
    en: 'Adult: choose a code for the teacher space (4 characters or more). It will be asked to see the solutions.',
  },
  teacherCodeWrong: { fr: 'Ce n’est pas le bon code.', en: 'That is not the right code.' },
  teacherCodeShort: { fr: 'Le code doit avoir au moins 4 caractères.', en: 'The code needs at least 4 characters.' },
  teacherCodeOk: { fr: 'Ouvrir', en: 'Open' },
  teacherCodeCancel: { fr: 'Annuler', en: 'Cancel' },
  showSolution: { fr: 'Voir la solution', en: 'Show the solution' },
  solutionTitle: { fr: 'Solution (lecture seule)', en: 'Solution (read only)' },
  solutionNote: {
    fr: 'Ton programme n’a pas changé. Ferme cette fenêtre pour continuer.',
    en: 'Your program has not changed. Close this window to continue.',
  },
  // Teacher notes, the printable lesson sheet and the pupil card
  teacherNotes: { fr: 'Notes pour l’enseignant', en: 'Teacher notes' },
  teacherNotesOf: { fr: 'Notes pour l’enseignant : {title}', en: 'Teacher notes: {title}' },
  notesObjectives: { fr: 'Objectifs', en: 'Objectives' },
  cycle: { fr: 'Cycle {n}', en: 'Cycle {n}' },
  notesPrerequisites: { fr: 'Prérequis', en: 'Prerequisites' },
  notesPhases: { fr: 'Déroulement', en: 'Lesson plan' },
  phase: { fr: 'Phase', en: 'Phase' },
  phaseMinutes: { fr: 'Durée', en: 'Time' },
  phaseTotal: { fr: 'En tout', en: 'In all' },
  notesUnplugged: { fr: 'Échauffement débranché (sans ordinateur)', en: 'Unplugged warm-up (no computer)' },
  notesDebrief: { fr: 'Questions pour le bilan', en: 'Debrief questions' },
  notesMistakes: { fr: 'Erreurs fréquentes', en: 'Common mistakes' },
  notesVariants: { fr: 'Différencier', en: 'Variants' },
  notesEasier: { fr: 'Plus facile', en: 'Easier' },
  notesHarder: { fr: 'Plus difficile', en: 'Harder' },
  notesNone: {
    fr: 'Ce pack ne donne pas de notes pour cette leçon (pack au format 1).',
    en: 'This pack gives no notes for this lesson (a format 1 pack).',
  },
  printSheet: { fr: 'Imprimer la fiche', en: 'Print the lesson sheet' },
  printCard: { fr: 'Imprimer la carte élève', en: 'Print the pupil card' },
  print: { fr: 'Imprimer', en: 'Print' },
  printClose: { fr: 'Fermer l’aperçu', en: 'Close the preview' },
  printPreview: { fr: 'Aperçu avant impression', en: 'Print preview' },
  sheetKind: { fr: 'Fiche de l’enseignant', en: 'Teacher’s lesson sheet' },
  cardKind: { fr: 'Carte élève', en: 'Pupil card' },
  sheetSteps: { fr: 'Les étapes (ce que voit l’élève)', en: 'The steps (what the pupil sees)' },
  cardChallenge: { fr: 'Ton défi', en: 'Your challenge' },
  cardSteps: { fr: 'Les étapes', en: 'The steps' },
  cardName: { fr: 'Prénom :', en: 'Name:' },
  cardDone: { fr: 'J’ai réussi le défi ! Mes étoiles :', en: 'I did the challenge! My stars:' },
  // Pairs
  roles: { fr: 'Les rôles', en: 'Roles' },
  pilot: { fr: 'Pilote', en: 'Pilot' },
  copilot: { fr: 'Copilote', en: 'Co-pilot' },
  pilotDoes: { fr: 'tient la souris et pose les blocs', en: 'holds the mouse and places the blocks' },
  copilotDoes: { fr: 'lit les consignes et donne des idées', en: 'reads the steps and gives ideas' },
  parent: { fr: 'Parent', en: 'Parent' },
  child: { fr: 'Enfant', en: 'Child' },
  partnerA: { fr: 'Élève A', en: 'Pupil A' },
  partnerB: { fr: 'Élève B', en: 'Pupil B' },
  timer: { fr: 'Chrono', en: 'Timer' },
  startTimer: { fr: '▶ Démarrer le chrono', en: '▶ Start the timer' },
  pauseTimer: { fr: '❚❚ Pause', en: '❚❚ Pause' },
  swapIn: { fr: 'Échange des rôles dans {time}', en: 'Swap roles in {time}' },
  swapNow: { fr: 'C’est l’heure d’échanger les rôles !', en: 'Time to swap roles!' },
  swapDone: { fr: 'Rôles échangés', en: 'Roles swapped' },
});

export type LessonTextKey = keyof typeof LESSON_TEXT;

export function lt(key: LessonTextKey, locale: Locale, params: Readonly<Record<string, string | number>> = {}): string {
  return fillTemplate(LESSON_TEXT[key][locale], locale, params);
}

export function modeText(mode: LessonMode, locale: Locale): string {
  return lt(mode === 'solo' ? 'modeSolo' : mode === 'pair' ? 'modePair' : 'modeParent-child', locale);
}

const GOALS: Record<GoalKey, Localized> = {
  all: { fr: 'tout réussir', en: 'do it all' },
  any: { fr: 'réussir une des façons', en: 'succeed one way' },
  reachZone: { fr: 'atteindre la zone', en: 'reach the zone' },
  endInZone: { fr: 'finir dans la zone', en: 'finish in the zone' },
  avoidZone: { fr: 'éviter la zone', en: 'keep out of the zone' },
  visitZonesInOrder: { fr: 'passer par les zones dans l’ordre', en: 'visit the zones in order' },
  neverTouchWall: { fr: 'sans toucher les murs', en: 'without touching the walls' },
  followLine: { fr: 'suivre la ligne', en: 'follow the line' },
  drawShape: { fr: 'dessiner la forme', en: 'draw the shape' },
  lightOnFor: { fr: 'allumer la lumière', en: 'switch the light on' },
  playTones: { fr: 'jouer des sons', en: 'play sounds' },
  withinSeconds: { fr: 'assez vite', en: 'fast enough' },
};

/** Goals about one zone, which a single zone's name completes. */
const ZONE_GOALS: ReadonlySet<GoalKey> = new Set(['reachZone', 'endInZone', 'avoidZone']);

export function goalText(kind: GoalKey, locale: Locale): string {
  return GOALS[kind][locale];
}

/** The challenge in one sentence: « Finir dans la zone, sans toucher les murs, en 10 s au plus. ★★★ avec 1 bloc ou moins. » */
export function challengeSentence(challenge: ChallengeSummary, locale: Locale): string {
  const zones = challenge.zones ?? [];
  const quoted = zones.map((z) => lt('quoted', locale, { name: z[locale] }));
  // One zone: named in the goal (« finir dans la zone « Arrivée » »); several: listed after it.
  const goals = challenge.kinds
    .filter((k) => k !== 'withinSeconds')
    .map((k) => (zones.length === 1 && ZONE_GOALS.has(k) ? `${goalText(k, locale)} ${quoted[0]}` : goalText(k, locale)));
  const parts = challenge.withinSeconds === undefined ? goals : [...goals, lt('timeLimit', locale, { s: numberText(challenge.withinSeconds, locale) })];
  const stars = challenge.stars ? ` ${lt('starsRule', locale, { n: challenge.stars.three })}.` : '';
  const text = parts.join(', ');
  const list = zones.length > 1 ? ` ${lt('zonesList', locale, { zones: quoted.join(', ') })}.` : '';
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.${list}${stars}`;
}

const TAGS: Readonly<Record<string, Localized>> = {
  'girls-can-code': { fr: 'Girls can code', en: 'Girls can code' },
  'premiers-pas': { fr: 'Premiers pas', en: 'First steps' },
  'parents-enfants': { fr: 'Parents-enfants', en: 'Parents and children' },
  robotique: { fr: 'Robotique', en: 'Robotics' },
  ecole: { fr: 'École', en: 'School' },
  dessin: { fr: 'Dessin', en: 'Drawing' },
  defis: { fr: 'Défis', en: 'Challenges' },
  'ateliers-enfants-parents': { fr: 'Ateliers enfants-parents', en: 'Parent–child workshops' },
  'filles-et-numerique': { fr: 'Filles et numérique', en: 'Girls and digital' },
  art: { fr: 'Art', en: 'Art' },
  'a-la-maison': { fr: 'À la maison', en: 'At home' },
  'art-et-culture': { fr: 'Art et culture', en: 'Art and culture' },
  'arts-plastiques': { fr: 'Arts plastiques', en: 'Visual arts' },
  autonomie: { fr: 'Autonomie', en: 'On its own' },
  'camion-parentalite': { fr: 'Camion parentalité', en: 'Parenting truck' },
  capteurs: { fr: 'Capteurs', en: 'Sensors' },
  chrono: { fr: 'Chrono', en: 'Timer' },
  college: { fr: 'Collège', en: 'Secondary school' },
  conditions: { fr: 'Conditions', en: 'Conditions' },
  'continuite-pedagogique': { fr: 'Continuité pédagogique', en: 'Learning at home' },
  'cycle-2': { fr: 'Cycle 2', en: 'Cycle 2 (ages 6–8)' },
  'cycle-3': { fr: 'Cycle 3', en: 'Cycle 3 (ages 9–11)' },
  'cycle-4': { fr: 'Cycle 4', en: 'Cycle 4 (ages 12–14)' },
  environnement: { fr: 'Environnement', en: 'Environment' },
  evenements: { fr: 'Événements', en: 'Events' },
  famille: { fr: 'Famille', en: 'Family' },
  flash: { fr: 'Flash', en: 'Quick' },
  simulateur: { fr: 'Simulateur', en: 'Simulator' },
  'sobriete-numerique': { fr: 'Sobriété numérique', en: 'Digital sobriety' },
  technologie: { fr: 'Technologie', en: 'Technology' },
  variables: { fr: 'Variables', en: 'Variables' },
};

/** The tags RoboKit has words for (the built-in packs use only these). */
export const KNOWN_TAGS: readonly string[] = Object.keys(TAGS);

/** A pack tag as words: the known ones translated, others with spaces for dashes. */
export function tagText(tag: string, locale: Locale): string {
  const known = TAGS[tag];
  if (known) return known[locale];
  const words = tag.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
