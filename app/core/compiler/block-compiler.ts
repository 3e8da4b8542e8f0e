/**
 * Compiles the blocks of one scope (the start block's body or one procedure) through the catalog's
 * rules. Recursion follows nesting only, which the precheck has bounded; sequences are loops.
 */
import { blockLabels, slotLabel } from '../blocks/block-labels';
import { catalogEntry } from '../blocks/catalog';
import type { CatalogEntry } from '../blocks/types';
import { CAPABILITY_NAMES } from '../i18n/capability-names';
import { message, type Localized } from '../i18n/messages';
import { distanceCmPerSecond, type Calibration } from '../hardware-rules';
import type { Capability, Expr, Stmt } from '../ir';
import type { BlockContext, RawBlock } from './context';
import type { DiagnosticList } from './diagnostics';
import { asRecord, blockId, blockType, inputChild, inputShadow, isDisabled, nextBlock, own, ownRecord, ownString, type JsonRecord } from './raw';

/** What every scope shares: the profile, the workspace's variables and procedures. */
export interface CompileEnv {
  readonly capabilities: ReadonlySet<Capability>;
  /** The profile's speeds: « avancer de N cm » becomes a time with them. */
  readonly calibration: Calibration;
  /** Workspace variables: Blockly id → name. */
  readonly variables: ReadonlyMap<string, string>;
  /** Procedures by name → parameter names. */
  readonly procedures: ReadonlyMap<string, readonly string[]>;
  readonly diagnostics: DiagnosticList;
}

/** What one scope uses: filled while compiling it. */
export interface ScopeUse {
  readonly capabilities: Set<Capability>;
  readonly calls: Set<string>;
  readonly globals: Set<string>;
}

export function newScopeUse(): ScopeUse {
  return { capabilities: new Set(), calls: new Set(), globals: new Set() };
}

function asBlock(json: JsonRecord): RawBlock {
  // The precheck has made sure every block object has a string type and id.
  return { type: blockType(json) ?? '', id: blockId(json) ?? '', json };
}

export class BlockCompiler implements BlockContext {
  constructor(
    private readonly env: CompileEnv,
    private readonly params: ReadonlySet<string>,
    readonly use: ScopeUse,
  ) {}

  /** A sequence of statement blocks, following `next`; disabled blocks are skipped. */
  chain(first: JsonRecord | undefined): Stmt[] {
    const out: Stmt[] = [];
    for (let json = first; json !== undefined; json = nextBlock(json)) {
      if (isDisabled(json)) continue;
      const stmt = this.stmt(asBlock(json));
      if (stmt) out.push(stmt);
    }
    return out;
  }

  distanceSeconds(block: RawBlock, cm: Expr): Expr {
    const speed = distanceCmPerSecond(this.env.calibration);
    return { kind: 'arith', blockId: block.id, op: 'DIVIDE', a: cm, b: { kind: 'number', blockId: block.id, value: speed } };
  }

  statements(block: RawBlock, input: string): Stmt[] {
    return this.chain(inputChild(block.json, input));
  }

  value(block: RawBlock, input: string, label: string = input): Expr {
    let child = inputChild(block.json, input);
    // A disabled block in the input falls back to the shadow under it.
    if (child !== undefined && isDisabled(child)) {
      child = inputShadow(block.json, input);
      if (child !== undefined && isDisabled(child)) child = undefined;
    }
    if (child === undefined) {
      const slot = label === input ? slotLabel(input) : { fr: `«\u00a0${label}\u00a0»`, en: `"${label}"` };
      this.env.diagnostics.error('empty-input', block.id, { input: slot, block: blockName(block) });
      return placeholder(block);
    }
    const expr = this.expr(asBlock(child));
    return expr ?? placeholder(block);
  }

  choice<T extends string>(block: RawBlock, field: string, options: readonly T[]): T {
    const value = own(ownRecord(block.json, 'fields'), field);
    const found = options.find((o) => o === value);
    if (found !== undefined) return found;
    if (value !== undefined) this.env.diagnostics.error('bad-field', block.id, { field: slotLabel(field), block: blockName(block) });
    return options[0]!;
  }

