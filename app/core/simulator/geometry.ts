/** Small allocation-free 2D helpers for the simulator's hot loop. Plain numbers in, numbers out. */

/** Squared distance from (px, py) to the segment (ax, ay)–(bx, by). */
export function segmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lenSq = dx * dx + dy * dy;
  let t = lenSq > 0 ? ((px - ax) * dx + (py - ay) * dy) / lenSq : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/**
 * Distance along the ray (ox, oy) + s·(ux, uy), |u| = 1, to the segment (ax, ay)–(bx, by);
 * Infinity when it misses. Parallel rays miss.
 */
export function raySegment(
  ox: number, oy: number, ux: number, uy: number,
  ax: number, ay: number, bx: number, by: number,
): number {
  const ex = bx - ax;
  const ey = by - ay;
  const denom = ux * ey - uy * ex;
  if (denom === 0) return Infinity;
  const wx = ax - ox;
  const wy = ay - oy;
  const s = (wx * ey - wy * ex) / denom;
  const t = (wx * uy - wy * ux) / denom;
  return s >= 0 && t >= 0 && t <= 1 ? s : Infinity;
}

/** Distance along the ray (ox, oy) + s·(ux, uy), |u| = 1, to a circle; 0 when starting inside. */
export function rayCircle(ox: number, oy: number, ux: number, uy: number, cx: number, cy: number, r: number): number {
  const wx = cx - ox;
  const wy = cy - oy;
  const c = wx * wx + wy * wy - r * r;
  if (c <= 0) return 0;
  const b = wx * ux + wy * uy;
  if (b <= 0) return Infinity;
  const disc = b * b - c;
  return disc < 0 ? Infinity : b - Math.sqrt(disc);
}

/** Degrees to radians and back; headings are stored in radians in [0, 2π). */
export const DEG = Math.PI / 180;
const TWO_PI = 2 * Math.PI;

export function normalizeRadians(a: number): number {
  const r = a % TWO_PI;
  return r < 0 ? r + TWO_PI : r;
}
