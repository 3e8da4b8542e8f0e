/**
 * Safe reading of Blockly's JSON serialization, which is untrusted: every accessor checks shapes and
 * answers `undefined` rather than throwing. Only own properties are read (no `__proto__` surprises).
 */

export type JsonRecord = Readonly<Record<string, unknown>>;

export function asRecord(x: unknown): JsonRecord | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as JsonRecord) : undefined;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Names a plain object inherits (`constructor`, `toString`, `__proto__`…): only these need the own check. */
const INHERITED = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);

export function own(record: JsonRecord | undefined, key: string): unknown {
  if (record === undefined) return undefined;
  const value = record[key];
  if (value === undefined) return undefined;
  // Data comes from JSON (plain objects): a found value is inherited only under an Object.prototype name.
  return !INHERITED.has(key) || hasOwn.call(record, key) ? value : undefined;
}

export function ownRecord(record: JsonRecord | undefined, key: string): JsonRecord | undefined {
  return asRecord(own(record, key));
}

export function ownArray(record: JsonRecord | undefined, key: string): readonly unknown[] | undefined {
  const value = own(record, key);
  return Array.isArray(value) ? value : undefined;
}

export function ownString(record: JsonRecord | undefined, key: string): string | undefined {
  const value = own(record, key);
  return typeof value === 'string' ? value : undefined;
}

/** Own keys of a record, never more than `limit` (a hostile file may hold millions). */
export function ownKeys(record: JsonRecord | undefined, limit = 10_000): string[] {
  if (record === undefined) return [];
  const keys: string[] = [];
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    keys.push(key);
    if (keys.length >= limit) break;
  }
  return keys;
}

/** Blockly ≥ 11 saves `disabledReasons`; older files saved `enabled: false`. */
export function isDisabled(block: JsonRecord): boolean {
  if (own(block, 'enabled') === false) return true;
  const reasons = ownArray(block, 'disabledReasons');
  return reasons !== undefined && reasons.length > 0;
}

/** The block plugged into an input: the real block if present, else its shadow. */
export function inputChild(block: JsonRecord, input: string): JsonRecord | undefined {
  const slot = ownRecord(ownRecord(block, 'inputs'), input);
  return ownRecord(slot, 'block') ?? ownRecord(slot, 'shadow');
}

/** The shadow alone, for when the real block is disabled. */
export function inputShadow(block: JsonRecord, input: string): JsonRecord | undefined {
  return ownRecord(ownRecord(ownRecord(block, 'inputs'), input), 'shadow');
}

export function nextBlock(block: JsonRecord): JsonRecord | undefined {
  return ownRecord(ownRecord(block, 'next'), 'block');
}

/**
 * Calls `visit` for every block object hanging under `block`: inputs' blocks and shadows (nested),
 * then next (same level), in that order; null is absent. No allocation: this runs on every block.
 */
export function forEachChild(block: JsonRecord, visit: (child: unknown, nested: boolean) => void): void {
  const inputs = ownRecord(block, 'inputs');
  if (inputs !== undefined) {
    let count = 0;
    for (const name in inputs) {
      if (!hasOwn.call(inputs, name)) continue;
      if (++count > 10_000) break;
      const slot = asRecord(inputs[name]);
      if (slot === undefined) continue;
      const child = own(slot, 'block');
      if (child != null) visit(child, true);
      const shadow = own(slot, 'shadow');
      if (shadow != null) visit(shadow, true);
    }
  }
  const next = own(ownRecord(block, 'next'), 'block');
  if (next != null) visit(next, false);
}
