/**
 * What the pen drew since the previous simulator frame. The simulator merges a straight pen run
 * into one segment that keeps growing while the robot drives, so "segments not sent yet" misses
 * almost all of it: the growth of the segment that was still open is sent as its own piece, then
 * every segment begun since. The renderer appends the pieces (and joins those that continue
 * each other in a straight line).
 */
import type { Point } from '../../core/simulator/world';

export interface TrailSegment {
  readonly from: Point;
  readonly to: Point;
}

export class PenTrailFeed {
  /** How many of the simulator's segments the view has, and where the last one ended then. */
  private count = 0;
  private lastTo: Point | null = null;

  /** `segments`: the simulator's whole trail now (closed segments, then the open run). */
  next(segments: readonly TrailSegment[]): TrailSegment[] {
    const drawn: TrailSegment[] = [];
    const grown = this.count > 0 ? segments[this.count - 1] : undefined;
    if (grown && this.lastTo && !samePoint(grown.to, this.lastTo)) drawn.push({ from: this.lastTo, to: grown.to });
    for (let i = this.count; i < segments.length; i++) drawn.push(segments[i]!);
    this.count = segments.length;
    this.lastTo = segments.at(-1)?.to ?? null;
    return drawn;
  }
}

function samePoint(a: Point, b: Point): boolean {
  return a[0] === b[0] && a[1] === b[1];
}
