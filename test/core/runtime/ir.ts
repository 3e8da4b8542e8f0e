/** Builds IR programs directly (these tests do not depend on the compiler). */
import { CAPABILITIES, IR_VERSION, type Capability, type Expr, type Procedure, type Program, type Stmt } from '../../../app/core/ir';

let counter = 0;
const auto = (): string => `x${++counter}`;

export const num = (value: number, blockId = auto()): Expr => ({ kind: 'number', value, blockId });
export const text = (value: string, blockId = auto()): Expr => ({ kind: 'text', value, blockId });
export const bool = (value: boolean, blockId = auto()): Expr => ({ kind: 'boolean', value, blockId });
export const get = (name: string, blockId = auto()): Expr => ({ kind: 'var.get', name, blockId });
export const arith = (op: 'ADD' | 'MINUS' | 'MULTIPLY' | 'DIVIDE' | 'POWER', a: Expr, b: Expr, blockId = auto()): Expr => ({
  kind: 'arith',
  op,
  a,
  b,
  blockId,
});
export const compare = (op: 'EQ' | 'NEQ' | 'LT' | 'LTE' | 'GT' | 'GTE', a: Expr, b: Expr, blockId = auto()): Expr => ({
  kind: 'compare',
  op,
  a,
  b,
  blockId,
});
export const logic = (op: 'AND' | 'OR', a: Expr, b: Expr, blockId = auto()): Expr => ({ kind: 'logic', op, a, b, blockId });
export const not = (value: Expr, blockId = auto()): Expr => ({ kind: 'not', value, blockId });
export const random = (from: Expr, to: Expr, blockId = auto()): Expr => ({ kind: 'random', from, to, blockId });
export const distance = (blockId = auto()): Expr => ({ kind: 'sensor.distance', blockId });
export const line = (side: 'left' | 'right', blockId = auto()): Expr => ({ kind: 'sensor.line', side, blockId });
export const ambient = (blockId = auto()): Expr => ({ kind: 'sensor.light', blockId });
export const button = (blockId = auto()): Expr => ({ kind: 'sensor.button', blockId });

export const move = (blockId: string, direction: 'forward' | 'backward', speed: number, seconds: number): Stmt => ({
  kind: 'motors.move',
  direction,
  speed: num(speed),
  seconds: num(seconds),
  blockId,
});
export const turn = (blockId: string, direction: 'left' | 'right', degrees: number): Stmt => ({
  kind: 'motors.turn',
  direction,
  degrees: num(degrees),
  blockId,
});
export const motors = (blockId: string, left: Expr, right: Expr): Stmt => ({ kind: 'motors.set', left, right, blockId });
export const stopMotors = (blockId: string): Stmt => ({ kind: 'motors.stop', blockId });
export const led = (blockId: string, on: boolean): Stmt => ({ kind: 'light.set', on, blockId });
export const pen = (blockId: string, down: boolean): Stmt => ({ kind: 'pen.set', down, blockId });
export const beep = (blockId: string, frequency: number, seconds: number): Stmt => ({
  kind: 'sound.beep',
  frequency: num(frequency),
  seconds: num(seconds),
  blockId,
});
export const wait = (blockId: string, seconds: Expr | number): Stmt => ({
  kind: 'wait',
  seconds: typeof seconds === 'number' ? num(seconds) : seconds,
  blockId,
});
export const waitUntil = (blockId: string, condition: Expr): Stmt => ({ kind: 'wait.until', condition, blockId });
export const say = (blockId: string, value: Expr): Stmt => ({ kind: 'say', text: value, blockId });
export const forever = (blockId: string, body: Stmt[]): Stmt => ({ kind: 'forever', body, blockId });
export const repeat = (blockId: string, times: Expr | number, body: Stmt[]): Stmt => ({
  kind: 'repeat',
  times: typeof times === 'number' ? num(times) : times,
  body,
  blockId,
});
export const whileLoop = (blockId: string, until: boolean, condition: Expr, body: Stmt[]): Stmt => ({
  kind: 'while',
  until,
  condition,
  body,
  blockId,
});
export const ifElse = (blockId: string, branches: [Expr, Stmt[]][], otherwise: Stmt[] | null = null): Stmt => ({
  kind: 'if',
  branches: branches.map(([condition, body]) => ({ condition, body })),
  otherwise,
  blockId,
});
export const set = (blockId: string, name: string, value: Expr): Stmt => ({ kind: 'var.set', name, value, blockId });
export const change = (blockId: string, name: string, delta: Expr): Stmt => ({ kind: 'var.change', name, delta, blockId });
export const call = (blockId: string, name: string, args: Expr[] = []): Stmt => ({ kind: 'call', name, args, blockId });

export const procedure = (name: string, params: string[], body: Stmt[]): Procedure => ({
  name,
  params,
  body,
  blockId: `def-${name}`,
});

export function program(body: Stmt[], procedures: Procedure[] = [], uses: readonly Capability[] = CAPABILITIES): Program {
  return {
    version: IR_VERSION,
    profile: 'sim',
    body,
    procedures: Object.fromEntries(procedures.map((p) => [p.name, p])),
    variables: [],
    uses,
    startBlockId: 'start',
  };
}
