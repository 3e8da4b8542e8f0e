/** Expressions. Nesting depth is the blocks' nesting, so plain recursion is fine here. */
import { assertNever, type ArithOp, type Expr, type Value } from '../ir';
import type { RobotIo } from '../robot-io';
import { need, pupilError } from './runtime-errors';
import { randomInt } from '../random';
import { asNumber, compareValues, truthy } from './values';
import type { Variables } from './variables';

export interface EvalContext {
  readonly io: RobotIo;
  readonly vars: Variables;
  readonly random: () => number;
}

export function evaluate(expr: Expr, ctx: EvalContext): Value {
  switch (expr.kind) {
    case 'number':
    case 'text':
    case 'boolean':
      return expr.value;
    case 'var.get':
      return ctx.vars.get(expr.name);
    case 'arith':
      return arithmetic(expr.op, evaluateNumber(expr.a, ctx), evaluateNumber(expr.b, ctx), expr.blockId);
    case 'compare':
      return compareValues(expr.op, evaluate(expr.a, ctx), evaluate(expr.b, ctx));
    case 'logic':
      return expr.op === 'AND'
        ? evaluateBoolean(expr.a, ctx) && evaluateBoolean(expr.b, ctx)
        : evaluateBoolean(expr.a, ctx) || evaluateBoolean(expr.b, ctx);
    case 'not':
      return !evaluateBoolean(expr.value, ctx);
    case 'random':
      return randomInt(ctx.random, evaluateNumber(expr.from, ctx), evaluateNumber(expr.to, ctx));
    case 'sensor.distance':
      return need(ctx.io.distance, 'distance', expr.blockId).readDistance();
    case 'sensor.line':
      return need(ctx.io.line, 'line', expr.blockId).readLine(expr.side);
    case 'sensor.light':
      return need(ctx.io.lightSensor, 'lightSensor', expr.blockId).readLight();
    case 'sensor.button':
      return need(ctx.io.button, 'button', expr.blockId).readButton();
    default:
      return assertNever(expr);
  }
}

/** A number, or a `not-a-number` error on the block that gave something else. */
export function evaluateNumber(expr: Expr, ctx: EvalContext): number {
  const n = asNumber(evaluate(expr, ctx));
  if (n === null) throw pupilError('not-a-number', expr.blockId);
  return n;
}

export function evaluateBoolean(expr: Expr, ctx: EvalContext): boolean {
  return truthy(evaluate(expr, ctx));
}

function arithmetic(op: ArithOp, a: number, b: number, blockId: string): number {
  if (op === 'DIVIDE' && b === 0) throw pupilError('division-by-zero', blockId);
  const result = compute(op, a, b);
  if (Number.isNaN(result)) throw pupilError('not-a-number', blockId);
  return result;
}

function compute(op: ArithOp, a: number, b: number): number {
  switch (op) {
    case 'ADD':
      return a + b;
    case 'MINUS':
      return a - b;
    case 'MULTIPLY':
      return a * b;
    case 'DIVIDE':
      return a / b;
    case 'POWER':
      return Math.pow(a, b);
    default:
      return assertNever(op);
  }
}
