/**
 * IR → RoboKit bytecode v1 (docs/bytecode.md), for a program the robot keeps and runs without the
 * cable. Never throws for a pupil's program: what the robot cannot do comes back as problems naming
 * the block. Pure.
 */
import { turnPlan } from '../hardware-rules';
import { assertNever, type Capability, type Expr, type Program, type Stmt } from '../ir';
import type { MessageCode } from '../i18n/messages';
import type { Profile } from '../profiles';
import { buildImage, MAX_GLOBALS, MAX_LOCALS, OP, PROGRAM_MAX_BYTES, SENSOR } from './format';

export interface BytecodeProblem {
  readonly code: MessageCode;
  readonly blockId: string | null;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type BytecodeResult =
  | {
      readonly ok: true;
      /** The bytes the robot stores: header, code, checksum. */
      readonly image: Uint8Array;
      /** Blocks left out on the robot (`say`: no screen), to tell the pupil before sending. */
      readonly skipped: readonly BytecodeProblem[];
    }
  | { readonly ok: false; readonly problems: readonly BytecodeProblem[]; readonly bytes?: number };

export interface BytecodeOptions {
  /** The random seed stored in the image. */
  readonly seed?: number;
  /** Use exactly that seed at every start (tests); else the robot mixes in the time of the start. */
  readonly fixedSeed?: boolean;
}

class Refused extends Error {
  constructor(readonly problem: BytecodeProblem) {
    super(problem.code);
  }
}

const ARITH_OPS = { ADD: OP.ADD, MINUS: OP.SUB, MULTIPLY: OP.MUL, DIVIDE: OP.DIV, POWER: OP.POW } as const;
const COMPARE_OPS = { EQ: OP.EQ, NEQ: OP.NE, LT: OP.LT, LTE: OP.LE, GT: OP.GT, GTE: OP.GE } as const;

/** Expressions that give true/false: the host compares those as text, the robot as 0/1. */
function isYesNo(expr: Expr, yesNoVariables: ReadonlySet<string>): boolean {
  switch (expr.kind) {
    case 'boolean':
    case 'compare':
    case 'logic':
    case 'not':
    case 'sensor.line':
    case 'sensor.button':
      return true;
    case 'var.get':
      return yesNoVariables.has(expr.name);
    default:
      return false;
  }
}

/** Every statement of the program, procedures included, depth first. */
function* allStatements(stmts: readonly Stmt[]): Generator<Stmt> {
  for (const stmt of stmts) {
    yield stmt;
    if (stmt.kind === 'forever' || stmt.kind === 'repeat' || stmt.kind === 'while') yield* allStatements(stmt.body);
    if (stmt.kind === 'if') {
      for (const branch of stmt.branches) yield* allStatements(branch.body);
      if (stmt.otherwise) yield* allStatements(stmt.otherwise);
    }
  }
}

/** A function being compiled (the main program or a procedure): its parameters and local slots. */
interface Scope {
  readonly params: readonly string[];
  locals: number;
}

class Emitter {
  readonly bytes: number[] = [];
  readonly skipped: BytecodeProblem[] = [];
  private readonly globals = new Map<string, number>();
  private readonly procedureAt = new Map<string, number>();
  private readonly calls: Array<{ at: number; name: string; blockId: string }> = [];
  private scope: Scope = { params: [], locals: 0 };

  constructor(
    private readonly program: Program,
    private readonly capabilities: ReadonlySet<Capability>,
    private readonly yesNoVariables: ReadonlySet<string>,
  ) {}

  get globalCount(): number {
    return this.globals.size;
  }

  compileAll(): void {
    for (const name of this.program.variables) this.global(name, null);
    this.function([], this.program.body, OP.END);
    for (const [name, procedure] of Object.entries(this.program.procedures)) {
      this.procedureAt.set(name, this.bytes.length);
      this.function(procedure.params, procedure.body, OP.RET);
    }
    for (const call of this.calls) {
      const at = this.procedureAt.get(call.name);
      if (at === undefined) throw new Refused({ code: 'bytecode-procedure-missing', blockId: call.blockId, params: { name: call.name } });
      this.patch(call.at, at);
    }
  }

