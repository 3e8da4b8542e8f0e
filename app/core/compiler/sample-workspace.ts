/**
 * A large, valid workspace for benchmarks (our compiler vs Blockly's JavaScript generator). It uses
 * Blockly's built-in blocks plus `robokit_start`, `robot_move` and `robot_turn`, so a benchmark only
 * has to register generators for those three. Literal numbers are shadows, as the toolbox makes them.
 */

type Json = Record<string, unknown>;

const VARIABLES = ['compteur', 'vitesse', 'tours', 'pas', 'score'];

class Builder {
  private next = 0;

  id(): string {
    return `b${this.next++}`;
  }

  get count(): number {
    return this.next;
  }

  block(type: string, extra: Json = {}): Json {
    return { type, id: this.id(), ...extra };
  }

  num(value: number): Json {
    return { shadow: this.block('math_number', { fields: { NUM: value } }) };
  }

  variable(index: number): Json {
    return { VAR: { id: `var-${index}` } };
  }
}

/** About 17 blocks: set, repeat { if (v > 2) move else turn; change v }. */
function unit(b: Builder, n: number): Json {
  const v = n % VARIABLES.length;
  const move = b.block('robot_move', {
    fields: { DIRECTION: 'FORWARD' },
    inputs: {
      SPEED: { block: b.block('math_arithmetic', { fields: { OP: 'ADD' }, inputs: { A: b.num(20), B: b.num(n % 30) } }) },
      SECONDS: b.num(1),
    },
  });
  const turn = b.block('robot_turn', { fields: { DIRECTION: n % 2 ? 'LEFT' : 'RIGHT' }, inputs: { DEGREES: b.num(90) } });
  const compare = b.block('logic_compare', {
    fields: { OP: 'GT' },
    inputs: { A: { block: b.block('variables_get', { fields: b.variable(v) }) }, B: b.num(2) },
  });
  const change = b.block('math_change', { fields: b.variable(v), inputs: { DELTA: b.num(1) } });
  const test = b.block('controls_if', {
    extraState: { hasElse: true },
    inputs: { IF0: { block: compare }, DO0: { block: move }, ELSE: { block: turn } },
    next: { block: change },
  });
  const repeat = b.block('controls_repeat_ext', { inputs: { TIMES: b.num(3), DO: { block: test } } });
  return b.block('variables_set', { fields: b.variable(v), inputs: { VALUE: b.num(0) }, next: { block: repeat } });
}

/** The last block of a statement sequence. */
function last(block: Json): Json {
  let current = block;
  for (let next = current['next'] as { block: Json } | undefined; next; next = current['next'] as { block: Json } | undefined) {
    current = next.block;
  }
  return current;
}

/** A valid workspace of about `blockCount` blocks (shadows included), all under the start block. */
export function makeLargeWorkspace(blockCount: number): object {
  const b = new Builder();
  const start = b.block('robokit_start', { x: 20, y: 20 });
  let tail = start;
  while (b.count + 17 <= blockCount) {
    const first = unit(b, b.count);
    tail['next'] = { block: first };
    tail = last(first);
  }
  while (b.count + 2 <= blockCount) {
    const turn = b.block('robot_turn', { fields: { DIRECTION: 'LEFT' }, inputs: { DEGREES: b.num(45) } });
    tail['next'] = { block: turn };
    tail = turn;
  }
  return {
    blocks: { languageVersion: 0, blocks: [start] },
    variables: VARIABLES.map((name, i) => ({ name, id: `var-${i}` })),
  };
}
