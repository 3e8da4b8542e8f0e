import { describe, expect, it } from 'vitest';
import { AppError, BugError } from '../../../app/core/errors';
import { change, distance, forever, motors, move, num, random, repeat, say, set, text, wait } from './ir';
import { kinds, says, setup } from './harness';

describe('start', () => {
  it('prepares the robot for what the program uses, then runs', async () => {
    const h = setup([say('s', num(1))]);
    const states: string[] = [];
    h.runtime.onDidChangeState((s) => states.push(s));
    expect(h.runtime.state).toBe('idle');
    expect(() => h.runtime.slice()).toThrow(BugError);
    await h.runtime.start();
    expect(h.robot.calls[0]).toMatchObject({ op: 'prepare' });
    expect(h.runtime.state).toBe('running');
    expect(h.runtime.slice()).toEqual({ kind: 'ended' });
    await h.runtime.stop();
    expect(states).toEqual(['running', 'ended']);
  });
});

describe('slices', () => {
  it('a forever loop without waits yields after its budget and never hangs', async () => {
    const h = setup([set('s', 'n', num(0)), forever('f', [change('c', 'n', num(1))])], { options: { stepBudget: 50 } });
    await h.runtime.start();
    for (let i = 0; i < 5; i++) expect(h.runtime.slice()).toEqual({ kind: 'yield' });
    expect(h.events.filter((e) => e.type === 'block' && e.blockId === 'c').length).toBeLessThanOrEqual(5 * 50);
    expect(h.events.filter((e) => e.type === 'block' && e.blockId === 'c').length).toBeGreaterThan(4 * 20);
  });

  it('an empty forever loop yields too (every iteration is a yield point)', async () => {
    const h = setup([forever('f', [])]);
    await h.runtime.start();
    expect(h.runtime.slice()).toEqual({ kind: 'yield' });
    expect(h.runtime.slice()).toEqual({ kind: 'yield' });
  });

  it('a wait returns the clock time it waits for, and does not move on before it', async () => {
    const h = setup([wait('w', 2), say('s', num(1))]);
    await h.runtime.start();
    expect(h.runtime.slice()).toEqual({ kind: 'wait', until: 2000 });
    h.world.timeMs = 1999;
    expect(h.runtime.slice()).toEqual({ kind: 'wait', until: 2000 });
    h.world.timeMs = 2000;
    expect(h.runtime.slice()).toEqual({ kind: 'ended' });
  });
});

describe('stop', () => {
  it('stopAll goes out first, ahead of anything; nothing runs after; one end event', async () => {
    const h = setup([forever('f', [motors('m', num(80), num(80)), motors('n', num(-80), num(80))])], { options: { stepBudget: 10 } });
    await h.runtime.start();
    expect(h.runtime.slice()).toEqual({ kind: 'yield' });
    const before = h.robot.calls.length;
    const stopping = h.runtime.stop();
    expect(h.robot.calls.slice(before).map((c) => c.op)).toEqual(['stopAll']);
    expect(h.runtime.slice()).toEqual({ kind: 'ended' });
    const again = h.runtime.stop('timeout');
    await Promise.all([stopping, again]);
    expect(h.robot.calls.slice(before).map((c) => c.op)).toEqual(['stopAll']);
    expect(h.robot.state).toMatchObject({ left: 0, right: 0 });
    expect(kinds(h.events).slice(-2)).toEqual(['motors 0 0', 'end stopped']);
    expect(h.events.filter((e) => e.type === 'end')).toHaveLength(1);
    expect(h.runtime.state).toBe('ended');
  });

  it('stop before start still makes the robot safe and ends once', async () => {
    const h = setup([say('s', num(1))]);
    await h.runtime.stop('stopped');
    expect(h.robot.actions()).toEqual([{ op: 'stopAll' }]);
    expect(kinds(h.events)).toEqual(['end stopped']);
  });

  it('a lost link ends the run: stopAll, robot-disconnected, end disconnected', async () => {
    const h = setup([forever('f', [wait('w', 1)])], { link: true });
    await h.runtime.start();
    h.runtime.slice();
    h.robot.loseLink();
    expect(h.robot.calls.at(-1)?.op).toBe('stopAll');
    await h.runtime.stop();
    expect(kinds(h.events).slice(-2)).toEqual(['error robot-disconnected -', 'end disconnected']);
  });

  it('a robot that cannot be prepared ends the run with its error', async () => {
    const h = setup([say('s', num(1))]);
    h.robot.prepare = () => Promise.reject(new AppError({ code: 'robot-disconnected' }));
    await h.runtime.start();
    expect(kinds(h.events)).toEqual(['error robot-disconnected -', 'end error']);
    expect(h.runtime.state).toBe('ended');
  });
});

