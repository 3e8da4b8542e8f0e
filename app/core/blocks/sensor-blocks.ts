/** Capteurs / Sensors: value blocks reading the robot's sensors. */
import { customDefinition, options } from './define';
import type { CatalogEntry } from './types';

const SIDES = ['LEFT', 'RIGHT'] as const;

export const SENSOR_BLOCKS: readonly CatalogEntry[] = [
  {
    type: 'robot_distance',
    kind: 'value',
    category: 'sensors',
    capability: 'distance',
    definition: customDefinition({
      type: 'robot_distance',
      category: 'sensors',
      shape: { output: 'Number' },
      message0: { fr: 'distance devant (cm)', en: 'distance ahead (cm)' },
      tooltip: {
        fr: 'La distance jusqu’à l’obstacle devant le robot, en centimètres.',
        en: 'How far the obstacle in front of the robot is, in centimetres.',
      },
    }),
    toolbox: { kind: 'block' },
    compile: (b) => ({ kind: 'sensor.distance', blockId: b.id }),
  },
  {
    type: 'robot_line',
    kind: 'value',
    category: 'sensors',
    capability: 'line',
    definition: customDefinition({
      type: 'robot_line',
      category: 'sensors',
      shape: { output: 'Boolean' },
      message0: { fr: 'ligne noire à %1', en: 'dark line on the %1' },
      tooltip: {
        fr: 'Vrai quand le capteur de ce côté voit la ligne noire.',
        en: 'True when the sensor on this side sees the dark line.',
      },
      args0: [{ type: 'field_dropdown', name: 'SIDE', options: options(['LEFT', 'gauche', 'left'], ['RIGHT', 'droite', 'right']) }],
    }),
    toolbox: { kind: 'block' },
    compile: (b, ctx) => ({ kind: 'sensor.line', blockId: b.id, side: ctx.choice(b, 'SIDE', SIDES) === 'LEFT' ? 'left' : 'right' }),
  },
  {
    type: 'robot_light',
    kind: 'value',
    category: 'sensors',
    capability: 'lightSensor',
    definition: customDefinition({
      type: 'robot_light',
      category: 'sensors',
      shape: { output: 'Number' },
      message0: { fr: 'lumière ambiante', en: 'ambient light' },
      tooltip: {
        fr: 'La lumière autour du robot, de 0 (noir) à 100 (très clair).',
        en: 'The light around the robot, from 0 (dark) to 100 (very bright).',
      },
    }),
    toolbox: { kind: 'block' },
    compile: (b) => ({ kind: 'sensor.light', blockId: b.id }),
  },
  {
    type: 'robot_button',
    kind: 'value',
    category: 'sensors',
    capability: 'button',
    definition: customDefinition({
      type: 'robot_button',
      category: 'sensors',
      shape: { output: 'Boolean' },
      message0: { fr: 'bouton appuyé', en: 'button pressed' },
      tooltip: { fr: 'Vrai quand on appuie sur le bouton du robot.', en: 'True while the robot’s button is pressed.' },
    }),
    toolbox: { kind: 'block' },
    compile: (b) => ({ kind: 'sensor.button', blockId: b.id }),
  },
];
