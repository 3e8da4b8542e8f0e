/** Statements that act on the robot or take time: what they do now, and what they do when time is up. */
import { assertNever, type Stmt } from '../ir';
import type { Actuators } from './actuators';
import type { EvalContext } from './evaluate';
import { evaluateNumber } from './evaluate';
import type { Profile } from '../profiles';
import { durationMs, movePlan, turnPlan, type MotorPlan } from '../hardware-rules';
import { need } from './runtime-errors';

export type RobotStmt = Extract<
  Stmt,
  { kind: 'motors.move' | 'motors.turn' | 'motors.set' | 'motors.stop' | 'light.set' | 'sound.beep' | 'pen.set' | 'wait' }
>;

export interface RobotHost {
  readonly eval: EvalContext;
  readonly actuators: Actuators;
  readonly profile: Profile;
}

/** A timed statement's wait: `ms` from now, then `then`. */
export interface Timed {
  readonly ms: number;
  readonly then: (() => void) | null;
  /**
   * The robot times this one itself (its RobotIo has a BoardTimer): the machine calls `byRobot` to
   * start it, and goes on when the robot calls `done` rather than after `ms` of its own clock.
   */
  readonly byRobot?: (done: (finished: boolean) => void) => void;
}


export function runRobotStatement(stmt: RobotStmt, host: RobotHost): Timed | null {
  const { actuators, eval: ctx } = host;
  const id = stmt.blockId;
  switch (stmt.kind) {
    case 'motors.move':
      return move(stmt, host);
    case 'motors.turn':
      return turn(stmt, host);
    case 'motors.set':
      actuators.setMotors(evaluateNumber(stmt.left, ctx), evaluateNumber(stmt.right, ctx), id);
      return null;
    case 'motors.stop':
      actuators.setMotors(0, 0, id);
      return null;
    case 'light.set':
      need(ctx.io.light, 'light', id).setLight(stmt.on);
      return null;
    case 'pen.set':
      need(ctx.io.pen, 'pen', id).setPen(stmt.down);
      return null;
    case 'sound.beep': {
      const frequency = evaluateNumber(stmt.frequency, ctx);
      const ms = durationMs(evaluateNumber(stmt.seconds, ctx));
      if (ctx.io.timer) {
        return { ms, then: () => actuators.noTone(id), byRobot: (done) => actuators.timedTone(frequency, ms, id, done) };
      }
      actuators.tone(frequency, id);
      return { ms, then: () => actuators.noTone(id) };
    }
    case 'wait':
      return { ms: durationMs(evaluateNumber(stmt.seconds, ctx)), then: null };
    default:
      return assertNever(stmt);
  }
}

function move(stmt: Extract<Stmt, { kind: 'motors.move' }>, host: RobotHost): Timed {
  const plan = movePlan(stmt.direction, evaluateNumber(stmt.speed, host.eval), evaluateNumber(stmt.seconds, host.eval));
  return drive(plan, stmt.blockId, host);
}

function turn(stmt: Extract<Stmt, { kind: 'motors.turn' }>, host: RobotHost): Timed {
  const plan = turnPlan(stmt.direction, evaluateNumber(stmt.degrees, host.eval), host.profile.calibration);
  return drive(plan, stmt.blockId, host);
}

/**
 * Both motors as planned, then both stopped when the time is up: timed by the robot when it can
 * (RobotIo.timer), else by the runtime's clock.
 */
function drive(plan: MotorPlan, blockId: string, host: RobotHost): Timed {
  const then = (): void => host.actuators.setMotors(0, 0, blockId);
  if (host.eval.io.timer) {
    return { ms: plan.ms, then, byRobot: (done) => host.actuators.timedMove(plan.left, plan.right, plan.ms, blockId, done) };
  }
  host.actuators.setMotors(plan.left, plan.right, blockId);
  return { ms: plan.ms, then };
}
