/**
 * What a block's compile rule (in the catalog) may ask of the compiler. Rules stay short: they read
 * fields and inputs through this context, which records diagnostics for missing or odd values.
 */
import type { Expr, Stmt } from '../ir';
import type { JsonRecord } from './raw';

/** A block object of the workspace whose `type` and `id` are known to be strings. */
export interface RawBlock {
  readonly type: string;
  readonly id: string;
  readonly json: JsonRecord;
}

export interface BlockContext {
  /** The expression plugged into `input` (block, else shadow); `empty-input` if there is none. */
  value(block: RawBlock, input: string): Expr;
  /** The statements in statement input `input` (empty when nothing is plugged in). */
  statements(block: RawBlock, input: string): Stmt[];
  /** A dropdown field: its value if it is one of `options`, else the first option (`bad-field`). */
  choice<T extends string>(block: RawBlock, field: string, options: readonly T[]): T;
  numberField(block: RawBlock, field: string): number;
  textField(block: RawBlock, field: string): string;
  /** The variable named by field `VAR`: a parameter of the current procedure, or a global. */
  variable(block: RawBlock): string;
  /**
   * The seconds that cover `cm` centimetres at DISTANCE_POWER with the profile's calibration
   * (`cm ÷ speed`, hardware-rules `distanceSeconds`): the move is then an ordinary timed move
   * everywhere (runtime, firmware VM, code view).
   */
  distanceSeconds(block: RawBlock, cm: Expr): Expr;
  /** A procedure call: the procedure's name and one argument per parameter. */
  call(block: RawBlock): { readonly name: string; readonly args: Expr[] };
}
