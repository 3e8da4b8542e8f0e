/**
 * Draws a simulator world and one snapshot of the robot on a canvas: walls, obstacles, dark lines,
 * named zones, light sources, the pen trail, the robot with its heading and its sensor rays.
 * World units are centimetres with y up (SPEC §4); the canvas has y down, so y is flipped here.
 */
import { zoneLabel, type Point, type Pose, type Shape, type World } from '../../../core/simulator/world';
import { DISTANCE_MAX_CM } from '../../../core/hardware-rules';
import {
  DISTANCE_SENSOR_AHEAD_CM,
  LINE_SENSOR_AHEAD_CM,
  LINE_SENSOR_SIDE_CM,
  ROBOT_RADIUS_CM,
} from '../../../core/simulator/robot-body';

/**
 * What the view shows of the robot: its pose and pen trails from the host's simulation frames, and
 * the sensors' last readings (null: not read yet). Rays are drawn from the readings and the body's
 * sensor placement, so frames stay small.
 */
export interface Segment {
  readonly from: Point;
  readonly to: Point;
}

export interface SimScene {
  readonly pose: Pose;
  /** The pen trail, as the segments the simulator drew. */
  readonly trail: readonly Segment[];
  readonly distanceCm: number | null;
  readonly lineLeft: boolean | null;
  readonly lineRight: boolean | null;
}

export interface DrawStyle {
  readonly highContrast: boolean;
  readonly locale: 'fr' | 'en';
}

interface View {
  readonly scale: number;
  readonly ox: number;
  readonly oy: number;
  readonly height: number;
}

const PAD_PX = 8;

function fit(world: World, width: number, height: number): View {
  const scale = Math.min((width - 2 * PAD_PX) / world.size.width, (height - 2 * PAD_PX) / world.size.height);
  const ox = (width - world.size.width * scale) / 2;
  const oy = (height - world.size.height * scale) / 2;
  return { scale, ox, oy, height: world.size.height };
}

/** World centimetres → canvas pixels. */
function px(v: View, [x, y]: Point): [number, number] {
  return [v.ox + x * v.scale, v.oy + (v.height - y) * v.scale];
}

function shapePath(ctx: CanvasRenderingContext2D, v: View, s: Shape): void {
  ctx.beginPath();
  if (s.type === 'circle') {
    const [cx, cy] = px(v, [s.x, s.y]);
    ctx.arc(cx, cy, s.radius * v.scale, 0, Math.PI * 2);
  } else {
    const [x0, y0] = px(v, [s.x, s.y + s.height]);
    ctx.rect(x0, y0, s.width * v.scale, s.height * v.scale);
  }
}

