/**
 * The simulator's RobotIo: only the capabilities the profile lists. Actuator calls change the
 * simulated robot at once (they take effect from the next step); sensor reads see the current step.
 */
import type { Capability, Side } from '../ir';
import type { RobotIo } from '../robot-io';
import type { RobotSensors } from './robot-sensors';

/** Actuator state the simulation reads every step. */
export interface SimActuators {
  left: number;
  right: number;
  lightOn: boolean;
  toneHz: number;
  penDown: boolean;
}

export interface SimIoHooks {
  toneChanged(hz: number): void;
  penLifted(): void;
  readSensors(): RobotSensors;
  readButton(): boolean;
}

/** −100…100, and 0 for anything that is not a number. */
function power(p: number): number {
  if (!Number.isFinite(p)) return 0;
  return p < -100 ? -100 : p > 100 ? 100 : p;
}

export function buildSimIo(caps: readonly Capability[], act: SimActuators, hooks: SimIoHooks): RobotIo {
  const has = (c: Capability): boolean => caps.includes(c);
  const setTone = (hz: number): void => {
    const next = Number.isFinite(hz) && hz > 0 ? hz : 0;
    if (next === act.toneHz) return;
    act.toneHz = next;
    hooks.toneChanged(next);
  };
  const setMotors = (left: number, right: number): void => {
    act.left = power(left);
    act.right = power(right);
  };
  return {
    ...(has('motors') ? { motors: { setMotors } } : {}),
    ...(has('light') ? { light: { setLight: (on: boolean) => void (act.lightOn = on) } } : {}),
    ...(has('sound') ? { sound: { tone: setTone, noTone: () => setTone(0) } } : {}),
    ...(has('pen') ? { pen: { setPen: (down: boolean) => setPen(act, hooks, down) } } : {}),
    ...(has('distance') ? { distance: { readDistance: () => hooks.readSensors().distanceCm } } : {}),
    ...(has('line') ? { line: { readLine: (side: Side) => readLine(hooks.readSensors(), side) } } : {}),
    ...(has('lightSensor') ? { lightSensor: { readLight: () => hooks.readSensors().light } } : {}),
    ...(has('button') ? { button: { readButton: hooks.readButton } } : {}),
    prepare: () => Promise.resolve(),
    stopAll: () => {
      setMotors(0, 0);
      setTone(0);
      return Promise.resolve();
    },
  };
}

function setPen(act: SimActuators, hooks: SimIoHooks, down: boolean): void {
  if (act.penDown && !down) hooks.penLifted();
  act.penDown = down;
}

function readLine(s: RobotSensors, side: Side): boolean {
  return side === 'left' ? s.leftDark : s.rightDark;
}
