/**
 * Blocks drawn inside lesson text. The host turns `{{block:TYPE}}` into a placeholder
 * `<span class="robokit-block robokit-block-TYPE">label</span>`; here each placeholder gets the real
 * block, drawn by Blockly with the editor's renderer, theme and current words (so « avancer » in
 * French, "move forward" in English), as an inline SVG picture. The label stays for screen readers.
 *
 * Blockly draws the block in one hidden workspace kept for the page (its SVG filters and patterns are
 * referenced by id from the copies); each picture is a copy of the block's SVG group, wrapped in the
 * CSS classes Blockly's styles are scoped by.
 */
import * as Blockly from 'blockly';
import { buildToolbox, type ToolboxBlock } from '../../../core/blocks';
import { catalogEntry } from '../../../core/blocks/catalog';
import { themeFor, type Appearance } from '../editor/themes';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PLACEHOLDER = 'robokit-block';

let hidden: { ws: Blockly.WorkspaceSvg; host: HTMLElement; theme: string } | null = null;

/** The hidden workspace, (re)made for `appearance`'s theme. */
function workspace(appearance: Appearance): { ws: Blockly.WorkspaceSvg; host: HTMLElement } {
  const theme = themeFor(appearance);
  if (hidden && hidden.theme === theme.name) return hidden;
  hidden?.ws.dispose();
  hidden?.host.remove();
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  // Kept rendered when printing (print.css): the drawn blocks use its SVG filters.
  host.className = 'rk-block-defs';
  host.style.cssText = 'position:absolute;left:-10000px;top:0;width:900px;height:600px;visibility:hidden;';
  document.body.append(host);
  const ws = Blockly.inject(host, { renderer: 'geras', theme, readOnly: false, trashcan: false, zoom: { startScale: 1 }, sounds: false });
  hidden = { ws, host, theme: theme.name };
  return hidden;
}

/** The toolbox entry of `type` (with its default values), found in the full toolbox. */
function toolboxBlock(type: string): ToolboxBlock | undefined {
  for (const category of buildToolbox('fr').contents) {
    if ('contents' in category) {
      const found = category.contents.find((b) => b.type === type);
      if (found) return found;
    }
  }
  return undefined;
}

/** Blockly JSON for a block shown alone: the toolbox's defaults, a sample variable or name. */
function blockJson(type: string, ws: Blockly.WorkspaceSvg): Blockly.serialization.blocks.State {
  const entry = toolboxBlock(type);
  const inputs = entry?.inputs ? Object.fromEntries(Object.entries(entry.inputs).map(([k, v]) => [k, { shadow: v.shadow }])) : undefined;
  const json: Record<string, unknown> = { type, ...(inputs ? { inputs } : {}) };
  const state = json as unknown as Blockly.serialization.blocks.State;
  const variable = () => {
    const name = Blockly.Msg['VARIABLES_DEFAULT_NAME'] ?? 'item';
    const v = ws.getVariableMap().getVariable(name) ?? ws.getVariableMap().createVariable(name);
    return { id: v.getId() };
  };
  if (type === 'variables_get') json['fields'] = { VAR: variable() };
  if (type === 'variables_set') json['fields'] = { VAR: variable() };
  if (type === 'math_change') Object.assign(json, { fields: { VAR: variable() }, inputs: { DELTA: { shadow: { type: 'math_number', fields: { NUM: 1 } } } } });
  if (type === 'variables_set') json['inputs'] = { VALUE: { shadow: { type: 'math_number', fields: { NUM: 0 } } } };
  if (type === 'procedures_defnoreturn') json['fields'] = { NAME: Blockly.Msg['PROCEDURES_DEFNORETURN_PROCEDURE'] ?? 'my block' };
  if (type === 'procedures_callnoreturn') json['extraState'] = { name: Blockly.Msg['PROCEDURES_DEFNORETURN_PROCEDURE'] ?? 'my block' };
  if (type === 'controls_repeat_ext') json['inputs'] = { TIMES: { shadow: { type: 'math_number', fields: { NUM: 4 } } } };
  return state;
}

/** One block drawn as an SVG picture, or null for a type Blockly cannot draw. */
export function blockPicture(type: string, appearance: Appearance): SVGSVGElement | null {
  if (!catalogEntry(type)) return null;
  const { ws, host } = workspace(appearance);
  let block: Blockly.BlockSvg;
  try {
    Blockly.Events.disable();
    if (type === 'procedures_callnoreturn' && !ws.getAllBlocks(false).some((b) => b.type === 'procedures_defnoreturn')) {
      Blockly.serialization.blocks.append(blockJson('procedures_defnoreturn', ws), ws);
    }
    block = Blockly.serialization.blocks.append(blockJson(type, ws), ws) as Blockly.BlockSvg;
  } catch {
    return null;
  } finally {
    Blockly.Events.enable();
  }
  block.render();
  const { width, height } = block.getHeightWidth();
  const copy = block.getSvgRoot().cloneNode(true) as SVGGElement;
  copy.removeAttribute('transform');
  block.dispose(false);
  const svg = document.createElementNS(SVG_NS, 'svg');
  // Hats and statement notches draw a little outside the block's box.
  const pad = 4;
  const top = type === 'robokit_start' || type === 'procedures_defnoreturn' ? 22 : 0;
  svg.setAttribute('viewBox', `${-pad} ${-pad - top} ${width + 2 * pad} ${height + 2 * pad + top}`);
  svg.setAttribute('width', String(Math.ceil(width + 2 * pad)));
  svg.setAttribute('height', String(Math.ceil(height + 2 * pad + top)));
  svg.setAttribute('class', 'rk-block-picture');
  // A picture of words read out beside it (the visually hidden label): screen readers skip the drawing.
  svg.setAttribute('aria-hidden', 'true');
  svg.append(copy);
  // Blockly's CSS is scoped by the renderer's and theme's classes on the injection div.
  const scope = host.querySelector('.injectionDiv')?.className ?? '';
  const wrap = document.createElement('span');
  wrap.className = `${scope} rk-block-scope`;
  wrap.append(svg);
  return wrap as unknown as SVGSVGElement;
}

/** Replaces every block placeholder under `root` with the block drawn; returns how many were drawn. */
export function drawBlocks(root: ParentNode, appearance: Appearance): number {
  let drawn = 0;
  for (const span of root.querySelectorAll<HTMLElement>(`span.${PLACEHOLDER}`)) {
    const type = [...span.classList].find((c) => c.startsWith(`${PLACEHOLDER}-`))?.slice(PLACEHOLDER.length + 1);
    if (!type || span.querySelector('.rk-block-picture')) continue;
    const picture = blockPicture(type, appearance);
    if (!picture) continue;
    const label = span.textContent ?? type;
    picture.setAttribute('title', label);
    span.replaceChildren(picture, Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: label }));
    span.classList.add('robokit-block-drawn');
    drawn++;
  }
  return drawn;
}
