/**
 * Compile a 2,000-block workspace: RoboKit's compiler (Blockly JSON → IR) vs Blockly's own
 * JavaScript generator on a headless workspace holding the same blocks. Goals (issue #2): ours
 * under 10 ms and at least 5× faster than Blockly's generator.
 */
import * as Blockly from 'blockly';
import { javascriptGenerator, Order } from 'blockly/javascript';
import { blockDefinitions } from '../app/core/blocks';
import { compile, makeLargeWorkspace } from '../app/core/compiler';
import { findProfile } from '../app/core/profiles';
import { fmt, median, report, timeRuns } from './stats';

const BLOCKS = 2000;
const RUNS = 60;

function registerBlockly(): void {
  Blockly.common.defineBlocksWithJsonArray(blockDefinitions('fr') as object[]);
  const gen = javascriptGenerator;
  gen.forBlock['robokit_start'] = () => '';
  gen.forBlock['robot_move'] = (block, g) => {
    const speed = g.valueToCode(block, 'SPEED', Order.NONE) || '0';
    const seconds = g.valueToCode(block, 'SECONDS', Order.NONE) || '0';
    return `await robot.move('${block.getFieldValue('DIRECTION')}', ${speed}, ${seconds});\n`;
  };
  gen.forBlock['robot_turn'] = (block, g) => {
    const degrees = g.valueToCode(block, 'DEGREES', Order.NONE) || '0';
    return `await robot.turn('${block.getFieldValue('DIRECTION')}', ${degrees});\n`;
  };
}

async function main(): Promise<number> {
  const workspaceJson = makeLargeWorkspace(BLOCKS);
  const profile = findProfile('arduino-2wd')!;

  const check = compile(workspaceJson, { profile });
  if (!check.program || check.diagnostics.some((d) => d.severity === 'error')) {
    console.error('the benchmark workspace does not compile', check.diagnostics.slice(0, 3));
    return 2;
  }

  registerBlockly();
  const workspace = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(workspaceJson, workspace);
  const loaded = workspace.getAllBlocks(false).length;

  // Interleave the two so that machine noise hits both alike.
  const ours: number[] = [];
  const blockly: number[] = [];
  for (let i = 0; i < 5; i++) {
    ours.push(...(await timeRuns(() => compile(workspaceJson, { profile }), RUNS / 5)));
    blockly.push(...(await timeRuns(() => javascriptGenerator.workspaceToCode(workspace), RUNS / 5)));
  }
  const oursMs = median(ours);
  const blocklyMs = median(blockly);
  const ratio = blocklyMs / oursMs;
  console.log(`workspace: ${loaded} blocks in Blockly, ${BLOCKS} asked; ${RUNS} runs each`);
  console.log(`RoboKit compiler median ${fmt(oursMs)}; Blockly JavaScript generator median ${fmt(blocklyMs)}`);
  return report('Compiler benchmark', [
    { name: 'RoboKit compiler on 2,000 blocks', ok: oursMs < 10, figure: fmt(oursMs), target: '< 10 ms', quiet: true },
    {
      name: 'Speed-up over Blockly generator',
      ok: ratio >= 5,
      figure: fmt(oursMs),
      baseline: `Blockly generator ${fmt(blocklyMs)}`,
      ratio: `${ratio.toFixed(1)}×`,
      target: '≥ 5×',
      quiet: true,
    },
  ]);
}

process.exitCode = await main();
