import { describe, expect, it } from 'vitest';
import { RealtimeDriver, type Scheduler } from '../../../app/core/runtime/drive-realtime';
import { FakeRobot } from '../robot-io/fake-robot';
import { Runtime } from '../../../app/core/runtime/runtime';
import type { RunEvent } from '../../../app/core/runtime/events';
import type { Stmt } from '../../../app/core/ir';
import { button, change, forever, num, program, say, wait, waitUntil } from './ir';
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
