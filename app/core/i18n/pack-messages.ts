/**
 * Lesson pack and challenge messages. They speak to the teacher or author who opens or builds a pack.
 * `{where}` names the file and, inside JSON, the path: « pack.json → lessons[2].minutes ».
 * `{name}`-like params that come from the pack are shortened and stripped of control characters first.
 */
import { defineMessages } from './define';

const ARCHIVE = defineMessages({
  'pack-not-found': { fr: 'Je ne trouve pas le pack « {file} ».', en: 'Cannot find the pack "{file}".' },
  'pack-unreadable': { fr: 'Impossible de lire « {file} ».', en: 'Cannot read "{file}".' },
  'pack-empty-file': {
    fr: 'Le fichier « {file} » est vide : ce n’est pas un pack de leçons.',
    en: 'The file "{file}" is empty: it is not a lesson pack.',
  },
  'pack-not-zip': {
    fr: '« {file} » n’est pas un pack de leçons (.robokitpack) : ce n’est pas une archive zip.',
    en: '"{file}" is not a lesson pack (.robokitpack): it is not a zip archive.',
  },
  'pack-zip-damaged': {
    fr: 'L’archive « {file} » est abîmée ou incomplète. Demande à son auteur de la refaire.',
    en: 'The archive "{file}" is damaged or incomplete. Ask its author to build it again.',
  },
  'pack-archive-too-large': {
    fr: 'L’archive « {file} » est trop grosse (plus de {max}).',
    en: 'The archive "{file}" is too large (over {max}).',
  },
  'pack-too-many-entries': {
    fr: 'Le pack contient trop de fichiers ({count} ; {max} au plus).',
    en: 'The pack holds too many files ({count}; at most {max}).',
  },
  'pack-too-large': {
    fr: 'Le pack est trop gros une fois décompressé (plus de {max}).',
    en: 'The pack is too large once unpacked (over {max}).',
  },
  'pack-entry-too-large': { fr: '{where} : fichier trop gros (plus de {max}).', en: '{where}: file too large (over {max}).' },
  'pack-entry-ratio': {
    fr: '{where} : fichier anormalement compressé ({ratio} fois ; {max} au plus). C’est peut-être une « bombe zip ».',
    en: '{where}: abnormally compressed file ({ratio} times; at most {max}). It may be a "zip bomb".',
  },
  'pack-entry-size-lie': {
    fr: '{where} : la taille annoncée dans l’archive est fausse.',
    en: '{where}: the size announced in the archive is wrong.',
  },
  'pack-entry-escapes': {
    fr: '{where} : ce chemin sort du pack (« .. ») ; il est refusé.',
    en: '{where}: this path leaves the pack (".."); it is refused.',
  },
  'pack-entry-absolute': {
    fr: '{where} : chemin absolu refusé ; les chemins doivent être relatifs au pack.',
    en: '{where}: absolute path refused; paths must be relative to the pack.',
  },
  'pack-entry-backslash': {
    fr: '{where} : chemin avec une barre oblique inverse « \\ » refusé ; utilise « / ».',
    en: '{where}: path with a backslash "\\" refused; use "/".',
  },
  'pack-entry-drive': {
    fr: '{where} : chemin avec une lettre de lecteur (comme « C: ») refusé.',
    en: '{where}: path with a drive letter (like "C:") refused.',
  },
  'pack-entry-bad-name': {
    fr: '{where} : nom de fichier refusé (caractères spéciaux, fichier caché ou nom vide).',
    en: '{where}: file name refused (special characters, hidden file or empty name).',
  },
  'pack-entry-name-encoding': {
    fr: 'Un nom de fichier de l’archive n’est pas en UTF-8 ({where}).',
    en: 'A file name in the archive is not UTF-8 ({where}).',
  },
  'pack-entry-too-long': {
    fr: '{where} : chemin trop long ou trop profond ({max} octets et {depth} dossiers au plus).',
    en: '{where}: path too long or too deep (at most {max} bytes and {depth} folders).',
  },
  'pack-entry-link': {
    fr: '{where} : les liens symboliques sont interdits dans un pack.',
    en: '{where}: symbolic links are not allowed in a pack.',
  },
  'pack-entry-special': {
    fr: '{where} : ce n’est ni un fichier ni un dossier ordinaire.',
    en: '{where}: this is neither a regular file nor a folder.',
  },
  'pack-entry-duplicate': {
    fr: '{where} : ce fichier apparaît deux fois dans l’archive.',
    en: '{where}: this file appears twice in the archive.',
  },
  'pack-entry-encrypted': {
    fr: '{where} : fichier chiffré ; un pack ne doit pas avoir de mot de passe.',
    en: '{where}: encrypted file; a pack must not have a password.',
  },
  'pack-entry-compression': {
    fr: '{where} : méthode de compression inconnue ; refais l’archive avec « robokit pack build ».',
    en: '{where}: unknown compression method; rebuild the archive with "robokit pack build".',
  },
  'pack-no-manifest': {
    fr: 'Il n’y a pas de fichier pack.json à la racine du pack.',
    en: 'There is no pack.json file at the root of the pack.',
  },
  'pack-store-failed': {
    fr: 'Impossible d’installer le pack dans la bibliothèque ({file}).',
    en: 'Cannot install the pack in the library ({file}).',
  },
  'pack-build-refused': {
    fr: 'Le pack n’a pas été construit : il contient {count} {count|erreur|erreurs}.',
    en: 'The pack was not built: it has {count} {count|error|errors}.',
  },
  'pack-build-output-inside': {
    fr: 'Le fichier « {file} » ne peut pas être écrit à l’intérieur du dossier du pack.',
    en: 'The file "{file}" cannot be written inside the pack folder.',
  },
  'pack-write-failed': { fr: 'Impossible d’écrire « {file} ».', en: 'Cannot write "{file}".' },
});

