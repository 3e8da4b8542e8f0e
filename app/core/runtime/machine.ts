/**
 * Runs a program one unit at a time over an explicit frame stack. A unit is one statement started
 * or one loop iteration begun: both are yield points for the runtime's step budget.
 */
import { assertNever, type Program, type Stmt } from '../ir';
import type { Profile } from '../profiles';
import type { Clock } from './events';
import type { Actuators } from './actuators';
import { evaluate, evaluateBoolean, evaluateNumber, type EvalContext } from './evaluate';
import { reached, type Frame, type Pending } from './frames';
import { runRobotStatement, type RobotStmt } from './robot-statements';
import { pupilError } from './runtime-errors';
import { sayValue } from './values';

export interface MachineHost {
  readonly eval: EvalContext;
  readonly actuators: Actuators;
  readonly clock: Clock;
  readonly profile: Profile;
  readonly maxCallDepth: number;
  emitBlock(blockId: string): void;
  emitSay(blockId: string, said: ReturnType<typeof sayValue>): void;
  /** The robot finished something it timed: a driver waiting on the clock should slice now. */
  wake(): void;
}

/** Waiting on the robot past the time its action should take: look again this often (ms). */
export const ROBOT_LATE_POLL_MS = 10;

export type Unit = 'statement' | 'iteration' | 'done';

export type Blocked = { kind: 'wait'; until: number } | { kind: 'yield' };

export class Machine {
  private readonly stack: Frame[];
  private pending: Pending | null = null;

  constructor(
    private readonly program: Program,
    private readonly host: MachineHost,
  ) {
    this.stack = [{ kind: 'block', stmts: program.body, index: 0 }];
  }

  get isBlocked(): boolean {
    return this.pending !== null;
  }

  get waitingForCondition(): boolean {
    return this.pending?.kind === 'condition';
  }

  /** What the program waits for now, or null once it may go on (running a timed statement's end). */
  blocked(): Blocked | null {
    const pending = this.pending;
    if (pending === null) return null;
    if (pending.kind === 'condition') {
      if (!evaluateBoolean(pending.condition, this.host.eval)) return { kind: 'yield' };
    } else if (pending.kind === 'robot') {
      if (!pending.done) {
        // Woken by the robot's done; until then sleep to the expected end, then look again now and then.
        const now = this.host.clock.now();
        return { kind: 'wait', until: reached(now, pending.until) ? now + ROBOT_LATE_POLL_MS : pending.until };
      }
      pending.then?.();
    } else {
      if (!reached(this.host.clock.now(), pending.until)) return { kind: 'wait', until: pending.until };
      pending.then?.();
    }
    this.pending = null;
    return null;
  }

  /** Time spent paused does not count against a wait. */
  shiftWait(ms: number): void {
    const pending = this.pending;
    if (pending?.kind === 'time') pending.until += ms;
    if (pending?.kind === 'robot') {
      pending.until += ms;
      // The pause stopped the robot's timed action: what is left of it is waited on the clock.
      if (pending.cancelled) this.pending = { kind: 'time', until: pending.until, then: pending.then };
    }
  }

  /** The program ends: forget everything still to do. */
  clear(): void {
    this.stack.length = 0;
    this.pending = null;
  }

  runUnit(): Unit {
    for (;;) {
      const top = this.stack.at(-1);
      if (top === undefined) return 'done';
      const unit = this.advance(top);
      if (unit !== null) return unit;
    }
  }

  private advance(top: Frame): Unit | null {
    switch (top.kind) {
      case 'block': {
        const stmt = top.stmts[top.index++];
        if (stmt === undefined) return this.pop();
        this.execute(stmt);
        return 'statement';
      }
      case 'repeat':
        if (top.remaining <= 0) return this.pop();
        top.remaining--;
        return this.enter(top.body);
      case 'while':
        if (evaluateBoolean(top.condition, this.host.eval) === top.until) return this.pop();
        return this.enter(top.body);
      case 'forever':
        return this.enter(top.body);
      case 'return':
        this.host.eval.vars.leaveCall();
        return this.pop();
      default:
        return assertNever(top);
    }
  }

  private pop(): null {
    this.stack.pop();
    return null;
  }

  private enter(body: readonly Stmt[]): 'iteration' {
    this.stack.push({ kind: 'block', stmts: body, index: 0 });
    return 'iteration';
  }

  private execute(stmt: Stmt): void {
    this.host.emitBlock(stmt.blockId);
    const ctx = this.host.eval;
    switch (stmt.kind) {
      case 'motors.move':
      case 'motors.turn':
      case 'motors.set':
      case 'motors.stop':
      case 'light.set':
      case 'sound.beep':
      case 'pen.set':
      case 'wait':
        return this.runRobot(stmt);
      case 'wait.until':
        this.pending = { kind: 'condition', condition: stmt.condition };
        return;
      case 'say':
        return this.host.emitSay(stmt.blockId, sayValue(evaluate(stmt.text, ctx)));
      case 'forever':
        this.stack.push({ kind: 'forever', body: stmt.body });
        return;
      case 'repeat':
        this.stack.push({ kind: 'repeat', body: stmt.body, remaining: Math.ceil(evaluateNumber(stmt.times, ctx)) });
        return;
      case 'while':
        this.stack.push({ kind: 'while', until: stmt.until, condition: stmt.condition, body: stmt.body });
        return;
      case 'if':
        return this.runIf(stmt);
      case 'var.set':
        return ctx.vars.set(stmt.name, evaluate(stmt.value, ctx));
      case 'var.change':
        return this.change(stmt.name, evaluateNumber(stmt.delta, ctx));
      case 'call':
        return this.call(stmt);
      default:
        return assertNever(stmt);
    }
  }

  private runRobot(stmt: RobotStmt): void {
    const timed = runRobotStatement(stmt, this.host);
    if (timed === null) return;
    const until = this.host.clock.now() + timed.ms;
    if (!timed.byRobot) {
      this.pending = { kind: 'time', until, then: timed.then };
      return;
    }
    const pending: Extract<Pending, { kind: 'robot' }> = { kind: 'robot', until, then: timed.then, done: false, cancelled: false };
    this.pending = pending;
    timed.byRobot((finished) => {
      if (this.pending !== pending || pending.done) return;
      pending.done = true;
      pending.cancelled = !finished;
      this.host.wake();
    });
  }

  private runIf(stmt: Extract<Stmt, { kind: 'if' }>): void {
    const branch = stmt.branches.find((b) => evaluateBoolean(b.condition, this.host.eval));
    const body = branch ? branch.body : stmt.otherwise;
    if (body) this.stack.push({ kind: 'block', stmts: body, index: 0 });
  }

  /** `math_change`: a variable holding something other than a number counts as 0. */
  private change(name: string, delta: number): void {
    const vars = this.host.eval.vars;
    const current = vars.get(name);
    vars.set(name, (typeof current === 'number' ? current : 0) + delta);
  }

  private call(stmt: Extract<Stmt, { kind: 'call' }>): void {
    const procedures = this.program.procedures;
    if (!Object.prototype.hasOwnProperty.call(procedures, stmt.name)) {
      throw pupilError('procedure-missing', stmt.blockId, { name: stmt.name });
    }
    const procedure = procedures[stmt.name]!;
    const vars = this.host.eval.vars;
    if (vars.callDepth >= this.host.maxCallDepth) throw pupilError('recursion-too-deep', stmt.blockId);
    const args = stmt.args.map((arg) => evaluate(arg, this.host.eval));
    vars.enterCall(procedure.params, args);
    this.stack.push({ kind: 'return' }, { kind: 'block', stmts: procedure.body, index: 0 });
  }
}
