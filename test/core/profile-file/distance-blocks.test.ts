/**
 * « avancer / reculer de N cm » and « tourner d'un quart de tour » (issue #12), honest because they
 * use the profile's calibration: with a robot that measured 24 cm/s at 50 %, 30 cm take 1.25 s and
 * the twin travels 30 cm; with a kit never measured, its nominal speed (and the same 30 cm in the
 * simulator, whose twin has that speed too).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../app/core/compiler';
import { distanceSeconds } from '../../../app/core/hardware-rules';
import { findProfile, type Profile } from '../../../app/core/profiles';
import { parseProfileFile, profileFromFile } from '../../../app/core/profile-file/profile-file';
import { runInSimulator } from '../../../app/core/run/sim-run';
import type { RunEvent } from '../../../app/core/runtime/events';
import { makeWorld } from '../simulator/make-world';
import { num, stack } from '../../host/run/workspaces';

const parsed = parseProfileFile(readFileSync('examples/robots/robot-lila.robokitprofile', 'utf8'));
if (!parsed.ok) throw new Error('example profile');
const lila = profileFromFile(parsed.file)!;

const moveCm = (id: string, direction: 'FORWARD' | 'BACKWARD', cm: number) => ({
  type: 'robot_move_cm',
  id,
  fields: { DIRECTION: direction },
  inputs: { CM: num(`${id}-cm`, cm) },
});
const quarter = (id: string, direction: 'LEFT' | 'RIGHT') => ({ type: 'robot_quarter_turn', id, fields: { DIRECTION: direction } });

async function play(profile: Profile, ...blocks: Record<string, unknown>[]) {
  const { program, diagnostics } = compile(stack(...blocks), { profile });
  expect(diagnostics).toEqual([]);
  const motors: { t: number; left: number; right: number }[] = [];
  const world = makeWorld({ robot: { x: 100, y: 150, heading: 0 } });
  const onEvent = (e: RunEvent) => {
    if (e.type === 'motors') motors.push({ t: e.t, left: e.left, right: e.right });
  };
  const { trace } = await runInSimulator(program!, { world, profile, onEvent });
  const end = trace.samples.at(-1)!;
  return { motors, end: { x: end.x, y: end.y, heading: end.heading } };
}

describe('blocks for the youngest', () => {
  it('« avancer de 30 cm » on a robot that measured 24 cm/s at 50 %: 1.25 s at 50 %, 30 cm in the twin', async () => {
    expect(distanceSeconds(30, lila.calibration)).toBe(1.25);
    const { motors, end } = await play(lila, moveCm('m', 'FORWARD', 30));
    expect(motors).toEqual([{ t: 0, left: 50, right: 50 }, { t: 1250, left: 0, right: 0 }]);
    expect(end.x - 100).toBeCloseTo(30, 6);
  });

  it('a kit never measured uses its nominal speed (arduino-2wd: 15 cm/s at 50 %)', async () => {
    const { motors, end } = await play(findProfile('arduino-2wd')!, moveCm('m', 'BACKWARD', 30));
    expect(motors).toEqual([{ t: 0, left: -50, right: -50 }, { t: 2000, left: 0, right: 0 }]);
    expect(end.x - 100).toBeCloseTo(-30, 6);
  });

  it('« tourner d’un quart de tour » turns 90° at the measured turn rate', async () => {
    const { motors, end } = await play(lila, quarter('q', 'LEFT'), moveCm('m', 'FORWARD', 12));
    // 90° at 95 °/s (measured at 50 %): 947 ms, on the simulator's 10 ms steps.
    expect(motors.slice(0, 2).map((m) => [m.left, m.right])).toEqual([[-50, 50], [0, 0]]);
    expect(motors[1]!.t).toBeCloseTo(950, -1);
    expect(end.heading).toBeCloseTo(90, 0);
    expect(end.y - 150).toBeCloseTo(12, 0);
  });
});
