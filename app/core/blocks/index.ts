/** The block catalog: definitions, categories, toolbox and compile rules, one place per block. */
export { CATALOG, catalogEntry, categoryOf } from './catalog';
export { CATEGORIES } from './categories';
export { blockDefinitions, buildToolbox } from './toolbox';
export type { Toolbox, ToolboxBlock, ToolboxCategory, ToolboxOptions } from './toolbox';
export type { BlockJson, BlockKind, CatalogEntry, Category, CategoryId, Definition, ShadowSpec, ToolboxSpec } from './types';
