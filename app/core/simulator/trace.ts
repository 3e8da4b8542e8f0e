/**
 * What the robot did in the simulator, as plain data: lesson challenges (reach a zone, visit zones in
 * order, never touch a wall, follow the line, draw a shape, time limit) are judged from it.
 * Times are simulated milliseconds; positions centimetres; headings degrees [0, 360).
 */
import type { Point } from './world';

export interface TraceSample {
  readonly t: number;
  readonly x: number;
  readonly y: number;
  readonly heading: number;
  /** Motor power −100…100 %. */
  readonly left: number;
  readonly right: number;
}

export interface Collision {
  readonly t: number;
  readonly x: number;
  readonly y: number;
}

export interface ZoneEvent {
  readonly t: number;
  readonly zone: string;
  readonly kind: 'enter' | 'leave';
}

export interface PenSegment {
  readonly from: Point;
  readonly to: Point;
}

export interface ToneEvent {
  readonly t: number;
  /** 0 = silence. */
  readonly hz: number;
}

export interface Trace {
  /** Simulated time covered. */
  readonly durationMs: number;
  /** Pose and motors every `SAMPLE_EVERY_MS` (first one at t = 0). */
  readonly samples: readonly TraceSample[];
  /** Each new contact with a wall, obstacle or the border. */
  readonly collisions: readonly Collision[];
  /** The robot's centre entering and leaving named zones (a start inside a zone enters at t = 0). */
  readonly zoneEvents: readonly ZoneEvent[];
  /** The pen's trail (pen at the robot's centre), straight runs merged into one segment. */
  readonly penSegments: readonly PenSegment[];
  readonly lightOnMs: number;
  readonly toneEvents: readonly ToneEvent[];
  /**
   * Time the line-sensor bar was on a dark line (the point between the sensors within the line's
   * half-width plus the sensors' side offset), out of the total simulated time.
   */
  readonly line: { readonly onLineMs: number; readonly totalMs: number };
}

export const SAMPLE_EVERY_MS = 50;
/** A straight pen run is closed when the heading drifts more than this (radians, 1°). */
const PEN_MERGE_RADIANS = Math.PI / 180;

/** Mutable accumulator owned by a Simulation; `toTrace()` hands out a copy. */
export class TraceRecorder {
  durationMs = 0;
  lightOnMs = 0;
  onLineMs = 0;
  readonly samples: TraceSample[] = [];
  readonly collisions: Collision[] = [];
  readonly zoneEvents: ZoneEvent[] = [];
  readonly toneEvents: ToneEvent[] = [];
  private readonly penSegments: PenSegment[] = [];
  /** The open pen run: from (fx, fy) to (tx, ty), heading and direction of travel. */
  private penOpen = false;
  private fx = 0;
  private fy = 0;
  private tx = 0;
  private ty = 0;
  private penHeading = 0;
  private penForward = true;

  /** The pen moved from (x0, y0) to (x1, y1) at `heading` (radians), forward or backward. */
  penMoved(x0: number, y0: number, x1: number, y1: number, heading: number, forward: boolean): void {
    if (x0 === x1 && y0 === y1) return;
    if (this.penOpen && (forward !== this.penForward || !sameHeading(heading, this.penHeading))) this.penLifted();
    if (!this.penOpen) {
      this.penOpen = true;
      this.fx = x0;
      this.fy = y0;
      this.penHeading = heading;
      this.penForward = forward;
    }
    this.tx = x1;
    this.ty = y1;
  }

  /** Closes the open pen run (pen up, or a turn). */
  penLifted(): void {
    if (!this.penOpen) return;
    this.penOpen = false;
    this.penSegments.push({ from: [this.fx, this.fy], to: [this.tx, this.ty] });
  }

  /** Closed pen segments plus the open run. */
  allPenSegments(): PenSegment[] {
    const out = this.penSegments.slice();
    if (this.penOpen) out.push({ from: [this.fx, this.fy], to: [this.tx, this.ty] });
    return out;
  }

  toTrace(): Trace {
    return {
      durationMs: this.durationMs,
      samples: this.samples.slice(),
      collisions: this.collisions.slice(),
      zoneEvents: this.zoneEvents.slice(),
      penSegments: this.allPenSegments(),
      lightOnMs: this.lightOnMs,
      toneEvents: this.toneEvents.slice(),
      line: { onLineMs: this.onLineMs, totalMs: this.durationMs },
    };
  }
}

function sameHeading(a: number, b: number): boolean {
  const d = Math.abs(a - b);
  return Math.min(d, 2 * Math.PI - d) <= PEN_MERGE_RADIANS;
}