const FILES = defineMessages({
  'pack-json-invalid': {
    fr: '{where} : ce n’est pas du JSON valide.',
    en: '{where}: this is not valid JSON.',
  },
  'pack-json-invalid-at': {
    fr: '{where} : JSON invalide à la ligne {line}, colonne {column}.',
    en: '{where}: invalid JSON at line {line}, column {column}.',
  },
  'pack-json-too-deep': {
    fr: '{where} : trop imbriqué (plus de {max} niveaux).',
    en: '{where}: nested too deeply (more than {max} levels).',
  },
  'pack-file-too-large': { fr: '{where} : fichier trop gros (plus de {max}).', en: '{where}: file too large (over {max}).' },
  'pack-file-not-utf8': {
    fr: '{where} : ce fichier texte n’est pas en UTF-8.',
    en: '{where}: this text file is not UTF-8.',
  },
  'pack-wrong-format': {
    fr: '{where} : ce n’est pas un pack de leçons RoboKit (il faut "format": "robokit-pack").',
    en: '{where}: this is not a RoboKit lesson pack (it needs "format": "robokit-pack").',
  },
  'pack-future-version': {
    fr: 'Ce pack vient d’une version plus récente de RoboKit (version {version}). Mets RoboKit à jour.',
    en: 'This pack comes from a newer RoboKit (version {version}). Please update RoboKit.',
  },
  'pack-file-missing': {
    fr: '{where} : le fichier « {file} » n’existe pas dans le pack.',
    en: '{where}: the file "{file}" does not exist in the pack.',
  },
  'pack-project-invalid': {
    fr: '{where} : « {file} » n’est pas un projet RoboKit valide.',
    en: '{where}: "{file}" is not a valid RoboKit project.',
  },
  'pack-world-invalid': {
    fr: '{where} : « {file} » n’est pas un monde RoboKit valide.',
    en: '{where}: "{file}" is not a valid RoboKit world.',
  },
  'pack-md-image-missing': {
    fr: '{where} : l’image « {file} » n’existe pas dans le pack.',
    en: '{where}: the image "{file}" does not exist in the pack.',
  },
  'pack-md-remote-image': {
    fr: '{where} : l’image « {url} » vient d’ailleurs que du pack ; elle ne sera pas affichée.',
    en: '{where}: the image "{url}" is not inside the pack; it will not be shown.',
  },
  'pack-md-unsafe-link': {
    fr: '{where} : le lien « {url} » n’est pas une adresse web (http ou https) ; il sera désactivé.',
    en: '{where}: the link "{url}" is not a web address (http or https); it will be disabled.',
  },
  'pack-md-raw-html': {
    fr: '{where} : le HTML n’est pas permis dans les étapes ; il sera affiché comme du texte.',
    en: '{where}: HTML is not allowed in steps; it will be shown as text.',
  },
});

