/**
 * Types of the block catalog: one entry per block type holds its Blockly definition (or marks it as
 * one of Blockly's own), its category, its toolbox entry, the capability it needs and its compile rule.
 */
import type { Capability, Expr, Stmt } from '../ir';
import type { Locale, Localized } from '../i18n/messages';
import type { BlockContext, RawBlock } from '../compiler/context';

export type CategoryId =
  | 'movement'
  | 'lightSound'
  | 'sensors'
  | 'control'
  | 'logic'
  | 'maths'
  | 'text'
  | 'variables'
  | 'functions';

export interface Category {
  readonly id: CategoryId;
  readonly name: Localized;
  /** Blockly colour: a hue (0–360) or a hex string. */
  readonly colour: string;
  /** An emoji for the toolbox, and a name for an icon set. */
  readonly emoji: string;
  readonly icon: string;
  /** Blockly's dynamic categories (variables, functions) fill themselves. */
  readonly custom?: 'VARIABLE' | 'PROCEDURE';
}

/** A Blockly JSON block definition: plain data, no Blockly import. */
export type BlockJson = Readonly<Record<string, unknown>> & {
  readonly type: string;
  readonly message0: string;
  readonly tooltip: string;
};

/** Per-locale definitions of a custom block, or Blockly's own block. */
export type Definition = { readonly fr: BlockJson; readonly en: BlockJson } | 'blockly-builtin';

/** A default value put in an input of the toolbox block. */
export type ShadowSpec =
  | { readonly type: 'math_number'; readonly value: number }
  | { readonly type: 'text'; readonly value: Localized }
  | { readonly type: 'logic_boolean'; readonly value: boolean }
  | { readonly type: 'robokit_note'; readonly value: number };

/**
 * Where the block appears in the toolbox: `inputs` are the shadows of a plain toolbox entry;
 * `dynamic` means Blockly's custom category (variables, functions) provides the block.
 */
export type ToolboxSpec =
  | { readonly kind: 'block'; readonly inputs?: Readonly<Record<string, ShadowSpec>> }
  | { readonly kind: 'dynamic' };

export type StmtRule = (block: RawBlock, ctx: BlockContext) => Stmt;
export type ExprRule = (block: RawBlock, ctx: BlockContext) => Expr;

interface EntryBase {
  readonly type: string;
  readonly category: CategoryId;
  readonly definition: Definition;
  readonly toolbox: ToolboxSpec;
  readonly capability: Capability | null;
}

/**
 * How the block compiles. Hats and procedure definitions are compiled by the compiler's top level
 * (`hat` / `definition` say so); statements and values have a rule.
 */
export type CatalogEntry = EntryBase &
  (
    | { readonly kind: 'hat'; readonly compile: 'start-body' }
    | { readonly kind: 'definition'; readonly compile: 'procedure-definition' }
    | { readonly kind: 'statement'; readonly compile: StmtRule }
    | { readonly kind: 'value'; readonly compile: ExprRule }
  );

export type BlockKind = CatalogEntry['kind'];

export type { Locale };
