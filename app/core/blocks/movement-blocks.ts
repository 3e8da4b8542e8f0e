/** Mouvement / Movement: the motors and the pen. */
import { DISTANCE_POWER, QUARTER_TURN_DEGREES } from '../hardware-rules';
import { customDefinition, num, options } from './define';
import type { CatalogEntry } from './types';

const DIRECTIONS = ['FORWARD', 'BACKWARD'] as const;
const TURNS = ['LEFT', 'RIGHT'] as const;
const PEN = ['DOWN', 'UP'] as const;

export const MOVEMENT_BLOCKS: readonly CatalogEntry[] = [
  {
    type: 'robot_move',
    kind: 'statement',
    category: 'movement',
    capability: 'motors',
    definition: customDefinition({
      type: 'robot_move',
      category: 'movement',
      shape: 'statement',
      inline: true,
      message0: { fr: '%1 à %2 %% pendant %3 s', en: '%1 at %2 %% for %3 s' },
      tooltip: {
        fr: 'Fait rouler le robot tout droit, à cette vitesse (0 à 100 %), pendant ce nombre de secondes, puis l’arrête.',
        en: 'Drives the robot straight at this speed (0 to 100 %) for this many seconds, then stops it.',
      },
      args0: [
        { type: 'field_dropdown', name: 'DIRECTION', options: options(['FORWARD', 'avancer', 'move forward'], ['BACKWARD', 'reculer', 'move backward']) },
        { type: 'input_value', name: 'SPEED', check: 'Number' },
        { type: 'input_value', name: 'SECONDS', check: 'Number' },
      ],
    }),
    toolbox: { kind: 'block', inputs: { SPEED: num(50), SECONDS: num(2) } },
    compile: (b, ctx) => ({
      kind: 'motors.move',
      blockId: b.id,
      direction: ctx.choice(b, 'DIRECTION', DIRECTIONS) === 'FORWARD' ? 'forward' : 'backward',
      speed: ctx.value(b, 'SPEED'),
      seconds: ctx.value(b, 'SECONDS'),
    }),
  },
  {
    type: 'robot_turn',
    kind: 'statement',
    category: 'movement',
    capability: 'motors',
    definition: customDefinition({
      type: 'robot_turn',
      category: 'movement',
      shape: 'statement',
      inline: true,
      message0: { fr: 'tourner à %1 de %2 °', en: 'turn %1 by %2 °' },
      tooltip: {
        fr: 'Fait tourner le robot sur place de ce nombre de degrés (90 = un quart de tour).',
        en: 'Spins the robot on the spot by this many degrees (90 = a quarter turn).',
      },
      args0: [
        { type: 'field_dropdown', name: 'DIRECTION', options: options(['LEFT', 'gauche', 'left'], ['RIGHT', 'droite', 'right']) },
        { type: 'input_value', name: 'DEGREES', check: 'Number' },
      ],
    }),
    toolbox: { kind: 'block', inputs: { DEGREES: num(90) } },
    compile: (b, ctx) => ({
      kind: 'motors.turn',
      blockId: b.id,
      direction: ctx.choice(b, 'DIRECTION', TURNS) === 'LEFT' ? 'left' : 'right',
      degrees: ctx.value(b, 'DEGREES'),
    }),
  },
  {
    // For the youngest (Bee-Bot, Code.org): a distance, not a speed and a time. The compiler turns it
    // into a timed move at DISTANCE_POWER with the profile's calibration (compiler/block-compiler.ts).
    type: 'robot_move_cm',
    kind: 'statement',
    category: 'movement',
    capability: 'motors',
    definition: customDefinition({
      type: 'robot_move_cm',
      category: 'movement',
      shape: 'statement',
      inline: true,
      message0: { fr: '%1 de %2 cm', en: '%1 %2 cm' },
      tooltip: {
        fr: `Fait rouler le robot tout droit de ce nombre de centimètres (à ${DISTANCE_POWER} %), puis l’arrête. Mesure ton robot dans « Mon robot » pour que ce soit juste.`,
        en: `Drives the robot straight for this many centimetres (at ${DISTANCE_POWER} %), then stops it. Measure your robot in "Mon robot" to make it exact.`,
      },
      args0: [
        { type: 'field_dropdown', name: 'DIRECTION', options: options(['FORWARD', 'avancer', 'move forward'], ['BACKWARD', 'reculer', 'move back']) },
        { type: 'input_value', name: 'CM', check: 'Number' },
      ],
    }),
    toolbox: { kind: 'block', inputs: { CM: num(10) } },
    compile: (b, ctx) => ({
      kind: 'motors.move',
      blockId: b.id,
      direction: ctx.choice(b, 'DIRECTION', DIRECTIONS) === 'FORWARD' ? 'forward' : 'backward',
      speed: { kind: 'number', blockId: b.id, value: DISTANCE_POWER },
      seconds: ctx.distanceSeconds(b, ctx.value(b, 'CM')),
    }),
  },
  {
    type: 'robot_quarter_turn',
    kind: 'statement',
    category: 'movement',
    capability: 'motors',
    definition: customDefinition({
      type: 'robot_quarter_turn',
      category: 'movement',
      shape: 'statement',
      message0: { fr: 'tourner d’un quart de tour à %1', en: 'make a quarter turn %1' },
      tooltip: {
        fr: 'Fait tourner le robot sur place d’un quart de tour (90 degrés).',
        en: 'Spins the robot on the spot by a quarter turn (90 degrees).',
      },
      args0: [{ type: 'field_dropdown', name: 'DIRECTION', options: options(['LEFT', 'gauche', 'left'], ['RIGHT', 'droite', 'right']) }],
    }),
    toolbox: { kind: 'block' },
    compile: (b, ctx) => ({
      kind: 'motors.turn',
      blockId: b.id,
      direction: ctx.choice(b, 'DIRECTION', TURNS) === 'LEFT' ? 'left' : 'right',
      degrees: { kind: 'number', blockId: b.id, value: QUARTER_TURN_DEGREES },
    }),
  },
  {
    type: 'robot_motors',
    kind: 'statement',
    category: 'movement',
    capability: 'motors',
    definition: customDefinition({
      type: 'robot_motors',
      category: 'movement',
      shape: 'statement',
      inline: true,
      message0: { fr: 'moteurs : gauche %1 %% droite %2 %%', en: 'motors: left %1 %% right %2 %%' },
      tooltip: {
        fr: 'Règle la vitesse de chaque moteur (−100 à 100 %). Le robot continue jusqu’au prochain ordre.',
        en: 'Sets each motor’s speed (−100 to 100 %). The robot keeps going until the next order.',
      },
      args0: [
        { type: 'input_value', name: 'LEFT', check: 'Number' },
        { type: 'input_value', name: 'RIGHT', check: 'Number' },
      ],
    }),
    toolbox: { kind: 'block', inputs: { LEFT: num(50), RIGHT: num(50) } },
    compile: (b, ctx) => ({ kind: 'motors.set', blockId: b.id, left: ctx.value(b, 'LEFT'), right: ctx.value(b, 'RIGHT') }),
  },
  {
    type: 'robot_stop',
    kind: 'statement',
    category: 'movement',
    capability: 'motors',
    definition: customDefinition({
      type: 'robot_stop',
      category: 'movement',
      shape: 'statement',
      message0: { fr: 'arrêter les moteurs', en: 'stop the motors' },
      tooltip: { fr: 'Arrête les deux moteurs.', en: 'Stops both motors.' },
    }),
    toolbox: { kind: 'block' },
    compile: (b) => ({ kind: 'motors.stop', blockId: b.id }),
  },
  {
    type: 'robot_pen',
    kind: 'statement',
    category: 'movement',
    capability: 'pen',
    definition: customDefinition({
      type: 'robot_pen',
      category: 'movement',
      shape: 'statement',
      message0: { fr: '%1 le crayon', en: '%1 the pen' },
      tooltip: {
        fr: 'Baisse le crayon pour dessiner en roulant, ou lève-le pour arrêter de dessiner.',
        en: 'Puts the pen down to draw while driving, or lifts it to stop drawing.',
      },
      args0: [{ type: 'field_dropdown', name: 'STATE', options: options(['DOWN', 'baisser', 'put down'], ['UP', 'lever', 'lift']) }],
    }),
    toolbox: { kind: 'block' },
    compile: (b, ctx) => ({ kind: 'pen.set', blockId: b.id, down: ctx.choice(b, 'STATE', PEN) === 'DOWN' }),
  },
];