const FIELDS = defineMessages({
  'pack-field-missing': { fr: '{where} : ce champ est obligatoire.', en: '{where}: this field is required.' },
  'pack-field-unknown': {
    fr: '{where} : ce champ n’existe pas (faute de frappe ?).',
    en: '{where}: this field does not exist (a typo?).',
  },
  'pack-field-not-string': { fr: '{where} : doit être un texte.', en: '{where}: must be a text.' },
  'pack-field-not-number': { fr: '{where} : doit être un nombre.', en: '{where}: must be a number.' },
  'pack-field-not-integer': { fr: '{where} : doit être un nombre entier.', en: '{where}: must be a whole number.' },
  'pack-field-not-boolean': { fr: '{where} : doit être true ou false.', en: '{where}: must be true or false.' },
  'pack-field-not-object': { fr: '{where} : doit être un objet { … }.', en: '{where}: must be an object { … }.' },
  'pack-field-not-array': { fr: '{where} : doit être une liste [ … ].', en: '{where}: must be a list [ … ].' },
  'pack-field-range': {
    fr: '{where} : doit être un nombre entre {min} et {max}.',
    en: '{where}: must be a number between {min} and {max}.',
  },
  'pack-field-int-range': {
    fr: '{where} : doit être un nombre entier entre {min} et {max}.',
    en: '{where}: must be a whole number between {min} and {max}.',
  },
  'pack-field-empty': { fr: '{where} : ne doit pas être vide.', en: '{where}: must not be empty.' },
  'pack-field-too-long': {
    fr: '{where} : texte trop long ({max} caractères au plus).',
    en: '{where}: text too long (at most {max} characters).',
  },
  'pack-field-too-few': {
    fr: '{where} : la liste doit avoir au moins {min} {min|élément|éléments}.',
    en: '{where}: the list needs at least {min} {min|item|items}.',
  },
  'pack-field-too-many': {
    fr: '{where} : la liste a trop d’éléments ({max} au plus).',
    en: '{where}: the list has too many items (at most {max}).',
  },
  'pack-field-duplicate': {
    fr: '{where} : la liste contient deux fois la même valeur.',
    en: '{where}: the list holds the same value twice.',
  },
  'pack-field-enum': {
    fr: '{where} : doit être l’une de ces valeurs : {values}.',
    en: '{where}: must be one of: {values}.',
  },
  'pack-field-const': { fr: '{where} : doit valoir {value}.', en: '{where}: must be {value}.' },
  'pack-field-invalid': { fr: '{where} : valeur invalide.', en: '{where}: invalid value.' },
  'pack-field-pack-id': {
    fr: '{where} : identifiant de pack invalide ; écris-le comme « fr.mon-ecole.premiers-pas » (minuscules, chiffres, tirets, points).',
    en: '{where}: invalid pack id; write it like "fr.my-school.first-steps" (lower case, digits, dashes, dots).',
  },
  'pack-field-lesson-id': {
    fr: '{where} : identifiant de leçon invalide ; minuscules, chiffres et tirets, comme « carre-magique ».',
    en: '{where}: invalid lesson id; lower case, digits and dashes, like "magic-square".',
  },
  'pack-field-path-project': {
    fr: '{where} : doit être un chemin relatif dans le pack vers un projet, comme « projets/depart.robokit ».',
    en: '{where}: must be a relative path in the pack to a project, like "projects/start.robokit".',
  },
  'pack-field-path-markdown': {
    fr: '{where} : doit être un chemin relatif dans le pack vers un fichier markdown, comme « etapes/1.fr.md ».',
    en: '{where}: must be a relative path in the pack to a markdown file, like "steps/1.en.md".',
  },
  'pack-field-path-world': {
    fr: '{where} : doit être un chemin relatif dans le pack vers un monde, comme « mondes/labyrinthe.json ».',
    en: '{where}: must be a relative path in the pack to a world, like "worlds/maze.json".',
  },
  'pack-field-block-type': {
    fr: '{where} : nom de bloc invalide (comme « robot_move »).',
    en: '{where}: invalid block name (like "robot_move").',
  },
  'pack-field-tag': {
    fr: '{where} : étiquette invalide ; minuscules, chiffres et tirets, comme « girls-can-code ».',
    en: '{where}: invalid tag; lower case, digits and dashes, like "girls-can-code".',
  },
  'pack-field-profile-id': {
    fr: '{where} : identifiant de robot invalide (comme « arduino-2wd »).',
    en: '{where}: invalid robot id (like "arduino-2wd").',
  },
  'pack-field-zone-name': {
    fr: '{where} : nom de zone invalide.',
    en: '{where}: invalid zone name.',
  },
  'pack-field-category-id': {
    fr: '{where} : nom de catégorie invalide (comme « mouvement »).',
    en: '{where}: invalid category name (like "movement").',
  },
});