describe('a bug in an adapter', () => {
  it('goes up out of slice(), but only after the robot was told to stop', async () => {
    const h = setup([motors('m', num(60), num(60)), say('s', distance())]);
    h.robot.distance!.readDistance = () => {
      throw new Error('adapter bug');
    };
    await h.runtime.start();
    expect(() => h.runtime.slice()).toThrow('adapter bug');
    expect(h.robot.calls.at(-1)?.op).toBe('stopAll');
    await h.runtime.stop();
    expect(kinds(h.events).slice(-2)).toEqual(['motors 0 0', 'end error']);
  });
});

describe('pause, step, resume', () => {
  it('step runs exactly one statement; a timed one runs to its end, then paused again', async () => {
    const h = setup([say('a', text('a')), move('m', 'forward', 50, 1), say('b', text('b'))]);
    await h.runtime.start();
    h.runtime.pause();
    expect(h.runtime.slice()).toEqual({ kind: 'paused' });
    h.runtime.step();
    expect(kinds(h.events)).toEqual(['block a', 'say a']);
    expect(h.runtime.state).toBe('paused');
    h.runtime.step();
    expect(h.runtime.state).toBe('running');
    expect(kinds(h.events).slice(2)).toEqual(['block m', 'motors 50 50']);
    expect(h.runtime.slice()).toEqual({ kind: 'wait', until: 1000 });
    h.world.timeMs = 1000;
    expect(h.runtime.slice()).toEqual({ kind: 'paused' });
    expect(h.runtime.state).toBe('paused');
    expect(kinds(h.events).slice(4)).toEqual(['motors 0 0']);
    h.runtime.step();
    expect(says(h.events)).toEqual(['a', 'b']);
    h.runtime.step();
    await h.runtime.stop();
    expect(kinds(h.events).at(-1)).toBe('end finished');
  });

  it('every step shows a statement: a loop going round is not a step of its own', async () => {
    const h = setup([repeat('r', 2, [say('a', text('a'))]), say('b', text('b'))]);
    await h.runtime.start();
    h.runtime.pause();
    const blocks = () => kinds(h.events).filter((k) => k.startsWith('block'));
    h.runtime.step();
    expect(blocks()).toEqual(['block r']);
    h.runtime.step();
    expect(blocks()).toEqual(['block r', 'block a']);
    h.runtime.step();
    expect(blocks()).toEqual(['block r', 'block a', 'block a']);
    h.runtime.step();
    expect(blocks()).toEqual(['block r', 'block a', 'block a', 'block b']);
    expect(h.runtime.state).toBe('paused');
    await h.runtime.stop();
  });

  it('a step round an empty forever loop pauses again instead of freezing', async () => {
    const h = setup([forever('f', [])]);
    await h.runtime.start();
    h.runtime.pause();
    h.runtime.step();
    h.runtime.step();
    expect(h.runtime.state).toBe('paused');
    await h.runtime.stop();
  });

  it('pausing makes the robot safe and the wait does not count paused time', async () => {
    const h = setup([move('m', 'forward', 70, 1), say('s', text('done'))]);
    await h.runtime.start();
    expect(h.runtime.slice()).toEqual({ kind: 'wait', until: 1000 });
    h.world.timeMs = 400;
    h.runtime.pause();
    expect(h.robot.state.left).toBe(0);
    h.world.timeMs = 5000;
    h.runtime.resume();
    expect(h.robot.state.left).toBe(70);
    expect(h.runtime.slice()).toEqual({ kind: 'wait', until: 5600 });
    expect(kinds(h.events)).toEqual(['block m', 'motors 70 70', 'motors 0 0', 'motors 70 70']);
  });

  it('a statement stepped while paused keeps the robot safe until the program runs again', async () => {
    const h = setup([motors('m', num(40), num(40)), wait('w', 1)]);
    await h.runtime.start();
    h.runtime.pause();
    h.runtime.step();
    expect(h.robot.state.left).toBe(0);
    expect(kinds(h.events)).toEqual(['block m']);
    h.runtime.resume();
    expect(h.robot.state.left).toBe(40);
    expect(kinds(h.events)).toEqual(['block m', 'motors 40 40']);
  });

  it('pause, resume and step are ignored when they do not apply', async () => {
    const h = setup([say('a', text('a'))]);
    h.runtime.pause();
    h.runtime.step();
    expect(h.runtime.state).toBe('idle');
    await h.runtime.start();
    h.runtime.resume();
    h.runtime.step();
    expect(h.events).toEqual([]);
  });
});

describe('random', () => {
  const draws = async (seed: number) => {
    const h = setup([{ kind: 'repeat', blockId: 'r', times: num(200), body: [say('s', random(num(6), num(1)))] }], {
      options: { seed },
    });
    await h.runtime.start();
    h.runtime.slice();
    return says(h.events).map(Number);
  };

  it('same seed, same numbers; another seed, other numbers', async () => {
    expect(await draws(7)).toEqual(await draws(7));
    expect(await draws(7)).not.toEqual(await draws(8));
  });

  it('math_random_int is inclusive and swaps from > to', async () => {
    const values = await draws(1);
    expect(values).toHaveLength(200);
    expect(new Set(values)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });
});
