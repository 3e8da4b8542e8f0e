/** Logique / Logic and Maths: Blockly's own blocks. */
import type { ArithOp, CompareOp } from '../ir';
import { num } from './define';
import type { CatalogEntry } from './types';

const COMPARE_OPS: readonly CompareOp[] = ['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE'];
const LOGIC_OPS = ['AND', 'OR'] as const;
const ARITH_OPS: readonly ArithOp[] = ['ADD', 'MINUS', 'MULTIPLY', 'DIVIDE', 'POWER'];
const BOOLEANS = ['TRUE', 'FALSE'] as const;

export const LOGIC_MATH_BLOCKS: readonly CatalogEntry[] = [
  {
    type: 'logic_compare',
    kind: 'value',
    category: 'logic',
    capability: null,
    definition: 'blockly-builtin',
    toolbox: { kind: 'block', inputs: { A: num(0), B: num(0) } },
    compile: (b, ctx) => ({
      kind: 'compare',
      blockId: b.id,
      op: ctx.choice(b, 'OP', COMPARE_OPS),
      a: ctx.value(b, 'A'),
      b: ctx.value(b, 'B'),
    }),
  },
  {
    type: 'logic_operation',
    kind: 'value',
    category: 'logic',
    capability: null,
    definition: 'blockly-builtin',
    toolbox: { kind: 'block' },
    compile: (b, ctx) => ({
      kind: 'logic',
      blockId: b.id,
      op: ctx.choice(b, 'OP', LOGIC_OPS),
      a: ctx.value(b, 'A'),
      b: ctx.value(b, 'B'),
    }),
  },
  {
    type: 'logic_negate',
    kind: 'value',
    category: 'logic',
    capability: null,
    definition: 'blockly-builtin',
    toolbox: { kind: 'block' },
    compile: (b, ctx) => ({ kind: 'not', blockId: b.id, value: ctx.value(b, 'BOOL') }),
  },
  {
    type: 'logic_boolean',
    kind: 'value',
    category: 'logic',
    capability: null,
    definition: 'blockly-builtin',
    toolbox: { kind: 'block' },
    compile: (b, ctx) => ({ kind: 'boolean', blockId: b.id, value: ctx.choice(b, 'BOOL', BOOLEANS) === 'TRUE' }),
  },
  {
    type: 'math_number',
    kind: 'value',
    category: 'maths',
    capability: null,
    definition: 'blockly-builtin',
    toolbox: { kind: 'block' },
    compile: (b, ctx) => ({ kind: 'number', blockId: b.id, value: ctx.numberField(b, 'NUM') }),
  },
  {
    type: 'math_arithmetic',
    kind: 'value',
    category: 'maths',
    capability: null,
    definition: 'blockly-builtin',
    toolbox: { kind: 'block', inputs: { A: num(1), B: num(1) } },
    compile: (b, ctx) => ({
      kind: 'arith',
      blockId: b.id,
      op: ctx.choice(b, 'OP', ARITH_OPS),
      a: ctx.value(b, 'A'),
      b: ctx.value(b, 'B'),
    }),
  },
  {
    type: 'math_random_int',
    kind: 'value',
    category: 'maths',
    capability: null,
    definition: 'blockly-builtin',
    toolbox: { kind: 'block', inputs: { FROM: num(1), TO: num(100) } },
    compile: (b, ctx) => ({ kind: 'random', blockId: b.id, from: ctx.value(b, 'FROM'), to: ctx.value(b, 'TO') }),
  },
];
