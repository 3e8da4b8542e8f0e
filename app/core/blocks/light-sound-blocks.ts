/** Lumière et son / Light & sound. */
import { customDefinition, num, options } from './define';
import type { CatalogEntry } from './types';

const LED = ['ON', 'OFF'] as const;

/** The scale a child knows, with its pitch: do ré mi… beside the hertz the buzzer plays. */
const NOTES = [
  ['262', 'do', 'C'],
  ['294', 'ré', 'D'],
  ['330', 'mi', 'E'],
  ['349', 'fa', 'F'],
  ['392', 'sol', 'G'],
  ['440', 'la', 'A'],
  ['494', 'si', 'B'],
  ['523', 'do aigu', 'high C'],
] as const;
const NOTE_VALUES = NOTES.map(([hz]) => hz);

export const LIGHT_SOUND_BLOCKS: readonly CatalogEntry[] = [
  {
    type: 'robot_led',
    kind: 'statement',
    category: 'lightSound',
    capability: 'light',
    definition: customDefinition({
      type: 'robot_led',
      category: 'lightSound',
      shape: 'statement',
      message0: { fr: '%1 la lumière', en: '%1 the light' },
      tooltip: { fr: 'Allume ou éteint la lumière du robot.', en: 'Turns the robot’s light on or off.' },
      args0: [{ type: 'field_dropdown', name: 'STATE', options: options(['ON', 'allumer', 'turn on'], ['OFF', 'éteindre', 'turn off']) }],
    }),
    toolbox: { kind: 'block' },
    compile: (b, ctx) => ({ kind: 'light.set', blockId: b.id, on: ctx.choice(b, 'STATE', LED) === 'ON' }),
  },
  {
    type: 'robot_beep',
    kind: 'statement',
    category: 'lightSound',
    capability: 'sound',
    definition: customDefinition({
      type: 'robot_beep',
      category: 'lightSound',
      shape: 'statement',
      inline: true,
      message0: { fr: 'jouer %1 pendant %2 s', en: 'play %1 for %2 s' },
      tooltip: {
        fr: 'Joue une note (ou un nombre de hertz : 440, c’est le la) pendant ce nombre de secondes, puis continue.',
        en: 'Plays a note (or a number of hertz: 440 is an A) for this many seconds, then carries on.',
      },
      args0: [
        { type: 'input_value', name: 'FREQUENCY', check: 'Number' },
        { type: 'input_value', name: 'SECONDS', check: 'Number' },
      ],
    }),
    toolbox: { kind: 'block', inputs: { FREQUENCY: { type: 'robokit_note', value: 440 }, SECONDS: num(0.5) } },
    compile: (b, ctx) => ({
      kind: 'sound.beep',
      blockId: b.id,
      frequency: ctx.value(b, 'FREQUENCY'),
      seconds: ctx.value(b, 'SECONDS'),
    }),
  },
  {
    type: 'robokit_note',
    kind: 'value',
    category: 'lightSound',
    capability: null,
    definition: customDefinition({
      type: 'robokit_note',
      category: 'lightSound',
      shape: { output: 'Number' },
      message0: { fr: 'la note %1', en: 'the note %1' },
      tooltip: {
        fr: 'Une note de la gamme, avec sa hauteur en hertz (Hz).',
        en: 'A note of the scale, with its pitch in hertz (Hz).',
      },
      args0: [
        {
          type: 'field_dropdown',
          name: 'NOTE',
          options: NOTES.map(([hz, fr, en]) => [{ fr: `${fr} (${hz} Hz)`, en: `${en} (${hz} Hz)` }, hz] as const),
        },
      ],
    }),
    toolbox: { kind: 'block' },
    compile: (b, ctx) => ({ kind: 'number', blockId: b.id, value: Number(ctx.choice(b, 'NOTE', NOTE_VALUES)) }),
  },
];
