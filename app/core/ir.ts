/**
 * RoboKit program IR, version 1: what the compiler produces from a Blockly workspace and what the
 * runtime interprets. A versioned tagged union; every node carries the id of the block it came from,
 * so the runtime can highlight it and attach errors to it.
 */
import { BugError } from './errors';

export const IR_VERSION = 1;

/** Capabilities a robot may have; blocks need some of them. */
export type Capability =
  | 'motors'
  | 'light'
  | 'sound'
  | 'pen'
  | 'distance'
  | 'line'
  | 'lightSensor'
  | 'button';

export const CAPABILITIES: readonly Capability[] = [
  'motors',
  'light',
  'sound',
  'pen',
  'distance',
  'line',
  'lightSensor',
  'button',
];

export type Side = 'left' | 'right';

export interface Program {
  readonly version: typeof IR_VERSION;
  /** Profile id the program was compiled for (`sim`, `arduino-2wd`, …). */
  readonly profile: string;
  /** Body of the `robokit_start` block. */
  readonly body: readonly Stmt[];
  /** Procedures by name. */
  readonly procedures: Readonly<Record<string, Procedure>>;
  /** Global variable names (as the pupil named them). */
  readonly variables: readonly string[];
  /** Capabilities the program touches: lets a back-end enable only the sensors it needs. */
  readonly uses: readonly Capability[];
  /** Id of the `robokit_start` block. */
  readonly startBlockId: string;
}

export interface Procedure {
  readonly name: string;
  readonly params: readonly string[];
  readonly body: readonly Stmt[];
  readonly blockId: string;
}

interface Node {
  readonly blockId: string;
}

export type Stmt =
  | (Node & { kind: 'motors.move'; direction: 'forward' | 'backward'; speed: Expr; seconds: Expr })
  | (Node & { kind: 'motors.turn'; direction: 'left' | 'right'; degrees: Expr })
  | (Node & { kind: 'motors.set'; left: Expr; right: Expr })
  | (Node & { kind: 'motors.stop' })
  | (Node & { kind: 'light.set'; on: boolean })
  | (Node & { kind: 'sound.beep'; frequency: Expr; seconds: Expr })
  | (Node & { kind: 'pen.set'; down: boolean })
  | (Node & { kind: 'wait'; seconds: Expr })
  | (Node & { kind: 'wait.until'; condition: Expr })
  | (Node & { kind: 'say'; text: Expr })
  | (Node & { kind: 'forever'; body: readonly Stmt[] })
  | (Node & { kind: 'repeat'; times: Expr; body: readonly Stmt[] })
  /** `controls_whileUntil`: loops while `condition` is true (`until: false`) or until it is true. */
  | (Node & { kind: 'while'; until: boolean; condition: Expr; body: readonly Stmt[] })
  | (Node & { kind: 'if'; branches: readonly IfBranch[]; otherwise: readonly Stmt[] | null })
  | (Node & { kind: 'var.set'; name: string; value: Expr })
  | (Node & { kind: 'var.change'; name: string; delta: Expr })
  | (Node & { kind: 'call'; name: string; args: readonly Expr[] });

export interface IfBranch {
  readonly condition: Expr;
  readonly body: readonly Stmt[];
}

export type ArithOp = 'ADD' | 'MINUS' | 'MULTIPLY' | 'DIVIDE' | 'POWER';
export type CompareOp = 'EQ' | 'NEQ' | 'LT' | 'LTE' | 'GT' | 'GTE';

export type Expr =
  | (Node & { kind: 'number'; value: number })
  | (Node & { kind: 'text'; value: string })
  | (Node & { kind: 'boolean'; value: boolean })
  | (Node & { kind: 'var.get'; name: string })
  | (Node & { kind: 'arith'; op: ArithOp; a: Expr; b: Expr })
  | (Node & { kind: 'compare'; op: CompareOp; a: Expr; b: Expr })
  | (Node & { kind: 'logic'; op: 'AND' | 'OR'; a: Expr; b: Expr })
  | (Node & { kind: 'not'; value: Expr })
  | (Node & { kind: 'random'; from: Expr; to: Expr })
  | (Node & { kind: 'sensor.distance' })
  | (Node & { kind: 'sensor.line'; side: Side })
  | (Node & { kind: 'sensor.light' })
  | (Node & { kind: 'sensor.button' });

export type StmtKind = Stmt['kind'];
export type ExprKind = Expr['kind'];

/** A runtime value. */
export type Value = number | string | boolean;

/** For exhaustive switches. */
export function assertNever(x: never): never {
  throw new BugError(`unexpected IR node: ${JSON.stringify(x)}`);
}
