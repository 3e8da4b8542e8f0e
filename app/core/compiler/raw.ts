/**
 * Safe reading of Blockly's JSON serialization, which is untrusted: every accessor checks shapes and
 * answers `undefined` rather than throwing. Only own properties are read (no `__proto__` surprises).
 */

export type JsonRecord = Readonly<Record<string, unknown>>;

export function asRecord(x: unknown): JsonRecord | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as JsonRecord) : undefined;
}

export function own(record: JsonRecord | undefined, key: string): unknown {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
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

/** Every block object hanging under `block` (inputs' blocks and shadows, then next); null is absent. */
export function childObjects(block: JsonRecord): { readonly child: unknown; readonly nested: boolean }[] {
  const out: { child: unknown; nested: boolean }[] = [];
  const inputs = ownRecord(block, 'inputs');
  for (const name of ownKeys(inputs)) {
    const slot = ownRecord(inputs, name);
    if (slot === undefined) continue;
    if (own(slot, 'block') != null) out.push({ child: own(slot, 'block'), nested: true });
    if (own(slot, 'shadow') != null) out.push({ child: own(slot, 'shadow'), nested: true });
  }
  const next = ownRecord(block, 'next');
  if (own(next, 'block') != null) out.push({ child: own(next, 'block'), nested: false });
  return out;
}
