/**
 * Builds the French and English Blockly JSON of a custom block from one description, so the two
 * languages cannot drift apart (same type, same args, same connections).
 */
import type { Localized } from '../i18n/messages';
import { frenchTypography } from '../i18n/typography';
import { category } from './categories';
import type { BlockJson, CategoryId, Definition, ShadowSpec } from './types';

type Option = readonly [Localized, string];

/** Blockly args, with dropdown labels in both languages. */
export type ArgSpec =
  | { readonly type: 'field_dropdown'; readonly name: string; readonly options: readonly Option[] }
  | { readonly type: 'input_value'; readonly name: string; readonly check?: string }
  | { readonly type: 'input_statement'; readonly name: string }
  | { readonly type: 'input_dummy' };

export interface CustomBlockSpec {
  readonly type: string;
  readonly category: CategoryId;
  readonly message0: Localized;
  readonly tooltip: Localized;
  readonly args0?: readonly ArgSpec[];
  /**
   * `statement` has previous and next connections; `hat` only next; `last` only previous (nothing
   * can follow it, like `forever`); a value has an output.
   */
  readonly shape: 'statement' | 'hat' | 'last' | { readonly output: 'Number' | 'Boolean' | null };
  readonly inline?: boolean;
}

/** French words get French typography (« 50 % » never split, « moteurs : »). */
const typeset = (text: string, locale: 'fr' | 'en') => (locale === 'fr' ? frenchTypography(text) : text);

function localizeArg(arg: ArgSpec, locale: 'fr' | 'en'): Readonly<Record<string, unknown>> {
  if (arg.type !== 'field_dropdown') return arg;
  return { ...arg, options: arg.options.map(([label, value]) => [typeset(label[locale], locale), value]) };
}

function connections(shape: CustomBlockSpec['shape']): Readonly<Record<string, unknown>> {
  if (shape === 'statement') return { previousStatement: null, nextStatement: null };
  if (shape === 'hat') return { nextStatement: null };
  if (shape === 'last') return { previousStatement: null };
  return { output: shape.output };
}

function definitionIn(spec: CustomBlockSpec, locale: 'fr' | 'en'): BlockJson {
  return {
    type: spec.type,
    message0: typeset(spec.message0[locale], locale),
    ...(spec.args0 ? { args0: spec.args0.map((a) => localizeArg(a, locale)) } : {}),
    ...connections(spec.shape),
    ...(spec.inline === undefined ? {} : { inputsInline: spec.inline }),
    colour: category(spec.category).colour,
    tooltip: typeset(spec.tooltip[locale], locale),
    // Blockly reads a JSON `style.hat` and then drops the style, keeping `colour`.
    ...(spec.shape === 'hat' ? { style: { hat: 'cap' } } : {}),
  };
}

export function customDefinition(spec: CustomBlockSpec): Definition {
  return { fr: definitionIn(spec, 'fr'), en: definitionIn(spec, 'en') };
}

/** A number input's default, as a `math_number` shadow. */
export const num = (value: number): ShadowSpec => ({ type: 'math_number', value });

/** A dropdown's choices, with labels. */
export function options(...pairs: readonly [string, string, string][]): readonly Option[] {
  return pairs.map(([value, fr, en]) => [{ fr, en }, value] as const);
}
