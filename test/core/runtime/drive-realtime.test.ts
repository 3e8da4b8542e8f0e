import { describe, expect, it } from 'vitest';
import { RealtimeDriver, type Scheduler } from '../../../app/core/runtime/drive-realtime';
import { FakeRobot } from '../robot-io/fake-robot';
import { Runtime } from '../../../app/core/runtime/runtime';
import type { RunEvent } from '../../../app/core/runtime/events';
import type { Stmt } from '../../../app/core/ir';
import type { BoardTimer, RobotIo } from '../../../app/core/robot-io';
import { beep, button, change, forever, move, num, program, say, turn, wait, waitUntil } from './ir';
import { SIM } from './harness';

/** A hand-stepped scheduler: timers fire when `advance` passes them; a 0 ms timer takes 1 ms, like a host's. */
class FakeScheduler implements Scheduler {
  time = 0;
  fired: { at: number; delay: number }[] = [];
  private timers = new Map<number, { at: number; delay: number; fn: () => void }>();
  private next = 1;

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.time + Math.max(1, ms), delay: ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  now(): number {
    return this.time;
  }

  get pending(): number {
    return this.timers.size;
  }

  /** Runs every timer due within `ms`, in time order, letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await flush();
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, timer] = due;
      this.timers.delete(id);
      this.time = timer.at;
      this.fired.push({ at: timer.at, delay: timer.delay });
      timer.fn();
    }
    this.time = end;
    await flush();
  }
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

function rig(body: Stmt[], stepBudget = 1000) {
  const scheduler = new FakeScheduler();
  const clock = { now: () => scheduler.now() };
  const robot = new FakeRobot({ clock });
  const runtime = new Runtime(program(body), robot, clock, { profile: SIM, stepBudget });
  const events: RunEvent[] = [];
  runtime.onDidEmit((e) => events.push(e));
  return { scheduler, robot, runtime, events };
}

describe('RealtimeDriver', () => {
  it('sleeps on one timer while the program waits (no busy wakeups)', async () => {
    const r = rig([wait('w', 5), say('s', num(1))]);
    const done = new RealtimeDriver(r.runtime, r.scheduler).start();
    await r.scheduler.advance(10_000);
    expect(await done).toBe('finished');
    expect(r.scheduler.fired).toEqual([
      { at: 1, delay: 0 },
      { at: 5001, delay: 5000 },
    ]);
    expect(r.events.find((e) => e.type === 'say')?.t).toBe(5001);
    expect(r.scheduler.pending).toBe(0);
  });

  it('a forever loop without waits yields to the host between budgets and can be stopped', async () => {
    const r = rig([forever('f', [change('c', 'n', num(1))])], 100);
    const done = new RealtimeDriver(r.runtime, r.scheduler).start();
    await r.scheduler.advance(20);
    expect(r.scheduler.fired.length).toBe(20);
    expect(r.scheduler.fired.every((f) => f.delay === 0)).toBe(true);
    expect(r.runtime.state).toBe('running');
    await r.runtime.stop();
    expect(await done).toBe('stopped');
    expect(r.scheduler.pending).toBe(0);
  });

  it('re-checks wait until every sliceMs, not more', async () => {
    const r = rig([waitUntil('u', button()), say('s', num(1))]);
    const done = new RealtimeDriver(r.runtime, r.scheduler, { sliceMs: 25 }).start();
    await r.scheduler.advance(200);
    r.robot.setButton(true);
    await r.scheduler.advance(100);
    expect(await done).toBe('finished');
    expect(r.scheduler.fired.slice(1).every((f) => f.delay === 25)).toBe(true);
    // First slice at 1 ms, then one check every 25 ms: 26, 51, …, 201 (pressed at 200).
    expect(r.scheduler.fired.length).toBe(1 + 8);
    expect(r.events.find((e) => e.type === 'say')?.t).toBe(201);
  });

  it('timeoutMs stops a run that goes on for too long', async () => {
    const r = rig([forever('f', [wait('w', 1)])]);
    const done = new RealtimeDriver(r.runtime, r.scheduler, { timeoutMs: 3500 }).start();
    await r.scheduler.advance(10_000);
    expect(await done).toBe('timeout');
    expect(r.events.at(-1)).toMatchObject({ type: 'end', reason: 'timeout', t: 3500 });
    expect(r.scheduler.pending).toBe(0);
  });

  it('pause cancels the wakeup; resume schedules it again with the paused time added', async () => {
    const r = rig([wait('w', 1), say('s', num(1))]);
    const done = new RealtimeDriver(r.runtime, r.scheduler).start();
    await r.scheduler.advance(500);
    r.runtime.pause();
    expect(r.scheduler.pending).toBe(0);
    await r.scheduler.advance(10_000);
    r.runtime.resume();
    await r.scheduler.advance(10_000);
    expect(await done).toBe('finished');
    expect(r.events.find((e) => e.type === 'say')?.t).toBe(11_001);
  });
});

/** A robot that times its moves and beeps itself: the test says when each is done. */
class TimingRobot {
  readonly started: Array<{ what: string; ms: number; done: (finished: boolean) => void; at: number }> = [];
  readonly io: RobotIo;
  constructor(
    readonly robot: FakeRobot,
    scheduler: FakeScheduler,
  ) {
    const timer: BoardTimer = {
      move: (l, r, ms, done) => {
        robot.motors!.setMotors(l, r);
        this.started.push({ what: `move ${l} ${r}`, ms, done, at: scheduler.now() });
      },
      tone: (hz, ms, done) => {
        robot.sound!.tone(hz);
        this.started.push({ what: `tone ${hz}`, ms, done, at: scheduler.now() });
      },
    };
    this.io = {
      motors: robot.motors!,
      sound: robot.sound!,
      prepare: (uses) => robot.prepare(uses),
      stopAll: () => robot.stopAll(),
      timer,
    };
  }
  finish(finished = true): void {
    const last = this.started.at(-1)!;
    last.done(finished);
  }
}

function timingRig(body: Stmt[]) {
  const scheduler = new FakeScheduler();
  const clock = { now: () => scheduler.now() };
  const robot = new TimingRobot(new FakeRobot({ clock }), scheduler);
  const runtime = new Runtime(program(body, [], ['motors', 'sound']), robot.io, clock, { profile: SIM });
  const events: RunEvent[] = [];
  runtime.onDidEmit((e) => events.push(e));
  return { scheduler, robot, runtime, events };
}

describe('RealtimeDriver with a robot that times its own moves (RobotIo.timer)', () => {
  it('a move goes on when the robot says done, late or early, not by the runtime clock', async () => {
    const r = timingRig([move('m', 'forward', 50, 1), say('a', num(1)), move('m2', 'backward', 40, 1), say('b', num(2))]);
    const done = new RealtimeDriver(r.runtime, r.scheduler).start();
    await r.scheduler.advance(1500); // the robot is slow: 1 s of its time is 1.5 s of ours
    expect(r.robot.started.map((s) => [s.what, s.ms])).toEqual([['move 50 50', 1000]]);
    expect(r.events.some((e) => e.type === 'say')).toBe(false);
    r.robot.finish();
    await r.scheduler.advance(1);
    expect(r.events.find((e) => e.type === 'say')?.t).toBe(1501);
    expect(r.robot.started.at(-1)!.what).toBe('move -40 -40');
    await r.scheduler.advance(600); // this one the robot finishes early
    r.robot.finish();
    await r.scheduler.advance(5);
    expect(await done).toBe('finished');
    expect(r.events.filter((e) => e.type === 'say').map((e) => e.t)).toEqual([1501, 2102]);
    // While late, the driver looks again only every ROBOT_LATE_POLL_MS, never in a busy loop.
    expect(r.scheduler.fired.length).toBeLessThan(60);
  });

  it('turns and beeps are timed by the robot too', async () => {
    const r = timingRig([turn('t', 'left', 90), beep('b', 440, 0.5)]);
    const done = new RealtimeDriver(r.runtime, r.scheduler).start();
    await r.scheduler.advance(10);
    expect(r.robot.started[0]!.what).toBe('move -50 50');
    r.robot.finish();
    await r.scheduler.advance(10);
    expect(r.robot.started.map((s) => [s.what, s.ms])).toEqual([['move -50 50', r.robot.started[0]!.ms], ['tone 440', 500]]);
    r.robot.finish();
    await r.scheduler.advance(10);
    expect(await done).toBe('finished');
  });

  it('a pause stops the timed move; resume runs the rest on the clock, then the motors stop', async () => {
    const r = timingRig([move('m', 'forward', 50, 1), say('a', num(1))]);
    const done = new RealtimeDriver(r.runtime, r.scheduler).start();
    await r.scheduler.advance(400);
    r.runtime.pause();
    expect(r.robot.robot.state.left).toBe(0);
    r.robot.finish(false); // the robot says its move was cancelled
    await r.scheduler.advance(5000);
    r.runtime.resume();
    await r.scheduler.advance(1);
    expect(r.robot.robot.state.left).toBe(50);
    await r.scheduler.advance(1000);
    expect(await done).toBe('finished');
    // 1 ms to start + 399 ms moving, 5 s paused, 601 ms left after the resume.
    expect(r.events.find((e) => e.type === 'say')?.t).toBeCloseTo(1 + 1000 + 5000 + 1, -1);
    expect(r.robot.robot.state.left).toBe(0);
  });

  it('stop ends a run waiting on the robot', async () => {
    const r = timingRig([move('m', 'forward', 50, 100)]);
    const done = new RealtimeDriver(r.runtime, r.scheduler).start();
    await r.scheduler.advance(50);
    await r.runtime.stop();
    expect(await done).toBe('stopped');
    expect(r.robot.robot.state.left).toBe(0);
  });
});
