/** How runtime values convert, compare and print (Blockly's usual meaning, kinder to pupils). */
import type { CompareOp, Value } from '../ir';

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

/** Text for a `say` bubble: numbers plainly, at most 2 decimals (3, not 3.0000001). */
export function formatValue(value: Value): string {
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
