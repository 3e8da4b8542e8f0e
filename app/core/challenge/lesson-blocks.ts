/**
 * The blocks of a pupil's workspace, seen from a lesson: which ones the lesson's toolbox does not
 * offer, and how many blocks the program has (for stars). Shadows (the editable numbers and texts
 * inside inputs) are part of their block: they are neither checked nor counted.
 */
import { CATALOG } from '../blocks/catalog';
import { CATEGORIES } from '../blocks/categories';
import { asRecord, isDisabled, own, ownArray, ownRecord, ownString, type JsonRecord } from '../compiler/raw';
import type { Toolbox } from '../lessons/types';

/** More blocks than any lesson needs; beyond it the walk stops (a damaged or hostile file). */
export const MAX_CHECKED_BLOCKS = 50_000;

/**
 * Block types a lesson allows: its toolbox, `robokit_start`, and for Blockly's dynamic categories
 * (Variables, Functions) all their blocks as soon as one is allowed, as the editor shows them.
 */
export function allowedBlockTypes(toolbox: Toolbox): Set<string> {
  const allowed = new Set<string>(['robokit_start']);
  for (const item of toolbox) for (const type of typeof item === 'string' ? [item] : item.blocks) allowed.add(type);
  for (const category of CATEGORIES) {
    if (!category.custom) continue;
    const members = CATALOG.filter((e) => e.category === category.id).map((e) => e.type);
    if (members.some((t) => allowed.has(t))) members.forEach((t) => allowed.add(t));
  }
  return allowed;
}

export interface WorkspaceBlock {
  readonly id: string;
  readonly type: string;
}

export interface BlockSurvey {
  /** Blocks whose type the toolbox does not offer, in document order. */
  readonly notAllowed: readonly WorkspaceBlock[];
  /** Blocks the program runs from (the start stack and function definitions), without the start block. */
  readonly blockCount: number;
  /** The walk stopped at MAX_CHECKED_BLOCKS. */
  readonly truncated: boolean;
}

export function surveyBlocks(workspace: unknown, allowed: ReadonlySet<string>): BlockSurvey {
  const tops = ownArray(ownRecord(asRecord(workspace), 'blocks'), 'blocks') ?? [];
  const notAllowed: WorkspaceBlock[] = [];
  let blockCount = 0;
  let seen = 0;
  const seenObjects = new Set<object>();
  for (const top of tops) {
    const record = asRecord(top);
    const topType = ownString(record, 'type');
    const runs = record !== undefined && !isDisabled(record) && (topType === 'robokit_start' || topType === 'procedures_defnoreturn');
    // Depth-first, iterative: a 100,000-deep program cannot overflow the stack.
    const stack: unknown[] = [top];
    while (stack.length > 0) {
      const block = asRecord(stack.pop());
      if (block === undefined || seenObjects.has(block)) continue;
      seenObjects.add(block);
      if (++seen > MAX_CHECKED_BLOCKS) return { notAllowed, blockCount, truncated: true };
      const type = ownString(block, 'type') ?? '';
      if (!allowed.has(type)) notAllowed.push({ id: ownString(block, 'id') ?? '', type });
      if (runs && type !== 'robokit_start') blockCount++;
      pushRealChildren(block, stack);
    }
  }
  return { notAllowed, blockCount, truncated: false };
}

/** Real blocks in inputs and next (shadows skipped), pushed so they pop in document order. */
function pushRealChildren(block: JsonRecord, stack: unknown[]): void {
  const next = own(ownRecord(block, 'next'), 'block');
  if (next != null) stack.push(next);
  const inputs = ownRecord(block, 'inputs');
  if (inputs === undefined) return;
  const children: unknown[] = [];
  for (const name of Object.keys(inputs).slice(0, 10_000)) {
    const child = own(ownRecord(inputs, name), 'block');
    if (child != null) children.push(child);
  }
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
}