  private function(params: readonly string[], body: readonly Stmt[], last: number): void {
    this.scope = { params, locals: params.length };
    this.op(OP.ENTER, 0);
    const enterAt = this.bytes.length - 1;
    this.statements(body);
    this.op(last);
    if (this.scope.locals > MAX_LOCALS) throw new Refused({ code: 'bytecode-too-many-variables', blockId: null, params: { count: this.scope.locals, max: MAX_LOCALS } });
    this.bytes[enterAt] = this.scope.locals;
  }

  private statements(stmts: readonly Stmt[]): void {
    for (const stmt of stmts) this.statement(stmt);
  }

  private statement(stmt: Stmt): void {
    const id = stmt.blockId;
    switch (stmt.kind) {
      case 'motors.move':
        this.need('motors', id);
        this.number(stmt.speed);
        this.number(stmt.seconds);
        return this.op(OP.MOVE, stmt.direction === 'forward' ? 0 : 1);
      case 'motors.turn':
        this.need('motors', id);
        this.number(stmt.degrees);
        return this.op(OP.TURN, stmt.direction === 'left' ? 0 : 1);
      case 'motors.set':
        this.need('motors', id);
        this.number(stmt.left);
        this.number(stmt.right);
        return this.op(OP.MOTORS);
      case 'motors.stop':
        this.need('motors', id);
        return this.op(OP.STOP);
      case 'light.set':
        this.need('light', id);
        return this.op(OP.LIGHT, stmt.on ? 1 : 0);
      case 'sound.beep':
        this.need('sound', id);
        this.number(stmt.frequency);
        this.number(stmt.seconds);
        return this.op(OP.TONE);
      case 'pen.set':
        this.need('pen', id);
        return this.op(OP.PEN, stmt.down ? 1 : 0);
      case 'wait':
        this.number(stmt.seconds);
        return this.op(OP.WAIT);
      case 'wait.until': {
        const top = this.bytes.length;
        this.value(stmt.condition);
        this.jump(OP.JZ, top);
        return;
      }
      case 'say':
        this.skipped.push(sayProblem(stmt, 'bytecode-say-skipped'));
        return;
      case 'forever': {
        const top = this.bytes.length;
        this.statements(stmt.body);
        this.jump(OP.JMP, top);
        return;
      }
      case 'repeat':
        return this.repeat(stmt);
      case 'while': {
        const top = this.bytes.length;
        this.value(stmt.condition);
        if (stmt.until) this.op(OP.NOT);
        const exit = this.jump(OP.JZ, 0);
        this.statements(stmt.body);
        this.jump(OP.JMP, top);
        this.patch(exit, this.bytes.length);
        return;
      }
      case 'if':
        return this.conditional(stmt);
      case 'var.set':
        this.value(stmt.value);
        return this.store(stmt.name);
      case 'var.change':
        this.load(stmt.name);
        this.number(stmt.delta);
        this.op(OP.ADD);
        return this.store(stmt.name);
      case 'call': {
        for (const arg of stmt.args) this.value(arg);
        this.op(OP.CALL, 0, 0, stmt.args.length);
        this.calls.push({ at: this.bytes.length - 3, name: stmt.name, blockId: id });
        return;
      }
      default:
        return assertNever(stmt);
    }
  }

  /** The counter counts down from N while it is above 0: ⌈N⌉ turns, as the host runtime does. */
  private repeat(stmt: Extract<Stmt, { kind: 'repeat' }>): void {
    const counter = this.scope.locals++;
    this.number(stmt.times);
    this.op(OP.STORE_L, counter);
    const top = this.bytes.length;
    this.op(OP.LOAD_L, counter);
    this.op(OP.PUSH_I8, 0);
    this.op(OP.GT);
    const exit = this.jump(OP.JZ, 0);
    this.statements(stmt.body);
    this.op(OP.LOAD_L, counter);
    this.op(OP.PUSH_I8, 1);
    this.op(OP.SUB);
    this.op(OP.STORE_L, counter);
    this.jump(OP.JMP, top);
    this.patch(exit, this.bytes.length);
  }

