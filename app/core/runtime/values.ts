/** How runtime values convert, compare and print (Blockly's usual meaning, kinder to pupils). */
import type { CompareOp, Value } from '../ir';
import { numberText } from '../i18n/numbers';

/** The number a value stands for, or null when it is not one (text like "abc", NaN). */
export function asNumber(value: Value): number | null {
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value.trim() === '') return null;
  const n = Number(value);
  return Number.isNaN(n) ? null : n;
}

function isNumeric(value: Value): boolean {
  return typeof value !== 'boolean' && asNumber(value) !== null;
}

export function truthy(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return value !== '';
}

/** Compares as numbers when both sides are numeric, else as text. */
export function compareValues(op: CompareOp, a: Value, b: Value): boolean {
  if (isNumeric(a) && isNumeric(b)) return ordered(op, asNumber(a) as number, asNumber(b) as number);
  return ordered(op, String(a), String(b));
}

function ordered<T extends number | string>(op: CompareOp, x: T, y: T): boolean {
  switch (op) {
    case 'EQ':
      return x === y;
    case 'NEQ':
      return x !== y;
    case 'LT':
      return x < y;
    case 'LTE':
      return x <= y;
    case 'GT':
      return x > y;
    case 'GTE':
      return x >= y;
  }
}

/** Decimals a `say` bubble shows: 3,33, not 3,3333333. */
export const SAY_DECIMALS = 2;

/**
 * What a `say` block says: its text as the `--json` line carries it (numbers with a dot, at most 2
 * decimals: 3, not 3.0000001), and for a number the number itself, so each screen writes it in its
 * language (« 3,5 » in French) with `numberText`.
 */
export function sayValue(value: Value): { readonly text: string; readonly number?: number } {
  if (typeof value !== 'number') return { text: String(value) };
  const text = numberText(value, 'en', SAY_DECIMALS);
  return Number.isFinite(value) ? { text, number: Number(text) } : { text };
}
