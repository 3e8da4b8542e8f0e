/** IR → JavaScript statements and expressions for the readable Johnny-Five script. */
import { assertNever, type Expr, type Stmt } from '../ir';
import type { JsNames } from './js-names';

const COMPARE = { EQ: '==', NEQ: '!=', LT: '<', LTE: '<=', GT: '>', GTE: '>=' } as const;
const ARITH = { ADD: '+', MINUS: '-', MULTIPLY: '*', DIVIDE: '/' } as const;

/** `top`: the expression stands alone (an argument, a condition), so it needs no outer brackets. */
export function jsExpr(e: Expr, names: JsNames, top = false): string {
  const wrap = (text: string): string => (top ? text : `(${text})`);
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'text':
      return JSON.stringify(e.value);
    case 'boolean':
      return String(e.value);
    case 'var.get':
      return names.variable(e.name);
    case 'arith':
      return e.op === 'POWER'
        ? `Math.pow(${jsExpr(e.a, names, true)}, ${jsExpr(e.b, names, true)})`
        : wrap(`${jsExpr(e.a, names)} ${ARITH[e.op]} ${jsExpr(e.b, names)}`);
    case 'compare':
      return wrap(`${jsExpr(e.a, names)} ${COMPARE[e.op]} ${jsExpr(e.b, names)}`);
    case 'logic':
      return wrap(`${jsExpr(e.a, names)} ${e.op === 'AND' ? '&&' : '||'} ${jsExpr(e.b, names)}`);
    case 'not':
      return `!${jsExpr(e.value, names)}`;
    case 'random':
      return `nombreAuHasard(${jsExpr(e.from, names, true)}, ${jsExpr(e.to, names, true)})`;
    case 'sensor.distance':
      return 'distance()';
    case 'sensor.line':
      return `ligne('${e.side === 'left' ? 'gauche' : 'droite'}')`;
    case 'sensor.light':
      return 'lumiereAmbiante()';
    case 'sensor.button':
      return 'boutonAppuye()';
    default:
      return assertNever(e);
  }
}

/** Writes statements as indented lines; loops get numbered counters (`fois1`, `fois2`…). */
export class JsWriter {
  readonly lines: string[] = [];
  private loops = 0;

  constructor(private readonly names: JsNames) {}

  line(indent: number, text: string): void {
    this.lines.push(`${'  '.repeat(indent)}${text}`);
  }

  block(body: readonly Stmt[], indent: number): void {
    for (const s of body) this.stmt(s, indent);
  }

  /** An expression standing alone: an argument, a condition, a value to store. */
  private e(x: Expr): string {
    return jsExpr(x, this.names, true);
  }

  /** An expression after `!`. */
  private inner(x: Expr): string {
    return jsExpr(x, this.names);
  }

  private stmt(s: Stmt, i: number): void {
    switch (s.kind) {
      case 'motors.move':
        return this.line(i, `await ${s.direction === 'forward' ? 'avancer' : 'reculer'}(${this.e(s.speed)}, ${this.e(s.seconds)});`);
      case 'motors.turn':
        return this.line(i, `await tourner('${s.direction === 'left' ? 'gauche' : 'droite'}', ${this.e(s.degrees)});`);
      case 'motors.set':
        return this.line(i, `moteurs(${this.e(s.left)}, ${this.e(s.right)});`);
      case 'motors.stop':
        return this.line(i, 'moteurs(0, 0);');
      case 'light.set':
        return this.line(i, s.on ? 'lumiere.on();' : 'lumiere.off();');
      case 'sound.beep':
        return this.line(i, `await bip(${this.e(s.frequency)}, ${this.e(s.seconds)});`);
      case 'pen.set':
        return this.line(i, `crayon(${s.down ? "'baissé'" : "'levé'"});`);
      case 'wait':
        return this.line(i, `await attendre(${this.e(s.seconds)});`);
      case 'say':
        return this.line(i, `dire(${this.e(s.text)});`);
      case 'var.set':
        return this.line(i, `${this.names.variable(s.name)} = ${this.e(s.value)};`);
      case 'var.change': {
        const name = this.names.variable(s.name);
        return this.line(i, `${name} = ${name} + ${this.e(s.delta)};`);
      }
      case 'call':
        return this.line(i, `await ${this.names.procedure(s.name)}(${s.args.map((a) => this.e(a)).join(', ')});`);
      case 'wait.until':
      case 'forever':
      case 'repeat':
      case 'while':
      case 'if':
        return this.compound(s, i);
      default:
        return assertNever(s);
    }
  }

  private compound(s: Stmt & { kind: 'wait.until' | 'forever' | 'repeat' | 'while' | 'if' }, i: number): void {
    switch (s.kind) {
      case 'wait.until':
        this.line(i, `while (!${this.inner(s.condition)}) {`);
        this.line(i + 1, 'await attendre(0.02);');
        return this.line(i, '}');
      case 'forever':
        return this.loop(i, 'while (true) {', s.body, true);
      case 'repeat': {
        const n = `fois${++this.loops}`;
        this.loop(i, `for (let ${n} = 0; ${n} < ${this.e(s.times)}; ${n}++) {`, s.body, false);
        this.loops--;
        return;
      }
      case 'while':
        return this.loop(i, `while (${s.until ? `!${this.inner(s.condition)}` : this.e(s.condition)}) {`, s.body, true);
      case 'if':
        return this.ifElse(s, i);
      default:
        return assertNever(s);
    }
  }

  /** Loops that may spin give the board a moment, so sensors update and Ctrl-C works. */
  private loop(i: number, head: string, body: readonly Stmt[], pause: boolean): void {
    this.line(i, head);
    this.block(body, i + 1);
    if (pause) this.line(i + 1, 'await attendre(0.01); // une petite pause pour lire les capteurs');
    this.line(i, '}');
  }

  private ifElse(s: Stmt & { kind: 'if' }, i: number): void {
    s.branches.forEach((branch, n) => {
      this.line(i, `${n === 0 ? 'if' : '} else if'} (${this.e(branch.condition)}) {`);
      this.block(branch.body, i + 1);
    });
    if (s.otherwise !== null) {
      this.line(i, '} else {');
      this.block(s.otherwise, i + 1);
    }
    this.line(i, '}');
  }
}
