/**
 * The top level of a Blockly workspace: its top blocks sorted into the start block, procedure
 * definitions and stacks that do not run; its variables; its procedures' names and parameters.
 */
import { blockLabels, slotLabel } from '../blocks/block-labels';
import type { DiagnosticList } from './diagnostics';
import { asRecord, isDisabled, own, ownArray, ownRecord, ownString, type JsonRecord } from './raw';

/** Top blocks, or `undefined` (with a diagnostic) when the workspace cannot be read at all. */
export function topBlocks(workspace: unknown, diagnostics: DiagnosticList): readonly unknown[] | undefined {
  const root = asRecord(workspace);
  // An empty Blockly workspace saves as `{}`.
  const blocks = root === undefined ? undefined : own(root, 'blocks');
  const list = blocks === undefined ? [] : ownArray(asRecord(blocks), 'blocks');
  if (root === undefined || list === undefined) {
    diagnostics.error('bad-workspace', null);
    return undefined;
  }
  return list;
}

export interface TopLevel {
  readonly start: JsonRecord | undefined;
  readonly definitions: readonly JsonRecord[];
}

/** Sorts the (prechecked) top blocks; disabled ones are ignored as Blockly shows them greyed out. */
export function sortTopBlocks(tops: readonly unknown[], diagnostics: DiagnosticList): TopLevel {
  let start: JsonRecord | undefined;
  const definitions: JsonRecord[] = [];
  for (const top of tops) {
    const block = asRecord(top);
    if (block === undefined || isDisabled(block)) continue;
    const type = ownString(block, 'type');
    const id = ownString(block, 'id') ?? null;
    if (type === 'robokit_start') {
      if (start === undefined) start = block;
      else diagnostics.error('many-starts', id);
    } else if (type === 'procedures_defnoreturn') definitions.push(block);
    else diagnostics.warning('unused-stack', id);
  }
  if (start === undefined) diagnostics.error('no-start', null);
  return { start, definitions };
}

/** Workspace variables, Blockly id → name (the first of duplicate ids wins). */
export function workspaceVariables(workspace: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of ownArray(asRecord(workspace), 'variables') ?? []) {
    const id = ownString(asRecord(item), 'id');
    const name = ownString(asRecord(item), 'name');
    if (id !== undefined && name !== undefined && name !== '' && !out.has(id)) out.set(id, name);
  }
  return out;
}

export interface Definition {
  readonly name: string;
  readonly id: string;
  readonly params: readonly string[];
  readonly json: JsonRecord;
}

/** Blockly 12 saves parameters as `{name, id}`. */
function paramNames(block: JsonRecord): string[] | undefined {
  const params = ownArray(ownRecord(block, 'extraState'), 'params') ?? [];
  const names = params.map((p) => ownString(asRecord(p), 'name'));
  return names.every((n): n is string => n !== undefined && n !== '') ? names : undefined;
}

/** Procedure definitions by name, with diagnostics for nameless or doubled ones. */
export function readDefinitions(blocks: readonly JsonRecord[], diagnostics: DiagnosticList): Map<string, Definition> {
  const out = new Map<string, Definition>();
  for (const json of blocks) {
    const id = ownString(json, 'id') ?? '';
    const name = ownString(ownRecord(json, 'fields'), 'NAME') ?? '';
    const params = paramNames(json);
    const block = blockLabels('procedures_defnoreturn');
    if (name === '') diagnostics.error('bad-field', id, { field: slotLabel('NAME'), block });
    else if (params === undefined) diagnostics.error('bad-field', id, { field: slotLabel('params'), block });
    else if (out.has(name)) diagnostics.error('duplicate-procedure', id, { name });
    else out.set(name, { name, id, params, json });
  }
  return out;
}

/** The names a pupil gave in this workspace: its variables and its own blocks (procedure definitions). */
export function workspaceNames(workspace: unknown): string[] {
  const names = [...workspaceVariables(workspace).values()];
  for (const top of ownArray(ownRecord(asRecord(workspace), 'blocks'), 'blocks') ?? []) {
    const block = asRecord(top);
    if (block && ownString(block, 'type') === 'procedures_defnoreturn') {
      const name = ownString(ownRecord(block, 'fields'), 'NAME');
      if (name) names.push(name);
    }
  }
  return names;
}
