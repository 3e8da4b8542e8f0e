import { describe, expect, it } from 'vitest';
import { driveVirtual } from '../../../app/core/runtime/drive-virtual';
import type { Runtime } from '../../../app/core/runtime/runtime';
import { change, forever, get, ifElse, compare, motors, move, num, random, repeat, say, set, turn, wait, beep } from './ir';
import { setup } from './harness';

/** Counts the runtime's slices (a wrapper, not a spy: the runtime is real). */
function countSlices(runtime: Runtime): { count: number } {
  const counter = { count: 0 };
  const slice = runtime.slice.bind(runtime);
  runtime.slice = () => {
    counter.count++;
    return slice();
  };
  return counter;
}

const dance = () => [
  set('s', 'n', num(0)),
  repeat('r', 5, [
    change('c', 'n', random(num(1), num(10))),
    ifElse('if', [[compare('GT', get('n'), num(20)), [turn('t', 'left', 45)]]], [move('m', 'forward', 40, 0.3)]),
    beep('b', 440, 0.05),
    say('say', get('n')),
  ]),
];

describe('driveVirtual', () => {
  it('is deterministic: the same program twice gives the same events, times included', async () => {
    const once = async () => {
      const h = setup(dance(), { options: { seed: 3 } });
      expect(await driveVirtual(h.runtime, h.world)).toBe('finished');
      return h.events;
    };
    const first = await once();
    expect(first.length).toBeGreaterThan(20);
    expect(await once()).toEqual(first);
  });

  it('a forever loop without waits ends with timeout at the virtual time limit', async () => {
    const h = setup([forever('f', [change('c', 'n', num(1))])]);
    const reason = await driveVirtual(h.runtime, h.world, { timeoutMs: 500 });
    expect(reason).toBe('timeout');
    expect(h.world.timeMs).toBe(500);
    expect(h.events.at(-1)).toEqual({ type: 'end', t: 500, reason: 'timeout' });
    expect(h.robot.actions().at(-1)).toEqual({ op: 'stopAll' });
  });

  it('a waiting program advances time without burning slices', async () => {
    const h = setup([wait('w', 60), say('s', num(1))]);
    const slices = countSlices(h.runtime);
    expect(await driveVirtual(h.runtime, h.world, { dtMs: 10 })).toBe('finished');
    expect(slices.count).toBe(2);
    expect(h.world.steps).toBe(6000);
    expect(h.world.timeMs).toBe(60_000);
  });

  it('a wait ends exactly on time: the last world step is shorter', async () => {
    const h = setup([wait('w', 0.333)]);
    await driveVirtual(h.runtime, h.world, { dtMs: 10 });
    expect(h.events.at(-1)).toMatchObject({ type: 'end', t: 333 });
  });

  it('a wait longer than the timeout stops at the timeout', async () => {
    const h = setup([move('m', 'forward', 50, 10)]);
    expect(await driveVirtual(h.runtime, h.world, { timeoutMs: 2000 })).toBe('timeout');
    expect(h.world.timeMs).toBe(2000);
    expect(h.robot.state.left).toBe(0);
  });

  it('maxWallSlices bounds the work whatever the virtual time', async () => {
    const h = setup([forever('f', [])]);
    const slices = countSlices(h.runtime);
    expect(await driveVirtual(h.runtime, h.world, { maxWallSlices: 25 })).toBe('timeout');
    expect(slices.count).toBe(25);
  });

  it('lets the host in every yieldEvery world steps, where it can stop the run', async () => {
    const h = setup([forever('f', [motors('m', num(30), num(30)), wait('w', 0.1)])]);
    let visits = 0;
    const yieldToHost = async () => {
      visits++;
      if (visits === 3) await h.runtime.stop();
    };
    expect(await driveVirtual(h.runtime, h.world, { yieldToHost, yieldEvery: 100 })).toBe('stopped');
    expect(h.world.steps).toBe(300);
  });

  it('waits while paused, without moving time, and goes on when resumed', async () => {
    const h = setup([say('a', num(1)), wait('w', 1), say('b', num(2))]);
    await h.runtime.start();
    h.runtime.pause();
    const done = driveVirtual(h.runtime, h.world);
    await Promise.resolve();
    expect(h.world.timeMs).toBe(0);
    h.runtime.resume();
    expect(await done).toBe('finished');
    expect(h.world.timeMs).toBe(1000);
  });
});
