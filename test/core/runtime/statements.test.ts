import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../app/core/profiles';
import { driveVirtual } from '../../../app/core/runtime/drive-virtual';
import { beep, button, compare, led, motors, move, num, pen, say, stopMotors, turn, wait, waitUntil } from './ir';
import { kinds, run, setup, SIM } from './harness';

describe('robot statements', () => {
  it('move: both motors at speed, wait, motors 0; then stopAll and end', async () => {
    const { events, robot, reason } = await run([move('m', 'forward', 60, 1.5)]);
    expect(reason).toBe('finished');
    expect(events).toEqual([
      { type: 'block', t: 0, blockId: 'm' },
      { type: 'motors', t: 0, left: 60, right: 60 },
      { type: 'motors', t: 1500, left: 0, right: 0 },
      { type: 'end', t: 1500, reason: 'finished' },
    ]);
    expect(robot.actions()).toEqual([
      { op: 'setMotors', left: 60, right: 60 },
      { op: 'setMotors', left: 0, right: 0 },
      { op: 'stopAll' },
    ]);
    expect(robot.calls.find((c) => c.op === 'stopAll')?.t).toBe(1500);
  });

  it('move backward runs the motors negative, clamped to 100 %', async () => {
    const { events } = await run([move('m', 'backward', 150, 0.5)]);
    expect(kinds(events)).toEqual(['block m', 'motors -100 -100', 'motors 0 0', 'end finished']);
  });

  it('backward at speed 0 sends 0, not −0', async () => {
    const { robot } = await run([move('m', 'backward', 0, 0.1)]);
    const first = robot.actions()[0];
    expect(first?.op === 'setMotors' && Object.is(first.left, 0) && Object.is(first.right, 0)).toBe(true);
  });

  it('turn LEFT spins at 50 % for degrees / (0.5 × °/s), RIGHT is mirrored', async () => {
    const slow: Profile = { ...SIM, calibration: { cmPerSecond: 30, degreesPerSecond: 120 } };
    const { events } = await run([turn('l', 'left', 90), turn('r', 'right', 30)], { options: { profile: slow } });
    expect(events.filter((e) => e.type === 'motors')).toEqual([
      { type: 'motors', t: 0, left: -50, right: 50 },
      { type: 'motors', t: 1500, left: 0, right: 0 },
      { type: 'motors', t: 1500, left: 50, right: -50 },
      { type: 'motors', t: 2000, left: 0, right: 0 },
    ]);
  });

  it('a negative angle turns the other way', async () => {
    const { events } = await run([turn('l', 'left', -90)]);
    expect(kinds(events)).toEqual(['block l', 'motors 50 -50', 'motors 0 0', 'end finished']);
    expect(events.at(-1)?.t).toBe(1000);
  });

  it('motors: set, clamped, kept until stop', async () => {
    const { events, robot } = await run([motors('a', num(120), num(-30)), wait('w', 1), stopMotors('s')]);
    expect(kinds(events)).toEqual(['block a', 'motors 100 -30', 'block w', 'block s', 'motors 0 0', 'end finished']);
    expect(robot.actions()).toEqual([
      { op: 'setMotors', left: 100, right: -30 },
      { op: 'setMotors', left: 0, right: 0 },
      { op: 'stopAll' },
    ]);
  });

  it('motors left running at the end are stopped by stopAll, and reported', async () => {
    const { events, robot } = await run([motors('a', num(40), num(40))]);
    expect(kinds(events)).toEqual(['block a', 'motors 40 40', 'motors 0 0', 'end finished']);
    expect(robot.state.left).toBe(0);
  });

  it('motors events only when the values change', async () => {
    const { events } = await run([motors('a', num(40), num(40)), motors('b', num(40), num(40)), stopMotors('c'), stopMotors('d')]);
    expect(kinds(events)).toEqual(['block a', 'motors 40 40', 'block b', 'block c', 'motors 0 0', 'block d', 'end finished']);
  });

  it('light and pen go to the robot', async () => {
    const { robot } = await run([led('a', true), pen('b', true), pen('c', false), led('d', false)]);
    expect(robot.actions()).toEqual([
      { op: 'setLight', on: true },
      { op: 'setPen', down: true },
      { op: 'setPen', down: false },
      { op: 'setLight', on: false },
      { op: 'stopAll' },
    ]);
  });

  it('beep: tone, wait, noTone', async () => {
    const { robot } = await run([beep('b', 440, 0.25)]);
    expect(robot.calls.filter((c) => c.op !== 'prepare')).toEqual([
      { t: 0, op: 'tone', frequencyHz: 440 },
      { t: 250, op: 'noTone' },
      { t: 250, op: 'stopAll' },
    ]);
  });

  it('wait waits on the clock, exactly', async () => {
    const { events } = await run([wait('w', 2.5), say('s', num(1))]);
    expect(events.map((e) => [e.type, e.t])).toEqual([
      ['block', 0],
      ['block', 2500],
      ['say', 2500],
      ['end', 2500],
    ]);
  });

  it('wait until re-checks its condition once per slice while time goes by', async () => {
    const h = setup([waitUntil('u', button()), say('s', num(1))]);
    h.world.onStep = (t) => h.robot.setButton(t >= 300);
    expect(await driveVirtual(h.runtime, h.world, { dtMs: 10 })).toBe('finished');
    expect(h.events.find((e) => e.type === 'say')?.t).toBe(300);
    // One read per slice: at t = 0, 10, …, 300.
    expect(h.robot.calls.filter((c) => c.op === 'readButton')).toHaveLength(31);
  });

  it('wait until a condition already true goes straight on', async () => {
    const { events } = await run([waitUntil('u', compare('EQ', num(1), num(1))), say('s', num(2))]);
    expect(events.map((e) => [e.type, e.t])).toEqual([['block', 0], ['block', 0], ['say', 0], ['end', 0]]);
  });
});
