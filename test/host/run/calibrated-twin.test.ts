/**
 * The simulator plays a class's own robot as its calibrated twin (issue #12): a `.robokitprofile`
 * that measured 24 cm in 1 s at 50 % makes « avancer 1 s à 50 % » travel 24 cm in the simulator,
 * through the host's API as the app runs it.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { ProfileFile } from '../../../app/core/profile-file/profile-file';
import type { Pose } from '../../../app/core/simulator/world';
import type { HostService } from '../../../app/host/host-service';
import type { WorkspaceJson } from '../../../app/shared/api';
import { makeHost } from '../helpers';
import { move, stack, turnLeft } from './workspaces';

const lila = JSON.parse(await readFile('examples/robots/robot-lila.robokitprofile', 'utf8')) as ProfileFile;

/** Runs in the simulator's empty table: where the robot started, and the last pose the view was sent. */
async function play(host: HostService, workspace: WorkspaceJson, profile: string): Promise<{ start: Pose; end: Pose }> {
  const start = (await host.getWorld({ id: 'empty-table' })).robot;
  const poses: Pose[] = [];
  const offFrames = host.onDidUpdateSimulation((frame) => poses.push(frame.pose));
  const ended = new Promise<void>((resolve) => {
    const off = host.onDidChangeRunState(({ state }) => {
      if (state !== 'ended') return;
      off();
      // The last frame (the pose where the robot stopped) follows the end of the run.
      setTimeout(resolve, 0);
    });
  });
  const started = await host.run({ workspace, profile, target: 'sim', world: 'empty-table' });
  expect(started.started).toBe(true);
  await ended;
  offFrames();
  return { start, end: poses.at(-1)! };
}

const travelled = ({ start, end }: { start: Pose; end: Pose }) => Math.hypot(end.x - start.x, end.y - start.y);

describe('the calibrated twin', () => {
  it('« avancer 1 s à 50 % » travels the 24 cm measured on the robot', async () => {
    const { host } = await makeHost();
    await host.saveProfile({ profile: lila });
    const run = await play(host, stack(move('m', 50, 1)), 'robot-lila');
    expect(travelled(run)).toBeCloseTo(24, 1);
    // The kit it starts from, uncalibrated, goes at its nominal 35 cm/s at 100 %: 17.5 cm.
    expect(travelled(await play(host, stack(move('m', 50, 1)), 'l298n-hcsr04'))).toBeCloseTo(17.5, 1);
    // At 100 %, the 52 cm measured at 100 %.
    expect(travelled(await play(host, stack(move('m', 100, 1)), 'robot-lila'))).toBeCloseTo(52, 1);
  });

  it('turns at the measured rate: a quarter turn is 90°, whatever the kit’s nominal rate', async () => {
    const { host } = await makeHost();
    await host.saveProfile({ profile: lila });
    const { start, end } = await play(host, stack(turnLeft('t', 90)), 'robot-lila');
    expect(((end.heading - start.heading + 360) % 360)).toBeCloseTo(90, 0);
    expect(Math.hypot(end.x - start.x, end.y - start.y)).toBeLessThan(1e-6);
  });
});
