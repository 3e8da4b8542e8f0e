import { describe, expect, it } from 'vitest';
import { arith, button, call, distance, motors, move, num, procedure, say, text, wait } from './ir';
import { kinds, run } from './harness';

describe('runtime errors', () => {
  it('division by zero names the arithmetic block, stops the robot first, then error, then end', async () => {
    const { events, robot, reason } = await run([
      motors('m', num(50), num(50)),
      say('s', arith('DIVIDE', num(1), num(0), 'div')),
      say('never', text('not reached')),
    ]);
    expect(reason).toBe('error');
    expect(kinds(events)).toEqual(['block m', 'motors 50 50', 'block s', 'motors 0 0', 'error division-by-zero div', 'end error']);
    const error = events.find((e) => e.type === 'error');
    expect(error).toMatchObject({
      code: 'division-by-zero',
      blockId: 'div',
      message: { fr: 'Division par zéro\u00a0: on ne peut pas diviser par 0.', en: 'Division by zero: you cannot divide by 0.' },
    });
    expect(robot.actions()).toEqual([{ op: 'setMotors', left: 50, right: 50 }, { op: 'stopAll' }]);
  });

  it('a sensor the robot lacks: sensor-missing on that block, named in each language', async () => {
    const { events } = await run([say('s', distance('d'))], { capabilities: ['motors'] });
    expect(events.find((e) => e.type === 'error')).toMatchObject({
      code: 'sensor-missing',
      blockId: 'd',
      message: { fr: 'Ce robot n’a pas de capteur de distance.', en: 'This robot has no distance sensor.' },
    });
    expect(events.at(-1)).toMatchObject({ type: 'end', reason: 'error' });
  });

  it('an actuator the robot lacks: sensor-missing on the statement', async () => {
    const { events } = await run([move('m', 'forward', 50, 1)], { capabilities: ['button'] });
    expect(kinds(events)).toEqual(['block m', 'error sensor-missing m', 'end error']);
    expect(events.find((e) => e.type === 'error')).toMatchObject({ message: { en: 'This robot has no motors.' } });
  });

  it('a button the robot lacks fails inside wait until too', async () => {
    const { events } = await run([{ kind: 'wait.until', condition: button('b'), blockId: 'u' }], { capabilities: ['motors'] });
    expect(kinds(events)).toEqual(['block u', 'error sensor-missing b', 'end error']);
  });

  it('text where a number is needed: not-a-number on the block that gave it', async () => {
    const { events } = await run([wait('w', text('abc', 'txt'))]);
    expect(kinds(events)).toEqual(['block w', 'error not-a-number txt', 'end error']);
  });

  it('recursion past maxCallDepth: recursion-too-deep on the call block', async () => {
    const loop = procedure('loop', [], [call('inner', 'loop')]);
    const { events } = await run([call('outer', 'loop')], { procedures: [loop], options: { maxCallDepth: 100 } });
    expect(kinds(events).slice(-2)).toEqual(['error recursion-too-deep inner', 'end error']);
    expect(events.filter((e) => e.type === 'block' && e.blockId === 'inner')).toHaveLength(100);
  });

  it('calling a procedure that does not exist: procedure-missing', async () => {
    const { events } = await run([call('c', 'ghost')]);
    expect(events.find((e) => e.type === 'error')).toMatchObject({
      code: 'procedure-missing',
      blockId: 'c',
      message: { fr: 'La fonction «\u00a0ghost\u00a0» n’existe pas.' },
    });
  });

  it('exactly one end event, even when stopped after an error', async () => {
    const { events, runtime } = await run([say('s', arith('DIVIDE', num(1), num(0)))]);
    await runtime.stop();
    await runtime.fail('robot-disconnected');
    expect(events.filter((e) => e.type === 'end')).toHaveLength(1);
  });
});
