import { describe, expect, it } from 'vitest';
import { Arena } from '../../../app/core/simulator/arena';
import { segmentDistanceSq } from '../../../app/core/simulator/geometry';
import { createRandom } from '../../../app/core/random';
import type { Point, World } from '../../../app/core/simulator/world';
import { makeWorld } from './make-world';

const REACH = 9;

function randomWorld(seed: number): World {
  const r = createRandom(seed);
  const pt = (): Point => [r() * 400 - 20, r() * 300 - 20];
  const walls = Array.from({ length: 60 }, () => ({ from: pt(), to: pt() }));
  const points = Array.from({ length: 80 }, pt);
  return makeWorld({ walls, lines: [{ points, width: 1 + r() * 4 }] });
}

/** Brute force: every wall and the border, no grid. */
function nearestSolid(world: World, x: number, y: number): number {
  const { width: w, height: h } = world.size;
  const segs = [...world.walls.map((s) => [...s.from, ...s.to]), [0, 0, w, 0], [w, 0, w, h], [w, h, 0, h], [0, h, 0, 0]];
  return Math.sqrt(Math.min(...segs.map(([ax, ay, bx, by]) => segmentDistanceSq(x, y, ax!, ay!, bx!, by!))));
}

function nearLineBrute(world: World, x: number, y: number, extra: number): boolean {
  return world.lines.some((l) =>
    l.points.slice(1).some((b, i) => {
      const a = l.points[i]!;
      return Math.sqrt(segmentDistanceSq(x, y, a[0], a[1], b[0], b[1])) <= l.width / 2 + extra;
    }),
  );
}

describe('arena grids agree with a brute-force scan', () => {
  for (const seed of [1, 2, 3]) {
    it(`for random walls and lines (seed ${seed})`, () => {
      const world = randomWorld(seed);
      const arena = new Arena(world, REACH);
      const r = createRandom(100 + seed);
      for (let i = 0; i < 600; i++) {
        const x = r() * 440 - 20;
        const y = r() * 340 - 20;
        expect(arena.distanceToSolid(x, y)).toBeCloseTo(Math.min(nearestSolid(world, x, y), REACH), 9);
        expect(arena.nearLine(x, y, 0)).toBe(nearLineBrute(world, x, y, 0));
        expect(arena.nearLine(x, y, 2)).toBe(nearLineBrute(world, x, y, 2));
      }
    });
  }
});