  private conditional(stmt: Extract<Stmt, { kind: 'if' }>): void {
    const ends: number[] = [];
    for (const branch of stmt.branches) {
      this.value(branch.condition);
      const next = this.jump(OP.JZ, 0);
      this.statements(branch.body);
      ends.push(this.jump(OP.JMP, 0));
      this.patch(next, this.bytes.length);
    }
    if (stmt.otherwise) this.statements(stmt.otherwise);
    for (const end of ends) this.patch(end, this.bytes.length);
  }

  /** An expression used as a number (a yes/no value counts as 1/0, as on the host). */
  private number(expr: Expr): void {
    this.value(expr);
  }

  private value(expr: Expr): void {
    const id = expr.blockId;
    switch (expr.kind) {
      case 'number':
        return this.constant(expr.value);
      case 'boolean':
        return this.op(OP.PUSH_I8, expr.value ? 1 : 0);
      case 'text':
        throw new Refused({ code: 'bytecode-text', blockId: id });
      case 'var.get':
        return this.load(expr.name);
      case 'arith':
        this.value(expr.a);
        this.value(expr.b);
        return this.op(ARITH_OPS[expr.op]);
      case 'compare':
        if (isYesNo(expr.a, this.yesNoVariables) || isYesNo(expr.b, this.yesNoVariables)) {
          throw new Refused({ code: 'bytecode-compare-yes-no', blockId: id });
        }
        this.value(expr.a);
        this.value(expr.b);
        return this.op(COMPARE_OPS[expr.op]);
      case 'logic':
        return this.logic(expr);
      case 'not':
        this.value(expr.value);
        return this.op(OP.NOT);
      case 'random':
        this.value(expr.from);
        this.value(expr.to);
        return this.op(OP.RANDOM);
      case 'sensor.distance':
        this.need('distance', id);
        return this.op(OP.SENSOR, SENSOR.distance);
      case 'sensor.line':
        this.need('line', id);
        return this.op(OP.SENSOR, expr.side === 'left' ? SENSOR.lineLeft : SENSOR.lineRight);
      case 'sensor.light':
        this.need('lightSensor', id);
        return this.op(OP.SENSOR, SENSOR.light);
      case 'sensor.button':
        this.need('button', id);
        return this.op(OP.SENSOR, SENSOR.button);
      default:
        return assertNever(expr);
    }
  }

  /** `and` / `or` evaluate their right side only when needed, and give 0 or 1. */
  private logic(expr: Extract<Expr, { kind: 'logic' }>): void {
    this.value(expr.a);
    this.op(OP.BOOL);
    this.op(OP.DUP);
    if (expr.op === 'AND') {
      const end = this.jump(OP.JZ, 0); // a false: the 0 left on the stack is the answer
      this.op(OP.POP);
      this.value(expr.b);
      this.op(OP.BOOL);
      this.patch(end, this.bytes.length);
      return;
    }
    const right = this.jump(OP.JZ, 0);
    const end = this.jump(OP.JMP, 0); // a true: the 1 left on the stack is the answer
    this.patch(right, this.bytes.length);
    this.op(OP.POP);
    this.value(expr.b);
    this.op(OP.BOOL);
    this.patch(end, this.bytes.length);
  }

  private constant(value: number): void {
    if (Number.isInteger(value) && value >= -128 && value <= 127) return this.op(OP.PUSH_I8, value & 0xff);
    if (Number.isInteger(value) && value >= -32768 && value <= 32767) return this.op(OP.PUSH_I16, value & 0xff, (value >> 8) & 0xff);
    const f32 = new DataView(new ArrayBuffer(4));
    f32.setFloat32(0, value, true);
    this.op(OP.PUSH_F, f32.getUint8(0), f32.getUint8(1), f32.getUint8(2), f32.getUint8(3));
  }

  private load(name: string): void {
    const param = this.scope.params.indexOf(name);
    if (param >= 0) this.op(OP.LOAD_L, param);
    else this.op(OP.LOAD_G, this.global(name, null));
  }