const LESSONS = defineMessages({
  'pack-goal-one-key': {
    fr: '{where} : une condition doit avoir exactement une clé parmi : {keys}.',
    en: '{where}: a condition needs exactly one key among: {keys}.',
  },
  'pack-goal-unknown': {
    fr: '{where} : condition inconnue ; les conditions possibles sont : {keys}.',
    en: '{where}: unknown condition; the possible ones are: {keys}.',
  },
  'pack-goal-too-deep': {
    fr: '{where} : conditions trop imbriquées ({max} niveaux de all/any au plus).',
    en: '{where}: conditions nested too deeply (at most {max} levels of all/any).',
  },
  'pack-goal-too-big': {
    fr: '{where} : trop de conditions ({max} au plus).',
    en: '{where}: too many conditions (at most {max}).',
  },
  'pack-goal-within-placement': {
    fr: '{where} : « withinSeconds » doit être placé directement dans un « all », à côté des conditions à tenir à temps.',
    en: '{where}: "withinSeconds" must sit directly inside an "all", next to the conditions to meet in time.',
  },
  'pack-goal-unknown-zone': {
    fr: '{where} : la zone « {zone} » n’existe pas dans le monde « {file} ».',
    en: '{where}: the zone "{zone}" does not exist in the world "{file}".',
  },
  'pack-goal-time-limit': {
    fr: '{where} : {seconds} s dépasse la durée du défi ({limit} s) ; la condition ne pourrait jamais compter.',
    en: '{where}: {seconds} s is longer than the challenge ({limit} s); the condition could never count.',
  },
  'pack-lesson-duplicate': {
    fr: '{where} : l’identifiant « {id} » est déjà utilisé par une autre leçon.',
    en: '{where}: the id "{id}" is already used by another lesson.',
  },
  'pack-ages-order': {
    fr: '{where} : l’âge minimum doit être inférieur ou égal à l’âge maximum.',
    en: '{where}: the minimum age must be less than or equal to the maximum age.',
  },
  'pack-stars-order': {
    fr: '{where} : « three » (3 étoiles) doit demander au plus autant de blocs que « two » (2 étoiles).',
    en: '{where}: "three" (3 stars) must allow at most as many blocks as "two" (2 stars).',
  },
  'pack-unknown-block': {
    fr: '{where} : je ne connais pas le bloc « {type} ».',
    en: '{where}: I do not know the block "{type}".',
  },
  'pack-unknown-profile': {
    fr: '{where} : je ne connais pas le robot « {profile} ».',
    en: '{where}: I do not know the robot "{profile}".',
  },
  'pack-teacher-missing': {
    fr: '{where} : un pack de version 2 donne des notes pour l’enseignant à chaque leçon (« teacher » : objectifs, phases, questions de bilan, erreurs fréquentes, variantes plus facile et plus difficile).',
    en: '{where}: a version 2 pack gives teacher notes for every lesson ("teacher": objectives, phases, debrief questions, common mistakes, easier and harder variants).',
  },
  'pack-teacher-field-missing': {
    fr: '{where} : il manque « {field} » dans les notes pour l’enseignant ({what}).',
    en: '{where}: the teacher notes lack "{field}" ({what}).',
  },
  'pack-teacher-phases-minutes': {
    fr: '{where} : les phases durent {sum} min en tout, mais la leçon annonce {minutes} min.',
    en: '{where}: the phases last {sum} min in all, but the lesson says {minutes} min.',
  },
  'pack-step-unknown-block': {
    fr: '{where} : « {{block:{type}}} » montre un bloc qui n’existe pas. Les types de blocs sont listés dans le README (par exemple robot_move).',
    en: '{where}: "{{block:{type}}}" shows a block that does not exist. Block types are listed in the README (for example robot_move).',
  },
  'pack-step-block-not-in-toolbox': {
    fr: '{where} : « {{block:{type}}} » montre le bloc « {label} », qui n’est pas dans la boîte à blocs de la leçon « {lesson} ». Ajoute « {type} » à sa « toolbox » ou montre un autre bloc.',
    en: '{where}: "{{block:{type}}}" shows the block "{label}", which is not in the toolbox of the lesson "{lesson}". Add "{type}" to its "toolbox" or show another block.',
  },
  'pack-step-block-syntax': {
    fr: '{where} : « {text} » n’est pas une référence de bloc valide. Écris par exemple {{block:robot_move}}.',
    en: '{where}: "{text}" is not a valid block reference. Write for example {{block:robot_move}}.',
  },
  'pack-step-block-name': {
    fr: '{where} : le texte parle du bloc « {name} », mais aucun bloc ne s’appelle ainsi. Recopie l’étiquette du bloc telle que RoboKit l’affiche, ou montre-le avec {{block:TYPE}}.',
    en: '{where}: the text mentions the block "{name}", but no block is called that. Copy the block’s label as RoboKit shows it, or show it with {{block:TYPE}}.',
  },
  'pack-too-many-errors': {
    fr: 'Et encore {count} {count|autre erreur|autres erreurs}.',
    en: 'And {count} more {count|error|errors}.',
  },
});

