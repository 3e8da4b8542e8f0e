/**
 * The run's events under a loop without waits: `block` and `motors` held to the latest one per
 * period while running, nothing else dropped, and the highlighted block exact on pause, on each
 * step and at the end (compared with everything the runtime emitted).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../app/core/compiler/compile';
import { findProfile } from '../../../app/core/profiles';
import { FakeRobot } from '../../core/robot-io/fake-robot';
import { RealtimeDriver } from '../../../app/core/runtime/drive-realtime';
import type { RunEvent, RunState } from '../../../app/core/runtime/events';
import { Runtime } from '../../../app/core/runtime/runtime';
import { throttleRunSink } from '../../../app/host/run/event-throttle';
import { createRunEngine, systemWallClock } from '../../../app/host/run/run-engine';
import type { WorkspaceJson } from '../../../app/shared/api';
import { foreverWithoutWaits, increment, num } from './workspaces';

const PERIOD_MS = 30;
const motors = (id: string, left: number, right: number) => ({ type: 'robot_motors', id, inputs: { LEFT: num(`${id}-l`, left), RIGHT: num(`${id}-r`, right) } });
/** Changes the motors twice per turn, so `motors` events flood too. */
const FLOODING = foreverWithoutWaits(increment('inc'), motors('fast', 40, 40), motors('slow', 20, 20));

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const lastOf = <T extends RunEvent['type']>(events: readonly RunEvent[], type: T) =>
  events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type).at(-1);

function program(workspace: WorkspaceJson) {
  const { program } = compile(workspace, { profile: findProfile('arduino-2wd')! });
  if (!program) throw new Error('does not compile');
  return program;
}

describe('throttled run events', () => {
  it('hold block and motors to one per period, and are exact at pause, step and stop', async () => {
    const t0 = performance.now();
    const clock = { now: () => performance.now() - t0 };
    const runtime = new Runtime(program(FLOODING), new FakeRobot({ clock }), clock, { profile: findProfile('arduino-2wd')! });
    const emitted: RunEvent[] = [];
    const sent: RunEvent[] = [];
    const states: RunState[] = [];
    const sink = throttleRunSink(
      { event: (e) => sent.push(e), state: (s) => states.push(s), simulation: () => undefined, sensors: () => undefined },
      { clock: systemWallClock, periodMs: PERIOD_MS },
    );
    runtime.onDidEmit((e) => emitted.push(e));
    runtime.onDidEmit((e) => sink.event(e));
    runtime.onDidChangeState((s) => sink.state(s));
    const ended = new RealtimeDriver(runtime, { ...systemWallClock, now: clock.now }).start();

    await delay(400);
    runtime.pause();
    const ranFor = clock.now();
    expect(states.at(-1)).toBe('paused');
    const blocks = sent.filter((e) => e.type === 'block').length;
    expect(emitted.filter((e) => e.type === 'block').length).toBeGreaterThan(20 * blocks);
    expect(blocks).toBeLessThanOrEqual(Math.ceil(ranFor / PERIOD_MS) + 1);
    expect(sent.filter((e) => e.type === 'motors').length).toBeLessThanOrEqual(Math.ceil(ranFor / PERIOD_MS) + 1);
    // Paused: the highlight is the block the program is at, and the motors what it last asked for.
    expect(lastOf(sent, 'block')).toEqual(lastOf(emitted, 'block'));
    expect(lastOf(sent, 'motors')).toEqual(lastOf(emitted, 'motors'));

    const highlighted = new Set<string>();
    for (let i = 0; i < 8; i++) {
      runtime.step();
      expect(runtime.state).toBe('paused');
      expect(lastOf(sent, 'block')).toEqual(lastOf(emitted, 'block'));
      highlighted.add(lastOf(sent, 'block')!.blockId);
    }
    // Each block of the loop had its turn.
    expect([...highlighted].sort()).toEqual(['fast', 'inc', 'slow']);

    runtime.resume();
    await delay(100);
    await runtime.stop();
    await ended;
    expect(sent.at(-1)).toMatchObject({ type: 'end', reason: 'stopped' });
    expect(lastOf(sent, 'block')).toEqual(lastOf(emitted, 'block'));
    expect(lastOf(sent, 'motors')).toMatchObject({ left: 0, right: 0 });
    expect(states.at(-1)).toBe('ended');
  });

  it('holds the latest say like the highlighted block; never holds error or end, sent after what led to them', () => {
    const sent: RunEvent[] = [];
    const timers: (() => void)[] = [];
    const sink = throttleRunSink(
      { event: (e) => sent.push(e), state: () => undefined, simulation: () => undefined, sensors: () => undefined },
      { clock: { setTimeout: (fn) => timers.push(fn), clearTimeout: () => undefined }, periodMs: PERIOD_MS },
    );
    sink.state('running');
    sink.event({ type: 'block', t: 1, blockId: 'a' });
    sink.event({ type: 'block', t: 2, blockId: 'say' });
    sink.event({ type: 'say', t: 2, blockId: 'say', text: 'un' });
    sink.event({ type: 'say', t: 2, blockId: 'say', text: 'deux' });
    expect(sent).toEqual([]);
    timers.shift()!();
    expect(sent).toEqual([
      { type: 'block', t: 2, blockId: 'say' },
      { type: 'say', t: 2, blockId: 'say', text: 'deux' },
    ]);
    sent.length = 0;
    sink.event({ type: 'say', t: 3, blockId: 'say', text: 'trois' });
    sink.event({ type: 'block', t: 3, blockId: 'div' });
    sink.event({ type: 'error', t: 3, code: 'division-by-zero', message: { fr: 'Division par zéro', en: 'Division by zero' }, blockId: 'div' });
    sink.event({ type: 'end', t: 3, reason: 'error' });
    expect(sent).toEqual([
      { type: 'say', t: 3, blockId: 'say', text: 'trois' },
      { type: 'block', t: 3, blockId: 'div' },
      expect.objectContaining({ type: 'error', blockId: 'div' }),
      { type: 'end', t: 3, reason: 'error' },
    ]);
  });

  it('a robot run with a loop without waits sends a bounded number of events', async () => {
    const profile = findProfile('arduino-2wd')!;
    const sent: RunEvent[] = [];
    const robot = new FakeRobot();
    let ended!: () => void;
    const done = new Promise<void>((resolve) => (ended = resolve));
    const handle = createRunEngine({ frameMs: PERIOD_MS }).start(program(foreverWithoutWaits(increment('inc'))), { kind: 'robot', profile, io: robot }, { paused: false }, {
      event: (e) => sent.push(e),
      state: (s) => s === 'ended' && ended(),
      simulation: () => undefined,
      sensors: () => undefined,
    });
    const startedAt = performance.now();
    await delay(500);
    await handle.stop();
    await done;
    const ranFor = performance.now() - startedAt;
    const blocks = sent.filter((e) => e.type === 'block');
    expect(blocks.length).toBeGreaterThan(3);
    // One per period at most, plus the one flushed by Stop.
    expect(blocks.length).toBeLessThanOrEqual(Math.ceil(ranFor / PERIOD_MS) + 1);
    expect(sent.at(-1)).toMatchObject({ type: 'end', reason: 'stopped' });
  });
});
