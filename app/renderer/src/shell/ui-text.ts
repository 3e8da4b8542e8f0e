/**
 * Words of the renderer's own controls, French first. Short and kind: a ten-year-old reads them.
 * Messages that come from the core (compile diagnostics, runtime and robot errors) are in the core's
 * i18n catalog; this file holds only what the screen itself says.
 */
import type { Locale, Localized } from '../../../core/i18n/messages';
import { fillTemplate } from '../../../core/i18n/typography';

const defineText = <T extends Record<string, Localized>>(t: T): T => t;

export const UI_TEXT = defineText({
  appTitle: { fr: 'RoboKit', en: 'RoboKit' },
  loading: { fr: 'Chargement de RoboKit…', en: 'Loading RoboKit…' },
  run: { fr: '▶ Lancer', en: '▶ Run' },
  stop: { fr: '■ Stop', en: '■ Stop' },
  step: { fr: 'Pas à pas', en: 'Step by step' },
  stepNext: { fr: 'Pas suivant', en: 'Next step' },
  stepHint: {
    fr: 'Pas à pas : le programme avance d’un bloc à chaque appui.',
    en: 'Step by step: the program moves one block each time you press.',
  },
  undo: { fr: 'Annuler', en: 'Undo' },
  redo: { fr: 'Refaire', en: 'Redo' },
  newProject: { fr: 'Nouveau', en: 'New' },
  open: { fr: 'Ouvrir', en: 'Open' },
  save: { fr: 'Enregistrer', en: 'Save' },
  language: { fr: 'Langue', en: 'Language' },
  display: { fr: 'Aa Affichage', en: 'Aa Display' },
  codeSetup: { fr: 'Préparation du robot ({lines} lignes)', en: 'Robot set-up ({lines} lines)' },
  simEnlarge: { fr: 'Agrandir', en: 'Enlarge' },
  simShrink: { fr: 'Réduire', en: 'Shrink' },
  simFullScreen: { fr: 'Plein écran', en: 'Full screen' },
  legendTrail: { fr: 'crayon', en: 'pen' },
  legendRay: { fr: 'capteur de distance', en: 'distance sensor' },
  legendLineSensors: { fr: 'capteurs de ligne', en: 'line sensors' },
  legendLine: { fr: 'ligne noire au sol', en: 'dark line on the floor' },
  legendWall: { fr: 'mur', en: 'wall' },
  legendZone: { fr: 'zone', en: 'zone' },
  lessonCollapse: { fr: 'Réduire la leçon', en: 'Fold the lesson' },
  lessonExpand: { fr: 'Leçon', en: 'Lesson' },
  highContrast: { fr: 'Contraste élevé', en: 'High contrast' },
  largeText: { fr: 'Texte plus grand', en: 'Larger text' },
  toolbar: { fr: 'Barre d’outils', en: 'Toolbar' },
  editor: { fr: 'Éditeur de blocs', en: 'Block editor' },
  sidePanels: { fr: 'Robot et simulateur', en: 'Robot and simulator' },
  // Run states
  stateIdle: { fr: 'Prêt', en: 'Ready' },
  stateRunning: { fr: 'Le programme tourne…', en: 'The program is running…' },
  statePaused: { fr: 'En pause (pas à pas)', en: 'Paused (step by step)' },
  stateFinished: { fr: 'Programme terminé.', en: 'Program finished.' },
  stateStopped: { fr: 'Programme arrêté.', en: 'Program stopped.' },
  stateError: { fr: 'Le programme s’est arrêté sur une erreur.', en: 'The program stopped on an error.' },
  stateTimeout: { fr: 'Le programme a duré trop longtemps.', en: 'The program ran for too long.' },
  stateDisconnected: { fr: 'Le robot a été déconnecté.', en: 'The robot was disconnected.' },
  fixBlocksFirst: {
    fr: 'Certains blocs ont besoin d’être réparés avant de lancer. Regarde les triangles jaunes.',
    en: 'Some blocks need fixing before you run. Look at the yellow triangles.',
  },
  closeBanner: { fr: 'Fermer le message', en: 'Close the message' },
  // Panels
  tabSimulator: { fr: 'Simulateur', en: 'Simulator' },
  tabRobot: { fr: 'Robot', en: 'Robot' },
  tabChart: { fr: 'Capteurs', en: 'Sensors' },
  tabCode: { fr: 'Code', en: 'Code' },
  world: { fr: 'Terrain', en: 'World' },
  simCanvas: { fr: 'Le terrain et le robot simulé', en: 'The world and the simulated robot' },
  robotSays: { fr: 'Le robot dit', en: 'The robot says' },
  // Robot panel
  robotChoice: { fr: 'Quel robot ?', en: 'Which robot?' },
  simulatedRobot: { fr: 'Robot simulé', en: 'Simulated robot' },
  refreshPorts: { fr: 'Chercher les robots', en: 'Look for robots' },
  showAllPorts: { fr: 'Afficher tous les ports', en: 'Show every port' },
  connect: { fr: 'Connecter', en: 'Connect' },
  disconnect: { fr: 'Déconnecter', en: 'Disconnect' },
  identify: { fr: 'Identifier', en: 'Identify' },
  identifyHint: {
    fr: 'Le robot choisi clignote et bipe : c’est lui. Marche aussi avant de connecter.',
    en: 'The chosen robot blinks and beeps: that’s the one. Works before connecting too.',
  },
  renameRobot: { fr: 'Renommer', en: 'Rename' },
  renameHint: { fr: 'Donne un nom au robot choisi : il le garde en mémoire.', en: 'Give the chosen robot a name: it keeps it in its memory.' },
  renameTitle: { fr: 'Le nom du robot', en: 'The robot’s name' },
  renameLabel: { fr: 'Nom (24 lettres au plus)', en: 'Name (24 letters at most)' },
  renameOk: { fr: 'Donner ce nom', en: 'Give this name' },
  identifyDone: { fr: 'Regarde : le robot qui clignote, c’est {name}.', en: 'Look: the robot blinking is {name}.' },
  lookingForRobots: { fr: 'Je demande leur nom aux robots…', en: 'Asking the robots their names…' },
  profile: { fr: 'Modèle de robot', en: 'Robot model' },
  connectionNone: { fr: 'Pas connecté', en: 'Not connected' },
  connectionConnecting: { fr: 'Connexion…', en: 'Connecting…' },
  connectionReady: { fr: 'Prêt', en: 'Ready' },
  connectedTo: { fr: 'Connecté à', en: 'Connected to' },
  connectionLost: { fr: 'Connexion perdue', en: 'Connection lost' },
  firmware: { fr: 'Micrologiciel :', en: 'Firmware:' },
  noBoardFound: {
    fr: 'Aucune carte trouvée. Branche le robot avec le câble USB, puis « Chercher les robots ».',
    en: 'No board found. Plug the robot in with the USB cable, then “Look for robots”.',
  },
  whatToDo: { fr: 'Que faire ?', en: 'What to do?' },
  firmwareSection: { fr: 'Installer le programme du robot', en: 'Install the robot’s program' },
  firmwareChoice: { fr: 'Programme', en: 'Program' },
  firmwareRobokit: { fr: 'RoboKit (recommandé)', en: 'RoboKit (recommended)' },
  firmwareFirmata: { fr: 'StandardFirmata', en: 'StandardFirmata' },
  firmwareInstall: { fr: 'Installer', en: 'Install' },
  firmwareNext: { fr: 'Robot suivant', en: 'Next robot' },
  firmwareUpdate: { fr: 'Mettre à jour', en: 'Update' },
  sendTitle: { fr: 'Envoyer dans le robot', en: 'Send into the robot' },
  sendIntro: {
    fr: 'Le robot garde ton programme et le joue sans câble quand on appuie sur son bouton.',
    en: 'The robot keeps your program and plays it without the cable when its button is pressed.',
  },
  sendConnectFirst: {
    fr: 'Connecte ton robot pour y garder ton programme et le faire rouler sans câble.',
    en: 'Connect your robot to keep your program in it and let it run without the cable.',
  },
  sendButton: { fr: 'Envoyer dans le robot', en: 'Send into the robot' },
  sendSending: { fr: 'Envoi en cours…', en: 'Sending…' },
  sendAutostart: { fr: 'Démarrer tout seul', en: 'Start by itself' },
  sendAutostartHint: {
    fr: 'Le robot lance ton programme dès qu’il est allumé (sinon : quand on appuie sur son bouton).',
    en: 'The robot starts your program as soon as it is switched on (otherwise: when its button is pressed).',
  },
  sendSkipped: { fr: 'Le robot sautera :', en: 'The robot will skip:' },
  sendInstall: { fr: 'Installer le programme RoboKit', en: 'Install the RoboKit firmware' },
  // Chart
  chartTitle: { fr: 'Ce que voient les capteurs', en: 'What the sensors see' },
  chartDistance: { fr: 'Distance (cm)', en: 'Distance (cm)' },
  chartLight: { fr: 'Lumière', en: 'Light' },
  chartLineLeft: { fr: 'Capteur de ligne gauche (en bas)', en: 'Left line sensor (lower)' },
  chartLineRight: { fr: 'Capteur de ligne droit (en haut)', en: 'Right line sensor (upper)' },
  chartTime: { fr: 'Temps (s)', en: 'Time (s)' },
  chartEmpty: { fr: 'Lance le programme pour voir les capteurs.', en: 'Run the program to see the sensors.' },
  // Code view
  codeTitle: { fr: 'Ton programme en JavaScript (Johnny-Five)', en: 'Your program in JavaScript (Johnny-Five)' },
  codeReadOnly: { fr: 'Lecture seule : change les blocs pour changer le code.', en: 'Read only: change the blocks to change the code.' },
  codeHasProblems: {
    fr: 'Répare les blocs marqués pour voir tout le code.',
    en: 'Fix the marked blocks to see all the code.',
  },
  // Files
  saved: { fr: 'Projet enregistré.', en: 'Project saved.' },
  opened: { fr: 'Projet ouvert.', en: 'Project opened.' },
  openFailed: { fr: 'Impossible d’ouvrir ce fichier.', en: 'This file cannot be opened.' },
  autosaved: { fr: 'Sauvegardé automatiquement', en: 'Saved automatically' },
  autosaveFailed: {
    fr: 'La sauvegarde automatique n’a pas marché. Enregistre ton projet.',
    en: 'Autosave did not work. Save your project.',
  },
  hostLost: {
    fr: 'RoboKit ne répond plus. Recharge la page.',
    en: 'RoboKit is not answering. Reload the page.',
  },
  unexpected: {
    fr: 'Oups, quelque chose n’a pas marché. Réessaie.',
    en: 'Oops, something did not work. Try again.',
  },
  projectName: { fr: 'Mon projet', en: 'My project' },
  saveAsTitle: { fr: 'Enregistrer le projet', en: 'Save the project' },
  saveAsLabel: { fr: 'Nom du projet', en: 'Project name' },
  saveAsOk: { fr: 'Enregistrer', en: 'Save' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  replaceTitle: { fr: 'Ton programme n’est pas enregistré', en: 'Your program is not saved' },
  replaceNew: {
    fr: 'Commencer un nouveau projet ? Le programme à l’écran sera remplacé.',
    en: 'Start a new project? The program on screen will be replaced.',
  },
  replaceOpen: {
    fr: 'Ouvrir un autre projet ? Le programme à l’écran sera remplacé.',
    en: 'Open another project? The program on screen will be replaced.',
  },
  replaceOk: { fr: 'Oui, remplacer', en: 'Yes, replace' },
  newDone: { fr: 'Nouveau projet.', en: 'New project.' },
});

export type UiKey = keyof typeof UI_TEXT;

export function ui(key: UiKey, locale: Locale, params: Readonly<Record<string, string | number>> = {}): string {
  return fillTemplate(UI_TEXT[key][locale], locale, params);
}
