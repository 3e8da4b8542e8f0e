/**
 * The golden workspaces that compile are real Blockly serializations: the real Blockly (headless, in
 * Node) loads each one, saves it again, and the saved copy compiles to the same program.
 */
import * as Blockly from 'blockly';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockDefinitions, catalogEntry } from '../../../app/core/blocks';
import { compile } from '../../../app/core/compiler';
import { findProfile } from '../../../app/core/profiles';
import { expectedProgram, loadGoldens } from './golden-files';

beforeAll(() => {
  Blockly.common.defineBlocksWithJsonArray(blockDefinitions('en'));
});

/** Blockly refuses types it does not know, even in a loose stack that never runs. */
function onlyKnownTypes(workspace: unknown): boolean {
  const types = [...JSON.stringify(workspace).matchAll(/"type":"([^"]+)"/g)].map((m) => m[1]!);
  return types.every((type) => catalogEntry(type) !== undefined);
}

const compiling = loadGoldens().filter(({ golden }) => expectedProgram(golden) !== undefined && onlyKnownTypes(golden.workspace));

describe('golden workspaces through Blockly', () => {
  it('has a good number of valid workspaces to try', () => {
    expect(compiling.length).toBeGreaterThanOrEqual(25);
  });

  it.each(compiling)('$file loads in Blockly and compiles the same after saving', ({ golden }) => {
    const workspace = new Blockly.Workspace();
    Blockly.serialization.workspaces.load(golden.workspace as object, workspace);
    const saved = Blockly.serialization.workspaces.save(workspace);
    workspace.dispose();
    const again = compile(saved, { profile: findProfile(golden.profile)! });
    expect(again.program).toEqual(expectedProgram(golden));
  });
});
