/**
 * The catalog's plain-data definitions and toolbox entries, loaded into the real Blockly (headless,
 * in Node): they must define, instantiate and serialize the way SPEC §3 says.
 */
import * as Blockly from 'blockly';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockDefinitions, buildToolbox } from '../../../app/core/blocks';
import type { BlockJson, ToolboxBlock } from '../../../app/core/blocks';

beforeAll(() => {
  Blockly.common.defineBlocksWithJsonArray(blockDefinitions('fr'));
});

function toolboxBlocks(locale: 'fr' | 'en'): ToolboxBlock[] {
  return buildToolbox(locale).contents.flatMap((c) => ('contents' in c ? c.contents : []));
}

describe('catalog definitions in Blockly', () => {
  const both: BlockJson[] = [...blockDefinitions('fr'), ...blockDefinitions('en').map((d) => ({ ...d, type: `${d.type}__en` }))];

  it.each(both.map((d) => [d.type, d] as const))('%s defines and instantiates', (type, def) => {
    // English definitions are registered under another name, so as not to replace the French ones.
    if (type.endsWith('__en')) Blockly.common.defineBlocksWithJsonArray([def]);
    const ws = new Blockly.Workspace();
    const block = ws.newBlock(type);
    const names = block.inputList.flatMap((input) => [input.name, ...input.fieldRow.map((f) => f.name)]).filter(Boolean);
    const expected = ((def['args0'] ?? []) as { name?: string }[]).map((a) => a.name).filter(Boolean);
    expect(names.sort()).toEqual(expected.sort());
    if (type.startsWith('robokit_start')) {
      expect(block.previousConnection).toBeNull();
      expect(block.nextConnection).not.toBeNull();
    }
    ws.dispose();
  });

  it.each(['fr', 'en'] as const)('every %s toolbox entry loads as a block with its shadows', (locale) => {
    const ws = new Blockly.Workspace();
    for (const entry of toolboxBlocks(locale)) {
      const block = Blockly.serialization.blocks.append({ type: entry.type, inputs: entry.inputs } as Blockly.serialization.blocks.State, ws);
      for (const [name, { shadow }] of Object.entries(entry.inputs ?? {})) {
        expect(block.getInput(name)?.connection?.targetBlock()?.type, `${entry.type}.${name}`).toBe(shadow.type);
      }
    }
    expect(ws.getAllBlocks(false).length).toBeGreaterThan(toolboxBlocks(locale).length);
    ws.dispose();
  });
});