function polyline(ctx: CanvasRenderingContext2D, v: View, points: readonly Point[]): void {
  ctx.beginPath();
  points.forEach((p, i) => {
    const [x, y] = px(v, p);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
}

function drawArena(ctx: CanvasRenderingContext2D, v: View, world: World, style: DrawStyle): void {
  const [x0, y0] = px(v, [0, world.size.height]);
  ctx.fillStyle = style.highContrast ? '#ffffff' : '#fbfaf5';
  ctx.fillRect(x0, y0, world.size.width * v.scale, world.size.height * v.scale);
  for (const zone of world.zones) {
    shapePath(ctx, v, zone);
    ctx.globalAlpha = style.highContrast ? 0.45 : 0.3;
    ctx.fillStyle = zone.color ?? '#5ab55e';
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.strokeStyle = zone.color ?? '#2e7d32';
    ctx.stroke();
    ctx.setLineDash([]);
  }
  for (const light of world.lights) {
    const [lx, ly] = px(v, [light.x, light.y]);
    const r = Math.max(8, 12 * v.scale);
    const glow = ctx.createRadialGradient(lx, ly, 0, lx, ly, r * 2);
    glow.addColorStop(0, 'rgba(255, 214, 0, 0.9)');
    glow.addColorStop(1, 'rgba(255, 214, 0, 0)');
    ctx.fillStyle = glow;
    ctx.fillRect(lx - r * 2, ly - r * 2, r * 4, r * 4);
  }
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const line of world.lines) {
    polyline(ctx, v, line.points);
    ctx.lineWidth = line.width * v.scale;
    ctx.strokeStyle = '#1b1b1b';
    ctx.stroke();
  }
  for (const obstacle of world.obstacles) {
    shapePath(ctx, v, obstacle);
    ctx.fillStyle = style.highContrast ? '#5a3a00' : '#a0785a';
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#3e2a17';
    ctx.stroke();
  }
  ctx.strokeStyle = style.highContrast ? '#000' : '#37474f';
  ctx.lineWidth = Math.max(3, 1.5 * v.scale);
  for (const wall of world.walls) {
    polyline(ctx, v, [wall.from, wall.to]);
    ctx.stroke();
  }
  ctx.strokeRect(x0, y0, world.size.width * v.scale, world.size.height * v.scale);
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Circle {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

function boxTouchesCircle(b: Box, c: Circle): boolean {
  const nx = Math.min(Math.max(c.x, b.x), b.x + b.width);
  const ny = Math.min(Math.max(c.y, b.y), b.y + b.height);
  return Math.hypot(c.x - nx, c.y - ny) < c.r;
}

/**
 * Where a zone's name goes (canvas pixels, the label's centre): in the zone's middle, else along its
 * top or bottom edge inside, else just above or below it — the first place clear of the robot, so
 * the name never covers the robot. Kept inside the canvas.
 */
export function placeZoneLabel(zone: Box, label: { readonly width: number; readonly height: number }, robot: Circle, canvas: Box): [number, number] {
  const cx = zone.x + zone.width / 2;
  const half = label.height / 2 + 2;
  const candidates: [number, number][] = [
    [cx, zone.y + zone.height / 2],
    [cx, zone.y + half],
    [cx, zone.y + zone.height - half],
    [cx, zone.y - half],
    [cx, zone.y + zone.height + half],
  ];
  const clamp = ([x, y]: [number, number]): [number, number] => [
    Math.min(Math.max(x, canvas.x + label.width / 2), canvas.x + canvas.width - label.width / 2),
    Math.min(Math.max(y, canvas.y + label.height / 2), canvas.y + canvas.height - label.height / 2),
  ];
  const box = ([x, y]: [number, number]): Box => ({ x: x - label.width / 2, y: y - label.height / 2, width: label.width, height: label.height });
  const placed = candidates.map(clamp);
  return placed.find((p) => !boxTouchesCircle(box(p), robot)) ?? placed.reduce((a, b) => (Math.hypot(a[0] - robot.x, a[1] - robot.y) >= Math.hypot(b[0] - robot.x, b[1] - robot.y) ? a : b));
}

/** Zone names, in the display language, on a light patch, placed clear of the robot. */
function drawZoneLabels(ctx: CanvasRenderingContext2D, v: View, world: World, pose: Pose, canvas: Box, style: DrawStyle): void {
  const size = Math.max(11, Math.round(v.scale * 5));
  ctx.font = `bold ${size}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const [rx, ry] = px(v, [pose.x, pose.y]);
  const robot = { x: rx, y: ry, r: ROBOT_RADIUS_CM * v.scale + 4 };
  for (const zone of world.zones) {
    // The zone's bounding box in centimetres, from its top-left corner (y up).
    const bounds =
      zone.type === 'circle'
        ? { x: zone.x - zone.radius, y: zone.y + zone.radius, width: 2 * zone.radius, height: 2 * zone.radius }
        : { x: zone.x, y: zone.y + zone.height, width: zone.width, height: zone.height };
    const [x0, y0] = px(v, [bounds.x, bounds.y]);
    const name = zoneLabel(zone, style.locale);
    const label = { width: ctx.measureText(name).width + 8, height: size + 6 };
    const [lx, ly] = placeZoneLabel({ x: x0, y: y0, width: bounds.width * v.scale, height: bounds.height * v.scale }, label, robot, canvas);
    ctx.fillStyle = 'rgba(255, 255, 255, 0.8)';
    ctx.fillRect(lx - label.width / 2, ly - label.height / 2, label.width, label.height);
    ctx.fillStyle = '#111';
    ctx.fillText(name, lx, ly);
  }
}

function drawTrail(ctx: CanvasRenderingContext2D, v: View, trail: readonly Segment[]): void {
  if (trail.length === 0) return;
  ctx.strokeStyle = '#1565c0';
  ctx.lineWidth = Math.max(2, 0.8 * v.scale);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  for (const { from, to } of trail) {
    ctx.moveTo(...px(v, from));
    ctx.lineTo(...px(v, to));
  }
  ctx.stroke();
}

/** A point in the robot's frame (+x ahead, +y left) → world. */
function onRobot(pose: Pose, ahead: number, left: number): Point {
  const a = (pose.heading * Math.PI) / 180;
  return [pose.x + ahead * Math.cos(a) - left * Math.sin(a), pose.y + ahead * Math.sin(a) + left * Math.cos(a)];
}

function drawRays(ctx: CanvasRenderingContext2D, v: View, scene: SimScene): void {
  if (scene.distanceCm === null) return;
  const from = onRobot(scene.pose, DISTANCE_SENSOR_AHEAD_CM, 0);
  const to = onRobot(scene.pose, DISTANCE_SENSOR_AHEAD_CM + Math.min(scene.distanceCm, DISTANCE_MAX_CM), 0);
  polyline(ctx, v, [from, to]);
  ctx.setLineDash([5, 4]);
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#d32f2f';
  ctx.stroke();
  ctx.setLineDash([]);
  const [hx, hy] = px(v, to);
  ctx.fillStyle = '#d32f2f';
  ctx.beginPath();
  ctx.arc(hx, hy, 3, 0, Math.PI * 2);
  ctx.fill();
}

function drawRobot(ctx: CanvasRenderingContext2D, v: View, scene: SimScene, style: DrawStyle): void {
  const { pose } = scene;
  const [cx, cy] = px(v, [pose.x, pose.y]);
  const r = ROBOT_RADIUS_CM * v.scale;
  // Canvas angles turn clockwise (y down): negate the heading.
  const a = (-pose.heading * Math.PI) / 180;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fillStyle = style.highContrast ? '#ffffff' : '#e3f2fd';
  ctx.fill();
  ctx.lineWidth = 3;
  ctx.strokeStyle = style.highContrast ? '#000' : '#0d47a1';
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(cx + Math.cos(a) * r * 1.05, cy + Math.sin(a) * r * 1.05);
  ctx.lineTo(cx + Math.cos(a + 2.4) * r * 0.55, cy + Math.sin(a + 2.4) * r * 0.55);
  ctx.lineTo(cx + Math.cos(a - 2.4) * r * 0.55, cy + Math.sin(a - 2.4) * r * 0.55);
  ctx.closePath();
  ctx.fillStyle = style.highContrast ? '#000' : '#0d47a1';
  ctx.fill();
  // Line sensors: filled when they see the dark line.
  const sensors: [number, boolean | null][] = [
    [LINE_SENSOR_SIDE_CM, scene.lineLeft],
    [-LINE_SENSOR_SIDE_CM, scene.lineRight],
  ];
  for (const [left, dark] of sensors) {
    const [sx, sy] = px(v, onRobot(pose, LINE_SENSOR_AHEAD_CM, left));
    ctx.beginPath();
    ctx.arc(sx, sy, Math.max(2.5, 1.1 * v.scale), 0, Math.PI * 2);
    ctx.fillStyle = dark ? '#ff6f00' : '#ffffff';
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#e65100';
    ctx.stroke();
  }
}

/** Draws `world` and the robot as `scene` shows it. */
export function drawSimulation(canvas: HTMLCanvasElement, world: World, scene: SimScene, style: DrawStyle): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || canvas.width;
  const height = canvas.clientHeight || canvas.height;
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const v = fit(world, width, height);
  drawArena(ctx, v, world, style);
  drawTrail(ctx, v, scene.trail);
  drawRays(ctx, v, scene);
  drawRobot(ctx, v, scene, style);
  drawZoneLabels(ctx, v, world, scene.pose, { x: 0, y: 0, width, height }, style);
}

/** Where a world point lands on a canvas of this CSS size (for HTML placed over the canvas). */
export function worldToCanvas(world: World, width: number, height: number, point: Point): [number, number] {
  return px(fit(world, width, height), point);
}
