/**
 * The pen trail a simulated run streams to the view: what the pen drew since the last frame, so
 * the view's trail is the simulator's (a straight run grows one segment; sending only segments
 * not sent yet sent it once, a few millimetres long, and the view showed dots).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../app/core/compiler/compile';
import { findProfile } from '../../../app/core/profiles';
import type { Point } from '../../../app/core/simulator/world';
import { PenTrailFeed } from '../../../app/host/run/pen-trail-feed';
import { createRunEngine } from '../../../app/host/run/run-engine';
import { builtInWorldCatalog } from '../../../app/host/worlds';
import type { SimulationFrame } from '../../../app/shared/api';
import { instantWall } from '../helpers';
import { move, penDown, stack, turnLeft } from './workspaces';

type Frame = Omit<SimulationFrame, 'runId'>;
const length = (s: { from: Point; to: Point }) => Math.hypot(s.to[0] - s.from[0], s.to[1] - s.from[1]);

async function playFrames(workspace: ReturnType<typeof stack>): Promise<Frame[]> {
  const profile = findProfile('sim')!;
  const world = builtInWorldCatalog().get('empty-table')!;
  const { program } = compile(workspace, { profile });
  const frames: Frame[] = [];
  await new Promise<void>((resolve) => {
    createRunEngine({ wall: instantWall }).start(program!, { kind: 'sim', profile, world }, { paused: false }, {
      event: () => undefined,
      state: (state) => state === 'ended' && setTimeout(resolve, 0),
      simulation: (frame) => frames.push(frame),
      sensors: () => undefined,
    });
  });
  return frames;
}

describe('pen trail frames', () => {
  it('carry the whole drawing: two 15 cm lines with a quarter turn between them', async () => {
    const frames = await playFrames(stack(penDown, move('a', 50, 1), turnLeft('t', 90), move('b', 50, 1)));
    const pieces = frames.flatMap((f) => f.trail);
    // 50 % of 30 cm/s for 1 s, twice; the turn is in place (the pen is at the robot's centre).
    expect(pieces.reduce((sum, s) => sum + length(s), 0)).toBeCloseTo(30, 0);
    // Pieces follow each other, and the last one ends under the robot.
    for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.from).toEqual(pieces[i - 1]!.to);
    const end = frames.at(-1)!.pose;
    expect(pieces.at(-1)!.to[0]).toBeCloseTo(end.x, 6);
    expect(pieces.at(-1)!.to[1]).toBeCloseTo(end.y, 6);
    // Drawn while driving, frame by frame, not once at the end.
    expect(frames.filter((f) => f.trail.length > 0).length).toBeGreaterThan(40);
  });

  it('a feed sends the growth of the open segment, then the new ones', () => {
    const feed = new PenTrailFeed();
    expect(feed.next([])).toEqual([]);
    expect(feed.next([{ from: [0, 0], to: [1, 0] }])).toEqual([{ from: [0, 0], to: [1, 0] }]);
    expect(feed.next([{ from: [0, 0], to: [4, 0] }])).toEqual([{ from: [1, 0], to: [4, 0] }]);
    expect(feed.next([{ from: [0, 0], to: [4, 0] }])).toEqual([]);
    expect(feed.next([{ from: [0, 0], to: [5, 0] }, { from: [5, 0], to: [5, 2] }])).toEqual([
      { from: [4, 0], to: [5, 0] },
      { from: [5, 0], to: [5, 2] },
    ]);
  });
});