  numberField(block: RawBlock, field: string): number {
    const value = own(ownRecord(block.json, 'fields'), field);
    if (value === undefined) return 0;
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n === 'number' && Number.isFinite(n)) return n;
    this.env.diagnostics.error('bad-field', block.id, { field: slotLabel(field), block: blockName(block) });
    return 0;
  }

  textField(block: RawBlock, field: string): string {
    const value = own(ownRecord(block.json, 'fields'), field);
    if (value === undefined) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    this.env.diagnostics.error('bad-field', block.id, { field: slotLabel(field), block: blockName(block) });
    return '';
  }

  variable(block: RawBlock): string {
    const name = this.variableName(own(ownRecord(block.json, 'fields'), 'VAR'));
    if (name === undefined) {
      this.env.diagnostics.error('undefined-variable', block.id);
      return '';
    }
    if (!this.params.has(name)) this.use.globals.add(name);
    return name;
  }

  call(block: RawBlock): { name: string; args: Expr[] } {
    const name = ownString(ownRecord(block.json, 'extraState'), 'name') ?? '';
    const params = this.env.procedures.get(name);
    if (params === undefined) {
      this.env.diagnostics.error('undefined-procedure', block.id, { name });
      return { name, args: [] };
    }
    this.use.calls.add(name);
    return { name, args: params.map((param, i) => this.value(block, `ARG${i}`, param)) };
  }

  /**
   * As Blockly 12 reads `{id, name?}`: by id among the workspace's variables, else by the name given
   * (Blockly creates that variable on load). Anything else would load as a variable nobody named.
   */
  private variableName(field: unknown): string | undefined {
    const record = asRecord(field);
    const id = ownString(record, 'id');
    const name = (id !== undefined ? this.env.variables.get(id) : undefined) ?? ownString(record, 'name');
    return name === '' ? undefined : name;
  }

  private stmt(block: RawBlock): Stmt | null {
    const entry = this.entry(block, 'statement');
    return entry?.kind === 'statement' ? entry.compile(block, this) : null;
  }

  private expr(block: RawBlock): Expr | null {
    const entry = this.entry(block, 'value');
    return entry?.kind === 'value' ? entry.compile(block, this) : null;
  }

  /** The catalog entry if the block is known, in its place, and doable by the robot. */
  private entry(block: RawBlock, kind: 'statement' | 'value'): CatalogEntry | null {
    const entry = catalogEntry(block.type);
    const diagnostics = this.env.diagnostics;
    if (entry === undefined) {
      diagnostics.error('unknown-block', block.id, { type: block.type.slice(0, 60) });
      return null;
    }
    if (entry.kind !== kind) {
      diagnostics.error('misplaced-block', block.id);
      return null;
    }
    if (entry.capability !== null) {
      this.use.capabilities.add(entry.capability);
      if (!this.env.capabilities.has(entry.capability)) this.notOnProfile(block, entry.capability);
    }
    return entry;
  }

  private notOnProfile(block: RawBlock, capability: Capability): void {
    const name = CAPABILITY_NAMES[capability];
    const text = {
      fr: message('not-on-profile', 'fr', { capability: name.fr }),
      en: message('not-on-profile', 'en', { capability: name.en }),
    };
    this.env.diagnostics.error('not-on-profile', block.id, {}, text);
  }
}

/** Stands in for a missing value; the program is not produced when there are errors. */
function placeholder(block: RawBlock): Expr {
  return { kind: 'number', blockId: block.id, value: 0 };
}

/** A block in words: its label, or for a call to a pupil's own block, that block's name. */
function blockName(block: RawBlock): Localized {
  const called = block.type === 'procedures_callnoreturn' ? ownString(ownRecord(block.json, 'extraState'), 'name') : undefined;
  return called ? { fr: called, en: called } : blockLabels(block.type);
}
