/**
 * World files (simulator arenas), SPEC §4: centimetres, y up, heading in degrees (0 = +x,
 * counter-clockwise). Validated by `simulator/world-schema.ts` before use.
 */
import type { Localized } from '../i18n/messages';

export type Point = readonly [x: number, y: number];

export interface Pose {
  readonly x: number;
  readonly y: number;
  readonly heading: number;
}

export type Shape =
  | { readonly type: 'rect'; readonly x: number; readonly y: number; readonly width: number; readonly height: number }
  | { readonly type: 'circle'; readonly x: number; readonly y: number; readonly radius: number };

export interface World {
  readonly format: 'robokit-world';
  readonly version: 1;
  readonly id?: string;
  readonly name: Localized;
  readonly size: { readonly width: number; readonly height: number };
  readonly robot: Pose;
  /** Wall segments. The arena's border is always a wall. */
  readonly walls: readonly { readonly from: Point; readonly to: Point }[];
  readonly obstacles: readonly Shape[];
  /** Dark lines the line sensors see: polylines with a width. */
  readonly lines: readonly { readonly points: readonly Point[]; readonly width: number }[];
  readonly zones: readonly (Shape & { readonly name: string; readonly color?: string })[];
  /** Light sources: the light sensor reads more near them. Without any, light is `ambient`. */
  readonly lights: readonly { readonly x: number; readonly y: number; readonly intensity: number }[];
  /** Ambient light 0…100 (default 50). */
  readonly ambient?: number;
}
