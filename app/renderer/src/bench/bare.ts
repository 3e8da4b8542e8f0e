/**
 * Benchmark baseline: bare Blockly 12 with French messages and RoboKit's block definitions (needed to
 * load RoboKit workspaces), nothing else. `bench/ui-open.mjs` opens the same project file here and in
 * the app through a file input, and compares the times measured the same way.
 */
import * as Blockly from 'blockly';
import * as BlocklyFr from 'blockly/msg/fr';
import { blockDefinitions, buildToolbox } from '../../../core/blocks';
import { blocklyToolbox } from '../editor/toolbox';
import { markOpened } from './marks';

Blockly.setLocale(BlocklyFr as unknown as Record<string, string>);
Blockly.common.defineBlocksWithJsonArray(blockDefinitions('fr'));
const workspace = Blockly.inject('blockly', { toolbox: blocklyToolbox(buildToolbox('fr')), media: './media/' });

const input = document.createElement('input');
input.type = 'file';
input.id = 'file-input';
input.hidden = true;
document.body.append(input);
input.addEventListener('change', () => {
  performance.mark('robokit-open-start');
  const file = input.files?.[0];
  if (!file) return;
  void file.text().then((text) => {
    const project = JSON.parse(text) as { workspace: Record<string, unknown> };
    workspace.clear();
    Blockly.serialization.workspaces.load(project.workspace, workspace);
    markOpened(workspace.getAllBlocks(false).length);
  });
});
document.body.dataset.ready = 'true';
