/**
 * The catalog's toolbox as Blockly takes it, with category icons: each category row gets
 * `rk-cat-icon rk-cat-<id>`, drawn by CSS from small inline SVGs (styles/toolbox-icons.css).
 * No emoji font is needed and nothing is fetched.
 */
import type * as Blockly from 'blockly/core';
import type { Toolbox } from '../../../core/blocks';

export function blocklyToolbox(toolbox: Toolbox): Blockly.utils.toolbox.ToolboxDefinition {
  const withIcons = {
    ...toolbox,
    contents: toolbox.contents.map((c) => ({
      ...c,
      cssconfig: { icon: `rk-cat-icon rk-cat-${c.toolboxitemid}` },
    })),
  };
  // The catalog's types are readonly plain data of the same shape Blockly reads.
  return withIcons as unknown as Blockly.utils.toolbox.ToolboxDefinition;
}
