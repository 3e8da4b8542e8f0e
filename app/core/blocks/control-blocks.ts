/** Contrôle / Control: start, waits and loops, and Blockly's `if`. */
import type { IfBranch, Stmt } from '../ir';
import type { BlockContext, RawBlock } from '../compiler/context';
import { own, ownKeys, ownRecord } from '../compiler/raw';
import { customDefinition, num } from './define';
import type { CatalogEntry } from './types';

const WHILE_MODES = ['WHILE', 'UNTIL'] as const;

/** `extraState.elseIfCount`, bounded by the inputs really present (a file may claim a billion). */
function elseIfCount(b: RawBlock): number {
  const count = own(ownRecord(b.json, 'extraState'), 'elseIfCount');
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return 0;
  return Math.min(count, ownKeys(ownRecord(b.json, 'inputs')).length);
}

function compileIf(b: RawBlock, ctx: BlockContext): Stmt {
  const branches: IfBranch[] = [];
  for (let i = 0; i <= elseIfCount(b); i++) {
    branches.push({ condition: ctx.value(b, `IF${i}`), body: ctx.statements(b, `DO${i}`) });
  }
  const hasElse = own(ownRecord(b.json, 'extraState'), 'hasElse') === true;
  return { kind: 'if', blockId: b.id, branches, otherwise: hasElse ? ctx.statements(b, 'ELSE') : null };
}

export const CONTROL_BLOCKS: readonly CatalogEntry[] = [
  {
    type: 'robokit_start',
    kind: 'hat',
    category: 'control',
    capability: null,
    definition: customDefinition({
      type: 'robokit_start',
      category: 'control',
      shape: 'hat',
      message0: { fr: 'quand je démarre', en: 'when I start' },
      tooltip: {
        fr: 'Le programme du robot commence ici. Accroche tes blocs en dessous.',
        en: 'The robot’s program starts here. Snap your blocks underneath.',
      },
    }),
    toolbox: { kind: 'block' },
    compile: 'start-body',
  },
  {
    type: 'robokit_wait',
    kind: 'statement',
    category: 'control',
    capability: null,
    definition: customDefinition({
      type: 'robokit_wait',
      category: 'control',
      shape: 'statement',
      inline: true,
      message0: { fr: 'attendre %1 s', en: 'wait %1 s' },
      tooltip: { fr: 'Attend ce nombre de secondes avant le bloc suivant.', en: 'Waits this many seconds before the next block.' },
      args0: [{ type: 'input_value', name: 'SECONDS', check: 'Number' }],
    }),
    toolbox: { kind: 'block', inputs: { SECONDS: num(1) } },
    compile: (b, ctx) => ({ kind: 'wait', blockId: b.id, seconds: ctx.value(b, 'SECONDS') }),
  },
  {
    type: 'robokit_wait_until',
    kind: 'statement',
    category: 'control',
    capability: null,
    definition: customDefinition({
      type: 'robokit_wait_until',
      category: 'control',
      shape: 'statement',
      inline: true,
      message0: { fr: 'attendre jusqu’à %1', en: 'wait until %1' },
      tooltip: { fr: 'Attend que la condition devienne vraie.', en: 'Waits until the condition becomes true.' },
      args0: [{ type: 'input_value', name: 'CONDITION', check: 'Boolean' }],
    }),
    toolbox: { kind: 'block' },
    compile: (b, ctx) => ({ kind: 'wait.until', blockId: b.id, condition: ctx.value(b, 'CONDITION') }),
  },
  {
    type: 'robokit_forever',
    kind: 'statement',
    category: 'control',
    capability: null,
    // Nothing can follow a forever loop, so it has no next connection.
    definition: customDefinition({
      type: 'robokit_forever',
      category: 'control',
      shape: 'last',
      message0: { fr: 'répéter pour toujours %1 %2', en: 'repeat forever %1 %2' },
      tooltip: { fr: 'Répète les blocs à l’intérieur sans jamais s’arrêter.', en: 'Repeats the blocks inside, never stopping.' },
      args0: [{ type: 'input_dummy' }, { type: 'input_statement', name: 'DO' }],
    }),
    toolbox: { kind: 'block' },
    compile: (b, ctx) => ({ kind: 'forever', blockId: b.id, body: ctx.statements(b, 'DO') }),
  },
  {
    type: 'controls_repeat_ext',
    kind: 'statement',
    category: 'control',
    capability: null,
    definition: 'blockly-builtin',
    toolbox: { kind: 'block', inputs: { TIMES: num(4) } },
    compile: (b, ctx) => ({ kind: 'repeat', blockId: b.id, times: ctx.value(b, 'TIMES'), body: ctx.statements(b, 'DO') }),
  },
  {
    type: 'controls_whileUntil',
    kind: 'statement',
    category: 'control',
    capability: null,
    definition: 'blockly-builtin',
    toolbox: { kind: 'block' },
    compile: (b, ctx) => ({
      kind: 'while',
      blockId: b.id,
      until: ctx.choice(b, 'MODE', WHILE_MODES) === 'UNTIL',
      condition: ctx.value(b, 'BOOL'),
      body: ctx.statements(b, 'DO'),
    }),
  },
  {
    type: 'controls_if',
    kind: 'statement',
    category: 'control',
    capability: null,
    definition: 'blockly-builtin',
    toolbox: { kind: 'block' },
    compile: compileIf,
  },
];