/**
 * Challenge verdicts (`core/challenge`): they speak to the pupil, so they say what went well or
 * what to try next, kindly. Numbers arrive already written the French or English way.
 */
const CHALLENGE = defineMessages({
  'challenge-reach-zone-ok': {
    fr: 'Le robot est arrivé dans la zone « {zone} » à {time} s. Bravo !',
    en: 'The robot reached the zone "{zone}" at {time} s. Well done!',
  },
  'challenge-reach-zone-miss': {
    fr: 'Le robot n’est pas entré dans la zone « {zone} ». Essaie d’aller plus loin ou de tourner autrement.',
    en: 'The robot did not get into the zone "{zone}". Try going further or turning another way.',
  },
  'challenge-end-zone-ok': {
    fr: 'Le robot finit bien dans la zone « {zone} ». Pile au bon endroit !',
    en: 'The robot ends inside the zone "{zone}". Right on the spot!',
  },
  'challenge-end-zone-left': {
    fr: 'Le robot est passé dans la zone « {zone} », puis il en est sorti. Essaie de t’arrêter plus tôt.',
    en: 'The robot went through the zone "{zone}", then left it. Try stopping sooner.',
  },
  'challenge-end-zone-miss': {
    fr: 'Le robot doit finir dans la zone « {zone} », et il n’y est pas allé. Change la distance ou l’angle.',
    en: 'The robot must end in the zone "{zone}", and it never got there. Change the distance or the angle.',
  },
  'challenge-avoid-zone-ok': {
    fr: 'Le robot a bien évité la zone « {zone} ».',
    en: 'The robot kept out of the zone "{zone}".',
  },
  'challenge-avoid-zone-miss': {
    fr: 'Le robot est entré dans la zone « {zone} » à {time} s. Essaie de la contourner.',
    en: 'The robot went into the zone "{zone}" at {time} s. Try going around it.',
  },
  'challenge-order-ok': {
    fr: 'Le robot est passé par {zones}, dans le bon ordre. Super !',
    en: 'The robot went through {zones}, in the right order. Great!',
  },
  'challenge-order-missing': {
    fr: 'Le robot n’est jamais passé par la zone « {zone} ». Il te reste à l’atteindre !',
    en: 'The robot never went through the zone "{zone}". You still have to reach it!',
  },
  'challenge-order-wrong': {
    fr: 'Le robot est entré dans « {zone} » avant « {previous} ». Essaie de changer l’ordre de ton trajet.',
    en: 'The robot went into "{zone}" before "{previous}". Try changing the order of your path.',
  },
  'challenge-wall-ok': {
    fr: 'Aucun choc contre un mur. Quel pilotage !',
    en: 'Not a single bump into a wall. What driving!',
  },
  'challenge-wall-miss': {
    fr: 'Le robot a touché un mur {count} fois (la première à {time} s). Essaie de tourner plus tôt ou d’aller moins loin.',
    en: 'The robot bumped into a wall {count} {count|time|times} (first at {time} s). Try turning sooner or going less far.',
  },
  'challenge-line-ok': {
    fr: 'Le robot est resté sur la ligne {percent} % du temps (il fallait {goal} %). Bravo !',
    en: 'The robot stayed on the line {percent}% of the time ({goal}% needed). Well done!',
  },
  'challenge-line-miss': {
    fr: 'Le robot est resté sur la ligne {percent} % du temps ; il faut {goal} %. Essaie de corriger plus doucement quand il la quitte.',
    en: 'The robot stayed on the line {percent}% of the time; {goal}% is needed. Try steering back more gently when it leaves it.',
  },
  'challenge-shape-ok': {
    fr: 'Ton dessin suit bien la forme (écart maximum {gap} cm). Très joli !',
    en: 'Your drawing follows the shape well (largest gap {gap} cm). Very nice!',
  },
  'challenge-shape-empty': {
    fr: 'Le crayon n’a rien dessiné. As-tu pensé à baisser le crayon ?',
    en: 'The pen drew nothing. Did you remember to put the pen down?',
  },
  'challenge-shape-no-move': {
    fr: 'Le robot n’a pas bougé, alors le crayon n’a rien pu dessiner. Ajoute des blocs qui le font rouler, comme « avancer ».',
    en: 'The robot did not move, so the pen could not draw anything. Add blocks that make it drive, like "move".',
  },
  'challenge-shape-missing': {
    fr: 'Il manque un morceau de la forme près de ({x} ; {y}). Essaie d’aller un peu plus loin ou de tourner d’un autre angle.',
    en: 'A piece of the shape is missing near ({x}, {y}). Try going a bit further or turning by another angle.',
  },
  'challenge-shape-stray': {
    fr: 'Un trait s’écarte de la forme de {gap} cm près de ({x} ; {y}). Vérifie tes distances et tes angles.',
    en: 'A line strays {gap} cm from the shape near ({x}, {y}). Check your distances and angles.',
  },
  'challenge-light-ok': {
    fr: 'La lumière est restée allumée {seconds} s. Ça brille !',
    en: 'The light stayed on for {seconds} s. It shines!',
  },
  'challenge-light-miss': {
    fr: 'La lumière est restée allumée {seconds} s ; il faut au moins {goal} s. Attends un peu avant de l’éteindre.',
    en: 'The light stayed on for {seconds} s; at least {goal} s is needed. Wait a little before switching it off.',
  },
  'challenge-tones-ok': {
    fr: 'Le robot a joué {count} {count|note|notes}. Quelle musique !',
    en: 'The robot played {count} {count|note|notes}. What music!',
  },
  'challenge-tones-miss': {
    fr: 'Le robot a joué {count} {count|note|notes} ; il en faut au moins {goal}. Ajoute des bips !',
    en: 'The robot played {count} {count|note|notes}; at least {goal} are needed. Add some beeps!',
  },
  'challenge-within-ok': {
    fr: 'Tout était fait en {time} s ({goal} s au plus). Rapide !',
    en: 'Everything was done in {time} s ({goal} s at most). Fast!',
  },
  'challenge-within-miss': {
    fr: 'Il a fallu {time} s ; le défi en demande {goal} au plus. Essaie d’aller plus vite ou plus droit.',
    en: 'It took {time} s; the challenge allows {goal} at most. Try going faster or straighter.',
  },
  'challenge-within-waiting': {
    fr: 'Le chrono ({goal} s) compte quand tout le reste est réussi.',
    en: 'The stopwatch ({goal} s) counts once everything else is done.',
  },
  'challenge-any-ok': {
    fr: 'Une des façons de réussir a marché.',
    en: 'One of the ways to succeed worked.',
  },
  'challenge-any-miss': {
    fr: 'Aucune des façons de réussir n’a encore marché. Choisis-en une et essaie encore !',
    en: 'None of the ways to succeed worked yet. Pick one and try again!',
  },
  'challenge-all-ok': {
    fr: 'Toutes ces conditions sont réussies.',
    en: 'All these conditions are met.',
  },
  'challenge-all-miss': {
    fr: 'Certaines de ces conditions ne sont pas encore réussies.',
    en: 'Some of these conditions are not met yet.',
  },
  'challenge-unknown-zone': {
    fr: 'La zone « {zone} » n’existe pas dans ce monde.',
    en: 'The zone "{zone}" does not exist in this world.',
  },
  'challenge-block-not-allowed': {
    fr: 'Le bloc « {type} » ne fait pas partie de cette leçon. Retire-le et utilise les blocs proposés.',
    en: 'The block "{type}" is not part of this lesson. Remove it and use the blocks offered.',
  },
  'challenge-too-many-blocks': {
    fr: 'Ce programme a trop de blocs pour être vérifié ({max} au plus).',
    en: 'This program has too many blocks to be checked (at most {max}).',
  },
  'challenge-none': {
    fr: 'La leçon « {lesson} » n’a pas de défi à vérifier.',
    en: 'The lesson "{lesson}" has no challenge to check.',
  },
  'challenge-lesson-unknown': {
    fr: 'Je ne trouve pas la leçon « {lesson} » dans le pack « {pack} ». Leçons : {lessons}.',
    en: 'Cannot find the lesson "{lesson}" in the pack "{pack}". Lessons: {lessons}.',
  },
  'challenge-profile-unknown': {
    fr: 'Je ne connais pas le robot « {profile} » de ce projet.',
    en: 'I do not know this project’s robot "{profile}".',
  },
  'challenge-world-missing': {
    fr: 'Le monde « {file} » du défi est introuvable dans le pack.',
    en: 'The challenge world "{file}" is missing from the pack.',
  },
  'challenge-passed': {
    fr: 'Défi réussi ! {stars} en {time} s avec {blocks} {blocks|bloc|blocs}.',
    en: 'Challenge passed! {stars} in {time} s with {blocks} {blocks|block|blocks}.',
  },
  'challenge-failed': {
    fr: 'Pas encore : le défi n’est pas réussi. Lis les conseils et essaie encore !',
    en: 'Not yet: the challenge is not passed. Read the tips and try again!',
  },
  'challenge-not-run': {
    fr: 'Le défi n’a pas pu être lancé : corrige d’abord les blocs signalés.',
    en: 'The challenge could not start: first fix the blocks shown.',
  },
  'challenge-run-error': {
    fr: 'Le programme s’est arrêté sur une erreur à {time} s : le défi ne compte pas.',
    en: 'The program stopped on an error at {time} s: the challenge does not count.',
  },
});