  private store(name: string): void {
    const param = this.scope.params.indexOf(name);
    if (param >= 0) this.op(OP.STORE_L, param);
    else this.op(OP.STORE_G, this.global(name, null));
  }

  private global(name: string, blockId: string | null): number {
    let index = this.globals.get(name);
    if (index === undefined) {
      index = this.globals.size;
      if (index >= MAX_GLOBALS) throw new Refused({ code: 'bytecode-too-many-variables', blockId, params: { count: index + 1, max: MAX_GLOBALS } });
      this.globals.set(name, index);
    }
    return index;
  }

  private need(capability: Capability, blockId: string): void {
    if (!this.capabilities.has(capability)) throw new Refused({ code: 'bytecode-missing-part', blockId, params: { capability } });
  }

  private op(code: number, ...operands: number[]): void {
    this.bytes.push(code, ...operands);
  }

  /** A jump to `to` (0 = patched later); returns where its address sits. */
  private jump(code: number, to: number): number {
    this.op(code, to & 0xff, (to >> 8) & 0xff);
    return this.bytes.length - 2;
  }

  private patch(at: number, to: number): void {
    this.bytes[at] = to & 0xff;
    this.bytes[at + 1] = (to >> 8) & 0xff;
  }
}

/** Statements the robot shows: motors, light, sound, pen. */
const ACTS: ReadonlySet<Stmt['kind']> = new Set(['motors.move', 'motors.turn', 'motors.set', 'motors.stop', 'light.set', 'sound.beep', 'pen.set']);

type Say = Extract<Stmt, { kind: 'say' }>;

/** A `say` block as a problem on the robot, with its words when they are written in it. */
export function sayProblem(stmt: Say, code: MessageCode): BytecodeProblem {
  return { code, blockId: stmt.blockId, ...(stmt.text.kind === 'text' ? { params: { text: stmt.text.value } } : {}) };
}

/**
 * The first `say` of a program that only talks (skipped on the robot) and does nothing the robot can
 * show: sent as is, the robot would sit still. Null when the program acts or says nothing.
 */
export function onlyTalks(program: Program): Say | null {
  const bodies = [program.body, ...Object.values(program.procedures).map((p) => p.body)];
  let first: Say | null = null;
  for (const body of bodies) {
    for (const stmt of allStatements(body)) {
      if (ACTS.has(stmt.kind)) return null;
      if (stmt.kind === 'say') first ??= stmt;
    }
  }
  return first;
}

/** Variables ever given a yes/no value (compared as text on the host: refused on the robot). */
function yesNoVariables(program: Program): Set<string> {
  const names = new Set<string>();
  const bodies = [program.body, ...Object.values(program.procedures).map((p) => p.body)];
  // A variable set from another yes/no variable is yes/no too: repeat until nothing new.
  for (let changed = true; changed; ) {
    changed = false;
    for (const body of bodies) {
      for (const stmt of allStatements(body)) {
        if (stmt.kind === 'var.set' && !names.has(stmt.name) && isYesNo(stmt.value, names)) {
          names.add(stmt.name);
          changed = true;
        }
      }
    }
  }
  return names;
}

export function compileBytecode(program: Program, profile: Profile, options: BytecodeOptions = {}): BytecodeResult {
  const emitter = new Emitter(program, new Set(profile.capabilities), yesNoVariables(program));
  try {
    emitter.compileAll();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problems: [error.problem] };
    throw error;
  }
  const image = buildImage(
    {
      fixedSeed: options.fixedSeed ?? false,
      globals: emitter.globalCount,
      uses: program.uses,
      turnMsPerDegree: turnPlan('left', 1, profile.calibration).ms,
      seed: options.seed ?? 1,
    },
    Uint8Array.from(emitter.bytes),
  );
  if (image.length > PROGRAM_MAX_BYTES) {
    return { ok: false, problems: [{ code: 'bytecode-too-big', blockId: null, params: { bytes: image.length, max: PROGRAM_MAX_BYTES } }], bytes: image.length };
  }
  return { ok: true, image, skipped: emitter.skipped };
}
