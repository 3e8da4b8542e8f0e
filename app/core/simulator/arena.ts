/**
 * A world compiled for the hot loop: solid segments (border, walls, rect obstacles) and dark-line
 * segments in flat arrays behind grids, circle obstacles, zones and lights. Built once per Simulation.
 */
import type { Shape, World } from './world';
import { rayCircle, raySegment, segmentDistanceSq } from './geometry';
import { SegmentGrid } from './segment-grid';
import { LINE_SENSOR_SIDE_CM } from './robot-body';

/** How far beyond its half-width a line query may look (the line sensors' side offset). */
export const LINE_QUERY_EXTRA_CM = LINE_SENSOR_SIDE_CM;
/** Light falls to half its intensity at this distance from a source. */
export const LIGHT_HALF_DISTANCE_CM = 20;
const AMBIENT_WITHOUT_LIGHTS = 50;
const AMBIENT_WITH_LIGHTS = 20;

export class Arena {
  readonly width: number;
  readonly height: number;
  readonly zones: World['zones'];
  private readonly solids: SegmentGrid;
  private readonly solidCount: number;
  private readonly circles: Float64Array;
  private readonly lines: SegmentGrid;
  private readonly lineHalfWidth: Float64Array;
  private readonly lights: World['lights'];
  private ambient: number;
  private readonly solidReach: number;

  /** `solidReach`: the largest clearance a collision query needs to see exactly. */
  constructor(world: World, solidReach: number) {
    this.width = world.size.width;
    this.height = world.size.height;
    this.zones = world.zones;
    this.lights = world.lights;
    this.ambient = world.ambient ?? (world.lights.length ? AMBIENT_WITH_LIGHTS : AMBIENT_WITHOUT_LIGHTS);
    this.solidReach = solidReach;
    const solid = solidSegments(world);
    this.solidCount = solid.length / 4;
    this.solids = new SegmentGrid(Float64Array.from(solid), new Float64Array(this.solidCount).fill(solidReach));
    this.circles = Float64Array.from(
      world.obstacles.flatMap((o) => (o.type === 'circle' ? [o.x, o.y, o.radius] : [])),
    );
    const { coords, halfWidths } = lineSegments(world);
    this.lineHalfWidth = halfWidths;
    this.lines = new SegmentGrid(coords, halfWidths.map((h) => h + LINE_QUERY_EXTRA_CM));
  }

  /** Distance from (x, y) to the nearest solid, or `solidReach` when none is nearer than that. */
  distanceToSolid(x: number, y: number): number {
    let best = this.solidReach * this.solidReach;
    const g = this.solids;
    const c = g.cellAt(x, y);
    if (c >= 0) {
      const s = g.coords;
      for (let k = g.first(c), end = g.end(c); k < end; k++) {
        const i = 4 * g.item(k);
        const d = segmentDistanceSq(x, y, s[i]!, s[i + 1]!, s[i + 2]!, s[i + 3]!);
        if (d < best) best = d;
      }
    }
    let dist = Math.sqrt(best);
    const circ = this.circles;
    for (let i = 0; i < circ.length; i += 3) {
      const d = Math.hypot(x - circ[i]!, y - circ[i + 1]!) - circ[i + 2]!;
      if (d < dist) dist = d;
    }
    return dist;
  }

  /** Distance along a unit ray to the first solid (Infinity if none). */
  rayCast(ox: number, oy: number, ux: number, uy: number): number {
    let best = Infinity;
    const s = this.solids.coords;
    for (let i = 0; i < 4 * this.solidCount; i += 4) {
      const d = raySegment(ox, oy, ux, uy, s[i]!, s[i + 1]!, s[i + 2]!, s[i + 3]!);
      if (d < best) best = d;
    }
    const circ = this.circles;
    for (let i = 0; i < circ.length; i += 3) {
      const d = rayCircle(ox, oy, ux, uy, circ[i]!, circ[i + 1]!, circ[i + 2]!);
      if (d < best) best = d;
    }
    return best;
  }

  /** True when (x, y) is within a line's half-width plus `extra` (≤ LINE_QUERY_EXTRA_CM) of it. */
  nearLine(x: number, y: number, extra: number): boolean {
    const g = this.lines;
    const c = g.cellAt(x, y);
    if (c < 0) return false;
    const s = g.coords;
    for (let k = g.first(c), end = g.end(c); k < end; k++) {
      const seg = g.item(k);
      const i = 4 * seg;
      const reach = this.lineHalfWidth[seg]! + extra;
      if (segmentDistanceSq(x, y, s[i]!, s[i + 1]!, s[i + 2]!, s[i + 3]!) <= reach * reach) return true;
    }
    return false;
  }

  get hasLines(): boolean {
    return this.lineHalfWidth.length > 0;
  }

  /** Light reading at (x, y): ambient plus each source's intensity / (1 + (d / 20 cm)²), 0…100. */
  lightAt(x: number, y: number): number {
    let v = this.ambient;
    const k = 1 / (LIGHT_HALF_DISTANCE_CM * LIGHT_HALF_DISTANCE_CM);
    for (const l of this.lights) {
      const dx = x - l.x;
      const dy = y - l.y;
      v += l.intensity / (1 + (dx * dx + dy * dy) * k);
    }
    return v < 0 ? 0 : v > 100 ? 100 : v;
  }

  /** The room's light without sources, 0…100. */
  setAmbient(level: number): void {
    this.ambient = level < 0 ? 0 : level > 100 ? 100 : level;
  }

  zoneContains(i: number, x: number, y: number): boolean {
    const z = this.zones[i];
    return z !== undefined && shapeContains(z, x, y);
  }
}

export function shapeContains(s: Shape, x: number, y: number): boolean {
  if (s.type === 'rect') return x >= s.x && x <= s.x + s.width && y >= s.y && y <= s.y + s.height;
  const dx = x - s.x;
  const dy = y - s.y;
  return dx * dx + dy * dy <= s.radius * s.radius;
}

/** Border, walls and rect obstacle edges as flat ax, ay, bx, by quadruples. */
function solidSegments(world: World): number[] {
  const { width: w, height: h } = world.size;
  const out = [0, 0, w, 0, w, 0, w, h, w, h, 0, h, 0, h, 0, 0];
  for (const wall of world.walls) out.push(wall.from[0], wall.from[1], wall.to[0], wall.to[1]);
  for (const o of world.obstacles) {
    if (o.type !== 'rect') continue;
    const x1 = o.x + o.width;
    const y1 = o.y + o.height;
    out.push(o.x, o.y, x1, o.y, x1, o.y, x1, y1, x1, y1, o.x, y1, o.x, y1, o.x, o.y);
  }
  return out;
}

function lineSegments(world: World): { coords: Float64Array; halfWidths: Float64Array } {
  const coords: number[] = [];
  const halfWidths: number[] = [];
  for (const line of world.lines) {
    for (let i = 1; i < line.points.length; i++) {
      const a = line.points[i - 1]!;
      const b = line.points[i]!;
      coords.push(a[0], a[1], b[0], b[1]);
      halfWidths.push(line.width / 2);
    }
  }
  return { coords: Float64Array.from(coords), halfWidths: Float64Array.from(halfWidths) };
}