/** What `robokit pack validate` finds in a lesson's starter and solution, said to the pack's author. */
const AUTHORING = defineMessages({
  'pack-project-unknown-block': {
    fr: '{where} : le bloc « {type} » n’existe pas dans RoboKit ({count} fois). Retirez-le de ce projet ou remplacez-le par un bloc connu.',
    en: '{where}: the block "{type}" does not exist in RoboKit ({count} time(s)). Remove it from this project or replace it with a known block.',
  },
  'pack-project-block-outside-toolbox': {
    fr: '{where} : le bloc « {type} » n’est pas dans la boîte à outils de la leçon « {lesson} » ({toolbox}). Ajoutez-le à la boîte à outils ou retirez-le du projet.',
    en: '{where}: the block "{type}" is not in the toolbox of the lesson "{lesson}" ({toolbox}). Add it to the toolbox or remove it from the project.',
  },
  'pack-project-cannot-run': {
    fr: '{where} : ce programme ne peut pas se lancer — {fr}',
    en: '{where}: this program cannot run — {en}',
  },
  'pack-project-unknown-robot': {
    fr: '{where} : ce projet est fait pour le robot « {profile} », que RoboKit ne connaît pas.',
    en: '{where}: this project is made for the robot "{profile}", which RoboKit does not know.',
  },
  'pack-image-unsupported': {
    fr: '{where} : l’image « {file} » n’est ni PNG, ni JPEG, ni GIF, ni WebP (le SVG n’est pas accepté) : l’application ne pourrait pas l’afficher. Enregistrez-la en PNG ou en JPEG.',
    en: '{where}: the image "{file}" is not PNG, JPEG, GIF or WebP (SVG is not accepted): the app could not show it. Save it as PNG or JPEG.',
  },
  'pack-image-too-large': {
    fr: '{where} : l’image « {file} » est trop grosse ({max} au plus) : l’application ne l’afficherait pas.',
    en: '{where}: the image "{file}" is too large (at most {max}): the app would not show it.',
  },
  'pack-world-unknown-field': {
    fr: '{where} : ce champ n’existe pas ici (faute de frappe ?). Champs possibles : {fields}.',
    en: '{where}: this field does not exist here (a typo?). Possible fields: {fields}.',
  },
  'pack-world-field': {
    fr: '{where} : {fr}',
    en: '{where}: {en}',
  },
});

export const PACK_MESSAGES = { ...ARCHIVE, ...FILES, ...FIELDS, ...LESSONS, ...CHALLENGE, ...AUTHORING };

export type PackMessageCode = keyof typeof PACK_MESSAGES;
