/**
 * Safe reading of Blockly's JSON serialization, which is untrusted: every accessor checks shapes and
 * answers `undefined` rather than throwing. Only own properties are read (no `__proto__` surprises).
 */

export type JsonRecord = Readonly<Record<string, unknown>>;

export function asRecord(x: unknown): JsonRecord | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as JsonRecord) : undefined;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Reads an own property only. Every name a plain object inherits (`constructor`, `toString`,
 * `__proto__`…) starts with a lower-case letter or `_`; Blockly's input and field names are
 * upper-case (`SPEED`, `DO0`, `NUM`), so those skip the own-property check.
 */
export function own(record: JsonRecord | undefined, key: string): unknown {
  if (record === undefined) return undefined;
  const value = record[key];
  if (value === undefined) return undefined;
  const first = key.charCodeAt(0);
  return (first >= 65 && first <= 90) || hasOwn.call(record, key) ? value : undefined;
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

/**
 * The keys of Blockly's serialization. None is a name a plain object inherits (`constructor`,
 * `toString`, `__proto__`…), so they are read directly: a property load at each call site, which
 * the engine keeps fast, where `own` must check. Names chosen by the file (inputs, fields) go
 * through `own`.
 */
interface BlockKeys {
  readonly type?: unknown;
  readonly id?: unknown;
  readonly inputs?: unknown;
  readonly next?: unknown;
  readonly enabled?: unknown;
  readonly disabledReasons?: unknown;
}

interface SlotKeys {
  readonly block?: unknown;
  readonly shadow?: unknown;
}

export function blockType(block: JsonRecord): string | undefined {
  const type = (block as BlockKeys).type;
  return typeof type === 'string' ? type : undefined;
}

export function blockId(block: JsonRecord): string | undefined {
  const id = (block as BlockKeys).id;
  return typeof id === 'string' ? id : undefined;
}

export function blockInputs(block: JsonRecord): JsonRecord | undefined {
  return asRecord((block as BlockKeys).inputs);
}

/** Blockly ≥ 11 saves `disabledReasons`; older files saved `enabled: false`. */
export function isDisabled(block: JsonRecord): boolean {
  const keys = block as BlockKeys;
  if (keys.enabled === false) return true;
  const reasons = keys.disabledReasons;
  return Array.isArray(reasons) && reasons.length > 0;
}

/** The block plugged into an input: the real block if present, else its shadow. */
export function inputChild(block: JsonRecord, input: string): JsonRecord | undefined {
  const slot = asRecord(own(blockInputs(block), input)) as SlotKeys | undefined;
  if (slot === undefined) return undefined;
  return asRecord(slot.block) ?? asRecord(slot.shadow);
}

/** The shadow alone, for when the real block is disabled. */
export function inputShadow(block: JsonRecord, input: string): JsonRecord | undefined {
  return asRecord((asRecord(own(blockInputs(block), input)) as SlotKeys | undefined)?.shadow);
}

export function nextBlock(block: JsonRecord): JsonRecord | undefined {
  return asRecord((asRecord((block as BlockKeys).next) as SlotKeys | undefined)?.block);
}

/**
 * Calls `visit` for every block object hanging under `block`: inputs' blocks and shadows (nested),
 * then next (same level), in that order; null is absent. No allocation: this runs on every block.
 */
export function forEachChild(block: JsonRecord, visit: (child: unknown, nested: boolean) => void): void {
  const inputs = blockInputs(block);
  if (inputs !== undefined) {
    let count = 0;
    for (const name in inputs) {
      if (!hasOwn.call(inputs, name)) continue;
      if (++count > 10_000) break;
      const slot = asRecord(inputs[name]) as SlotKeys | undefined;
      if (slot === undefined) continue;
      if (slot.block != null) visit(slot.block, true);
      if (slot.shadow != null) visit(slot.shadow, true);
    }
  }
  const next = (asRecord((block as BlockKeys).next) as SlotKeys | undefined)?.block;
  if (next != null) visit(next, false);
}
