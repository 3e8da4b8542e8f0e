/**
 * The little programs « Mon robot » runs on the connected robot, as Blockly JSON (the host compiles
 * and runs them like any program, so Stop and the failsafe hold): one wheel for 1 s, drive or spin
 * for 1 s, and a program that only waits while it reads the sensors (their readings then arrive
 * live, as for the sensor chart).
 *
 * While the wizard tests the wheels, the robot is connected as its kit (the wiring sheet). To turn
 * « the left wheel » as the robot is wired now, the program sets the kit's motors through the wiring
 * found so far (`kitPowers`): the same rule as `wiredMotors` in app/core/profile-file.
 */
import type { Capability } from '../../../core/ir';
import type { MotorWiring } from '../../../core/profile-file/profile-file';
import type { WorkspaceJson } from '../../../shared/api';

type Block = Record<string, unknown>;

const num = (id: string, n: number): Block => ({ shadow: { type: 'math_number', id, fields: { NUM: n } } });

function program(...blocks: Block[]): WorkspaceJson {
  let next: Block | undefined;
  for (const block of [...blocks].reverse()) next = { ...block, ...(next ? { next: { block: next } } : {}) };
  return { blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', x: 0, y: 0, ...(next ? { next: { block: next } } : {}) }] } };
}

/** The kit's motor powers that turn the robot's wheels at (`left`, `right`) as it is wired. */
export function kitPowers(wiring: MotorWiring, left: number, right: number): { left: number; right: number } {
  const l = wiring.invertLeft ? -left : left;
  const r = wiring.invertRight ? -right : right;
  return wiring.swap ? { left: r, right: l } : { left: l, right: r };
}

/** Motors at (`left`, `right`) % of the kit for 1 s, then stopped. */
export function motorsForOneSecond(left: number, right: number): WorkspaceJson {
  return program(
    { type: 'robot_motors', id: 'motors', inputs: { LEFT: num('l', left), RIGHT: num('r', right) } },
    { type: 'robokit_wait', id: 'wait', inputs: { SECONDS: num('s', 1) } },
    { type: 'robot_stop', id: 'stop' },
  );
}

/** The robot's own wheel, forward at 50 % for 1 s, the other still. */
export function wheelTest(wiring: MotorWiring, side: 'left' | 'right'): WorkspaceJson {
  const p = kitPowers(wiring, side === 'left' ? 50 : 0, side === 'right' ? 50 : 0);
  return motorsForOneSecond(p.left, p.right);
}

/** Straight ahead (`spin` false) or spinning left in place, at `power` % for 1 s. */
export function calibrationRun(wiring: MotorWiring, power: number, spin: boolean): WorkspaceJson {
  const p = kitPowers(wiring, spin ? -power : power, power);
  return motorsForOneSecond(p.left, p.right);
}

const never = (id: string, condition: Block): Block => ({ type: 'logic_operation', id, fields: { OP: 'AND' }, inputs: { A: { block: condition }, B: { block: { type: 'logic_boolean', id: `${id}-f`, fields: { BOOL: 'FALSE' } } } } });
const below = (id: string, sensor: Block): Block => ({ type: 'logic_compare', id, fields: { OP: 'LT' }, inputs: { A: { block: sensor }, B: { block: { type: 'math_number', id: `${id}-n`, fields: { NUM: -1 } } } } });

/** Waits for ever while reading every sensor the kit has (never true): the readings come live. */
export function sensorWatch(capabilities: readonly Capability[]): WorkspaceJson | null {
  const reads: Block[] = [];
  if (capabilities.includes('distance')) reads.push(below('d', { type: 'robot_distance', id: 'distance' }));
  if (capabilities.includes('lightSensor')) reads.push(below('li', { type: 'robot_light', id: 'light' }));
  if (capabilities.includes('line')) {
    reads.push(never('ll', { type: 'robot_line', id: 'line-left', fields: { SIDE: 'LEFT' } }));
    reads.push(never('lr', { type: 'robot_line', id: 'line-right', fields: { SIDE: 'RIGHT' } }));
  }
  if (capabilities.includes('button')) reads.push(never('b', { type: 'robot_button', id: 'button' }));
  if (reads.length === 0) return null;
  const condition = reads.reduce((a, b, i) => ({ type: 'logic_operation', id: `or${i}`, fields: { OP: 'OR' }, inputs: { A: { block: a }, B: { block: b } } }));
  return program({ type: 'robokit_wait_until', id: 'watch', inputs: { CONDITION: { block: condition } } });
}
