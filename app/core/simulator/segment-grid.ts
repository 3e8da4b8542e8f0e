/**
 * A uniform grid over segments, built once per world, so the hot loop asks "which segments may be
 * within `reach` of this point?" without scanning them all. Flat typed arrays, no allocation on query.
 */
import { segmentDistanceSq } from './geometry';

const MAX_CELLS_PER_AXIS = 256;
const MIN_CELL_CM = 10;

export class SegmentGrid {
  /** Segment i is coords[4i…4i+3] = ax, ay, bx, by. */
  readonly coords: Float64Array;
  private readonly minX: number;
  private readonly minY: number;
  private readonly cell: number;
  private readonly cols: number;
  private readonly rows: number;
  /** Cell c holds items[start[c]…start[c+1]). */
  private readonly start: Int32Array;
  private readonly items: Int32Array;

  /** `reach[i]`: the largest distance from segment i at which a query must still see it. */
  constructor(coords: Float64Array, reach: Float64Array) {
    this.coords = coords;
    const n = reach.length;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const r = reach[i]!;
      minX = Math.min(minX, coords[4 * i]! - r, coords[4 * i + 2]! - r);
      minY = Math.min(minY, coords[4 * i + 1]! - r, coords[4 * i + 3]! - r);
      maxX = Math.max(maxX, coords[4 * i]! + r, coords[4 * i + 2]! + r);
      maxY = Math.max(maxY, coords[4 * i + 1]! + r, coords[4 * i + 3]! + r);
    }
    if (n === 0) minX = minY = maxX = maxY = 0;
    this.cell = Math.max(MIN_CELL_CM, (maxX - minX) / MAX_CELLS_PER_AXIS, (maxY - minY) / MAX_CELLS_PER_AXIS);
    this.minX = minX;
    this.minY = minY;
    this.cols = Math.max(1, Math.ceil((maxX - minX) / this.cell));
    this.rows = Math.max(1, Math.ceil((maxY - minY) / this.cell));
    const counts = new Int32Array(this.cols * this.rows + 1);
    this.forEachCell(reach, (c) => counts[c + 1]!++);
    for (let c = 1; c < counts.length; c++) counts[c]! += counts[c - 1]!;
    this.start = counts.slice();
    this.items = new Int32Array(counts[counts.length - 1]!);
    this.forEachCell(reach, (c, i) => (this.items[counts[c]!++] = i));
  }

  /** Index of the cell holding (x, y), or −1 when no segment can be within reach of it. */
  cellAt(x: number, y: number): number {
    const col = Math.floor((x - this.minX) / this.cell);
    const row = Math.floor((y - this.minY) / this.cell);
    if (col < 0 || row < 0 || col >= this.cols || row >= this.rows) return -1;
    return row * this.cols + col;
  }

  /** Segments of cell `c` are items[first(c)…end(c)). */
  first(c: number): number {
    return this.start[c]!;
  }

  end(c: number): number {
    return this.start[c + 1]!;
  }

  item(k: number): number {
    return this.items[k]!;
  }

  /** Calls `visit(cell, segment)` for every cell a segment may reach (cell-centre test). */
  private forEachCell(reach: Float64Array, visit: (cell: number, segment: number) => void): void {
    const half = this.cell / 2;
    const halfDiag = half * Math.SQRT2;
    const c = this.coords;
    for (let i = 0; i < reach.length; i++) {
      const r = reach[i]!;
      const limit = (r + halfDiag) * (r + halfDiag);
      const ax = c[4 * i]!, ay = c[4 * i + 1]!, bx = c[4 * i + 2]!, by = c[4 * i + 3]!;
      const c0 = this.clampCol(Math.min(ax, bx) - r), c1 = this.clampCol(Math.max(ax, bx) + r);
      const r0 = this.clampRow(Math.min(ay, by) - r), r1 = this.clampRow(Math.max(ay, by) + r);
      for (let row = r0; row <= r1; row++) {
        for (let col = c0; col <= c1; col++) {
          const cx = this.minX + col * this.cell + half;
          const cy = this.minY + row * this.cell + half;
          if (segmentDistanceSq(cx, cy, ax, ay, bx, by) <= limit) visit(row * this.cols + col, i);
        }
      }
    }
  }

  private clampCol(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.minX) / this.cell)));
  }

  private clampRow(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.minY) / this.cell)));
  }
}
