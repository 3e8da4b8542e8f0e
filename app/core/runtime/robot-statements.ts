/** Statements that act on the robot or take time: what they do now, and what they do when time is up. */
import { assertNever, type Stmt } from '../ir';
import type { Actuators } from './actuators';
import type { EvalContext } from './evaluate';
import { evaluateNumber } from './evaluate';
import type { Profile } from '../profiles';
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
}

/** Spinning in place uses 50 % power. */
const TURN_POWER = 50;

const toMs = (seconds: number): number => Math.max(0, seconds * 1000);

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
      const ms = toMs(evaluateNumber(stmt.seconds, ctx));
      actuators.tone(frequency, id);
      return { ms, then: () => actuators.noTone(id) };
    }
    case 'wait':
      return { ms: toMs(evaluateNumber(stmt.seconds, ctx)), then: null };
    default:
      return assertNever(stmt);
  }
}

function move(stmt: Extract<Stmt, { kind: 'motors.move' }>, host: RobotHost): Timed {
  const speed = evaluateNumber(stmt.speed, host.eval);
  const ms = toMs(evaluateNumber(stmt.seconds, host.eval));
  const power = stmt.direction === 'forward' ? speed : -speed;
  host.actuators.setMotors(power, power, stmt.blockId);
  return { ms, then: () => host.actuators.setMotors(0, 0, stmt.blockId) };
}

/** LEFT: left wheel back, right wheel forward, for the time the calibration gives; negative degrees turn the other way. */
function turn(stmt: Extract<Stmt, { kind: 'motors.turn' }>, host: RobotHost): Timed {
  const degrees = evaluateNumber(stmt.degrees, host.eval);
  const left = (stmt.direction === 'left') === degrees >= 0;
  const degreesPerSecond = (TURN_POWER / 100) * host.profile.calibration.degreesPerSecond;
  const ms = toMs(Math.abs(degrees) / degreesPerSecond);
  host.actuators.setMotors(left ? -TURN_POWER : TURN_POWER, left ? TURN_POWER : -TURN_POWER, stmt.blockId);
  return { ms, then: () => host.actuators.setMotors(0, 0, stmt.blockId) };
}
