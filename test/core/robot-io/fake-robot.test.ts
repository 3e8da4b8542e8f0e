import { describe, expect, it } from 'vitest';
import { FakeRobot } from './fake-robot';
import type { Capability } from '../../../app/core/ir';
import { robotIoContract, type ContractAdapter } from '../../contract/robot-io-contract';

function fakeAdapter(capabilities?: readonly Capability[]): () => Promise<ContractAdapter> {
  return () => {
    const robot = new FakeRobot(capabilities ? { capabilities } : {});
    const s = robot.state;
    return Promise.resolve({
      io: robot,
      observe: {
        motors: () => ({ left: s.left, right: s.right }),
        light: () => s.light,
        toneHz: () => s.toneHz,
        penDown: () => s.penDown,
        setDistance: (cm) => robot.setDistance(cm),
        setLine: (side, dark) => robot.setLine(side, dark),
        setLight: (level) => robot.setAmbientLight(level),
        setButton: (pressed) => robot.setButton(pressed),
        settle: () => Promise.resolve(),
        tolerance: { motors: 0, toneHz: 0, distance: 0, light: 0 },
      },
      dispose: () => Promise.resolve(),
    });
  };
}

robotIoContract('fake robot, every capability', fakeAdapter());
const servoBot: Capability[] = ['motors', 'light', 'sound', 'distance', 'button'];
robotIoContract('fake robot, servo-bot capabilities', fakeAdapter(servoBot), { capabilities: servoBot });

describe('FakeRobot', () => {
  it('records every call in order with the clock time', async () => {
    let now = 0;
    const robot = new FakeRobot({ clock: { now: () => now } });
    await robot.prepare(['motors', 'distance']);
    now = 5;
    robot.motors!.setMotors(20, 30);
    now = 7;
    robot.distance!.readDistance();
    robot.line!.readLine('right');
    await robot.stopAll();
    expect(robot.calls).toEqual([
      { t: 0, op: 'prepare', uses: ['motors', 'distance'] },
      { t: 5, op: 'setMotors', left: 20, right: 30 },
      { t: 7, op: 'readDistance' },
      { t: 7, op: 'readLine', side: 'right' },
      { t: 7, op: 'stopAll' },
    ]);
    expect(robot.actions()).toEqual([{ op: 'setMotors', left: 20, right: 30 }, { op: 'stopAll' }]);
  });

  it('has only the capabilities asked for', () => {
    const robot = new FakeRobot({ capabilities: ['motors'] });
    expect(robot.motors).toBeDefined();
    expect(robot.pen).toBeUndefined();
    expect(robot.onDidChangeLink).toBeUndefined();
  });

  it('reports a lost link to its listeners until they unsubscribe', () => {
    const robot = new FakeRobot({ link: true });
    const seen: string[] = [];
    const off = robot.onDidChangeLink!((state) => seen.push(state));
    robot.loseLink();
    off();
    robot.loseLink();
    expect(seen).toEqual(['lost']);
  });
});
