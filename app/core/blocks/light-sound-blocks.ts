/** Lumière et son / Light & sound. */
import { customDefinition, num, options } from './define';
import type { CatalogEntry } from './types';

const LED = ['ON', 'OFF'] as const;

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
      message0: { fr: 'lumière %1', en: 'light %1' },
      tooltip: { fr: 'Allume ou éteint la lumière du robot.', en: 'Turns the robot’s light on or off.' },
      args0: [{ type: 'field_dropdown', name: 'STATE', options: options(['ON', 'allumée', 'on'], ['OFF', 'éteinte', 'off']) }],
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
      message0: { fr: 'jouer un son de %1 Hz pendant %2 s', en: 'play a sound of %1 Hz for %2 s' },
      tooltip: {
        fr: 'Joue une note (440 Hz, c’est le la) pendant ce nombre de secondes, puis continue.',
        en: 'Plays a note (440 Hz is an A) for this many seconds, then carries on.',
      },
      args0: [
        { type: 'input_value', name: 'FREQUENCY', check: 'Number' },
        { type: 'input_value', name: 'SECONDS', check: 'Number' },
      ],
    }),
    toolbox: { kind: 'block', inputs: { FREQUENCY: num(440), SECONDS: num(0.5) } },
    compile: (b, ctx) => ({
      kind: 'sound.beep',
      blockId: b.id,
      frequency: ctx.value(b, 'FREQUENCY'),
      seconds: ctx.value(b, 'SECONDS'),
    }),
  },
];
