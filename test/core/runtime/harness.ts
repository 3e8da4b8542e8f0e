/** A runtime on a fake robot and a hand-stepped clock, recording every event. */
import { BUILT_IN_PROFILES, type Profile } from '../../../app/core/profiles';
import type { Capability, Procedure, Stmt } from '../../../app/core/ir';
import { FakeRobot } from '../robot-io/fake-robot';
import { driveVirtual, type DriveVirtualOptions } from '../../../app/core/runtime/drive-virtual';
import type { RunEvent } from '../../../app/core/runtime/events';
import { Runtime, type RuntimeOptions } from '../../../app/core/runtime/runtime';
import { program } from './ir';

export const SIM = BUILT_IN_PROFILES['sim'] as Profile;

/** A world that is only a clock: stepping it moves time. */
export class TickWorld {
  timeMs = 0;
  steps = 0;
  /** Called after each step, e.g. to press the button at some time. */
  onStep: (timeMs: number) => void = () => {};

  step(dtMs: number): void {
    this.timeMs += dtMs;
    this.steps++;
    this.onStep(this.timeMs);
  }
}

export interface Setup {
  procedures?: Procedure[];
  capabilities?: readonly Capability[];
  link?: boolean;
  options?: Partial<RuntimeOptions>;
}

export function setup(body: Stmt[], s: Setup = {}) {
  const world = new TickWorld();
  const clock = { now: () => world.timeMs };
  const robot = new FakeRobot({ clock, ...(s.capabilities ? { capabilities: s.capabilities } : {}), link: s.link ?? false });
  const runtime = new Runtime(program(body, s.procedures), robot, clock, { profile: SIM, ...s.options });
  const events: RunEvent[] = [];
  runtime.onDidEmit((e) => events.push(e));
  return { world, clock, robot, runtime, events };
}

/** Runs a program to its end on virtual time. */
export async function run(body: Stmt[], s: Setup = {}, drive: DriveVirtualOptions = {}) {
  const h = setup(body, s);
  const reason = await driveVirtual(h.runtime, h.world, drive);
  return { ...h, reason };
}

/** The events without their time, for order checks. */
export const kinds = (events: readonly RunEvent[]): string[] =>
  events.map((e) => {
    switch (e.type) {
      case 'block':
        return `block ${e.blockId}`;
      case 'say':
        return `say ${e.text}`;
      case 'motors':
        return `motors ${e.left} ${e.right}`;
      case 'error':
        return `error ${e.code} ${e.blockId ?? '-'}`;
      case 'end':
        return `end ${e.reason}`;
    }
  });

export const says = (events: readonly RunEvent[]): string[] =>
  events.flatMap((e) => (e.type === 'say' ? [e.text] : []));
