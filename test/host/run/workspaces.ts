/** Small Blockly workspaces for the run-engine tests. */
import type { WorkspaceJson } from '../../../app/shared/api';

type Block = Record<string, unknown>;

/** `robokit_start` followed by `blocks`, one after the other. */
export function stack(...blocks: Block[]): WorkspaceJson {
  let next: Block | undefined;
  for (const block of [...blocks].reverse()) next = { ...block, ...(next ? { next: { block: next } } : {}) };
  return { blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', x: 0, y: 0, ...(next ? { next: { block: next } } : {}) }] } };
}

export const num = (id: string, n: number) => ({ shadow: { type: 'math_number', id, fields: { NUM: n } } });

export const move = (id: string, speed: number, seconds: number): Block => ({
  type: 'robot_move',
  id,
  fields: { DIRECTION: 'FORWARD' },
  inputs: { SPEED: num(`${id}-speed`, speed), SECONDS: num(`${id}-s`, seconds) },
});

export const turnLeft = (id: string, degrees: number): Block => ({
  type: 'robot_turn',
  id,
  fields: { DIRECTION: 'LEFT' },
  inputs: { DEGREES: num(`${id}-deg`, degrees) },
});

export const penDown: Block = { type: 'robot_pen', id: 'pen', fields: { STATE: 'DOWN' } };

/** `x ← x + 1`, a statement that takes no time. */
export const increment = (id: string): Block => ({
  type: 'math_change',
  id,
  fields: { VAR: { id: 'x' } },
  inputs: { DELTA: num(`${id}-d`, 1) },
});

/** `forever { body… }` without any wait: the program that floods. */
export function foreverWithoutWaits(...body: Block[]): WorkspaceJson {
  let inner: Block | undefined;
  for (const block of [...body].reverse()) inner = { ...block, ...(inner ? { next: { block: inner } } : {}) };
  const ws = stack({ type: 'robokit_forever', id: 'loop', inputs: { DO: { block: inner } } });
  return { ...ws, variables: [{ name: 'x', id: 'x' }] };
}
