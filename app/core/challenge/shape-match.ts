/**
 * `drawShape`: does the pen's trail match a target polyline within a tolerance?
 *
 * Both ways, on points spaced at most `toleranceCm / 2` (and at most 1 cm) apart along each line:
 * - coverage: every point of the target (its corners and the points between them) lies within
 *   `toleranceCm` of some pen segment, so no side is missing;
 * - precision: every point of the trail lies within `toleranceCm` of the target, so nothing strays.
 * A closed shape also joins its last point back to its first. Lines shorter than a point spacing
 * are checked at their ends only.
 */
import type { Point } from '../lessons/types';
import type { PenSegment } from '../simulator/trace';

export interface ShapeMatch {
  readonly passed: boolean;
  /** Nothing was drawn. */
  readonly empty: boolean;
  /** The first target point farther than the tolerance from the trail, if any. */
  readonly missingNear: Point | null;
  /** The trail point farthest from the target, and how far (cm). */
  readonly worstStray: { readonly at: Point; readonly gapCm: number } | null;
}

type Segment = readonly [Point, Point];

export function matchShape(trail: readonly PenSegment[], points: readonly Point[], toleranceCm: number, closed = false): ShapeMatch {
  const drawn: Segment[] = trail.map((s) => [s.from, s.to]);
  if (drawn.length === 0) return { passed: false, empty: true, missingNear: null, worstStray: null };
  const target = polylineSegments(points, closed);
  const step = Math.min(1, toleranceCm / 2);
  let missingNear: Point | null = null;
  for (const p of samplePoints(target, step)) {
    if (distanceToSegments(p, drawn) > toleranceCm) {
      missingNear = p;
      break;
    }
  }
  let worstStray: { at: Point; gapCm: number } | null = null;
  for (const p of samplePoints(drawn, step)) {
    const gap = distanceToSegments(p, target);
    if (worstStray === null || gap > worstStray.gapCm) worstStray = { at: p, gapCm: gap };
  }
  const strays = worstStray !== null && worstStray.gapCm > toleranceCm;
  return { passed: missingNear === null && !strays, empty: false, missingNear, worstStray };
}

function polylineSegments(points: readonly Point[], closed: boolean): Segment[] {
  const out: Segment[] = [];
  for (let i = 1; i < points.length; i++) out.push([points[i - 1]!, points[i]!]);
  const first = points[0];
  const last = points[points.length - 1];
  if (closed && first && last && points.length > 2 && (first[0] !== last[0] || first[1] !== last[1])) out.push([last, first]);
  // A single point is a zero-length segment: "draw a dot here".
  if (out.length === 0 && first) out.push([first, first]);
  return out;
}

/** Each segment's ends and points every `step` cm between them. */
function* samplePoints(segments: readonly Segment[], step: number): Generator<Point> {
  for (const [a, b] of segments) {
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const n = Math.max(1, Math.ceil(length / step));
    for (let i = 0; i <= n; i++) {
      const f = i / n;
      yield [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
    }
  }
}

function distanceToSegments(p: Point, segments: readonly Segment[]): number {
  let best = Infinity;
  for (const [a, b] of segments) {
    const d = distanceToSegment(p, a, b);
    if (d < best) best = d;
  }
  return best;
}

export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}
