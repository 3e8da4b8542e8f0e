/**
 * What the editor needs from the catalog: the custom blocks' JSON definitions in one language, and a
 * category toolbox for a robot profile and, in a lesson, its allowed blocks.
 */
import type { Capability } from '../ir';
import type { Locale } from '../i18n/messages';
import { CATALOG } from './catalog';
import { CATEGORIES } from './categories';
import type { BlockJson, CatalogEntry, Category, ShadowSpec } from './types';

export interface ToolboxBlock {
  readonly kind: 'block';
  readonly type: string;
  readonly inputs?: Readonly<Record<string, { readonly shadow: { readonly type: string; readonly fields: Readonly<Record<string, unknown>> } }>>;
}

export type ToolboxCategory =
  | { readonly kind: 'category'; readonly name: string; readonly colour: string; readonly toolboxitemid: string; readonly contents: readonly ToolboxBlock[] }
  | { readonly kind: 'category'; readonly name: string; readonly colour: string; readonly toolboxitemid: string; readonly custom: 'VARIABLE' | 'PROCEDURE' };

export interface Toolbox {
  readonly kind: 'categoryToolbox';
  readonly contents: readonly ToolboxCategory[];
}

export interface ToolboxOptions {
  /** The profile's capabilities: blocks needing another one are hidden. All shown when absent. */
  readonly capabilities?: readonly Capability[];
  /** A lesson's allowed block types. `robokit_start` is always kept so it can be put back. */
  readonly allowedTypes?: readonly string[];
}

/** Blockly JSON definitions of RoboKit's own blocks (Blockly defines its built-ins itself). */
export function blockDefinitions(locale: Locale): BlockJson[] {
  const out: BlockJson[] = [];
  for (const entry of CATALOG) if (entry.definition !== 'blockly-builtin') out.push(entry.definition[locale]);
  return out;
}

function shadowJson(spec: ShadowSpec, locale: Locale): { type: string; fields: Record<string, unknown> } {
  switch (spec.type) {
    case 'math_number':
      return { type: spec.type, fields: { NUM: spec.value } };
    case 'text':
      return { type: spec.type, fields: { TEXT: spec.value[locale] } };
    case 'logic_boolean':
      return { type: spec.type, fields: { BOOL: spec.value ? 'TRUE' : 'FALSE' } };
    case 'robokit_note':
      return { type: spec.type, fields: { NOTE: String(spec.value) } };
  }
}

function toolboxBlock(entry: CatalogEntry, locale: Locale): ToolboxBlock {
  const inputs = entry.toolbox.kind === 'block' ? entry.toolbox.inputs : undefined;
  if (inputs === undefined) return { kind: 'block', type: entry.type };
  const shadows = Object.fromEntries(Object.entries(inputs).map(([name, s]) => [name, { shadow: shadowJson(s, locale) }]));
  return { kind: 'block', type: entry.type, inputs: shadows };
}

function shown(entry: CatalogEntry, options: ToolboxOptions): boolean {
  if (entry.capability !== null && options.capabilities && !options.capabilities.includes(entry.capability)) return false;
  if (entry.type === 'robokit_start' || options.allowedTypes === undefined) return true;
  return options.allowedTypes.includes(entry.type);
}

function toolboxCategory(category: Category, locale: Locale, options: ToolboxOptions): ToolboxCategory | null {
  const entries = CATALOG.filter((e) => e.category === category.id && shown(e, options));
  if (entries.length === 0) return null;
  const head = { kind: 'category', name: category.name[locale], colour: category.colour, toolboxitemid: category.id } as const;
  if (category.custom) return { ...head, custom: category.custom };
  return { ...head, contents: entries.map((e) => toolboxBlock(e, locale)) };
}

/**
 * A Blockly category toolbox. Variables and Functions are Blockly's dynamic categories: they appear
 * when any of their blocks is allowed, and Blockly fills them.
 */
export function buildToolbox(locale: Locale, options: ToolboxOptions = {}): Toolbox {
  const contents: ToolboxCategory[] = [];
  for (const category of CATEGORIES) {
    const built = toolboxCategory(category, locale, options);
    if (built) contents.push(built);
  }
  return { kind: 'categoryToolbox', contents };
}
