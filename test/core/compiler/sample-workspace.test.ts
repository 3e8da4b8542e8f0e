import * as Blockly from 'blockly';
import { javascriptGenerator, Order } from 'blockly/javascript';
import { describe, expect, it } from 'vitest';
import { blockDefinitions } from '../../../app/core/blocks';
import { compile, makeLargeWorkspace } from '../../../app/core/compiler';
import { BUILT_IN_PROFILES } from '../../../app/core/profiles';

/** Blocks in a saved workspace, shadows included, counted without recursion. */
function countBlocks(workspace: object): { count: number; types: Set<string> } {
  const types = new Set<string>();
  let count = 0;
  const todo: unknown[] = [workspace];
  for (let x = todo.pop(); x !== undefined; x = todo.pop()) {
    if (typeof x !== 'object' || x === null) continue;
    const record = x as Record<string, unknown>;
    if (typeof record['type'] === 'string' && typeof record['id'] === 'string') {
      count++;
      types.add(record['type']);
    }
    todo.push(...Object.values(record));
  }
  return { count, types };
}

describe('makeLargeWorkspace', () => {
  it.each([50, 500, 2000])('builds a valid workspace of about %i blocks', (n) => {
    const workspace = makeLargeWorkspace(n);
    const { count } = countBlocks(workspace);
    expect(count).toBeLessThanOrEqual(n);
    expect(count).toBeGreaterThanOrEqual(n - 2);
    const result = compile(workspace, { profile: BUILT_IN_PROFILES['sim']! });
    expect(result.diagnostics).toEqual([]);
    expect(result.program!.variables.length).toBeGreaterThan(0);
  });

  it('uses Blockly built-ins plus robokit_start, robot_move and robot_turn only', () => {
    expect([...countBlocks(makeLargeWorkspace(500)).types].sort()).toEqual([
      'controls_if', 'controls_repeat_ext', 'logic_compare', 'math_arithmetic', 'math_change', 'math_number',
      'robokit_start', 'robot_move', 'robot_turn', 'variables_get', 'variables_set',
    ]);
  });

  it('loads in Blockly with the same block count, and Blockly’s JavaScript generator runs on it', () => {
    Blockly.common.defineBlocksWithJsonArray(blockDefinitions('en'));
    javascriptGenerator.forBlock['robokit_start'] = () => '';
    javascriptGenerator.forBlock['robot_move'] = (block, gen) =>
      `move(${gen.valueToCode(block, 'SPEED', Order.NONE)}, ${gen.valueToCode(block, 'SECONDS', Order.NONE)});\n`;
    javascriptGenerator.forBlock['robot_turn'] = (block, gen) => `turn(${gen.valueToCode(block, 'DEGREES', Order.NONE)});\n`;
    const saved = makeLargeWorkspace(1000);
    const workspace = new Blockly.Workspace();
    Blockly.serialization.workspaces.load(saved, workspace);
    expect(workspace.getAllBlocks(false).length).toBe(countBlocks(saved).count);
    const code = javascriptGenerator.workspaceToCode(workspace);
    expect(code).toContain('move(');
    expect(code).toContain('turn(');
    workspace.dispose();
  });
});
