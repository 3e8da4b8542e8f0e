/**
 * World files (simulator arenas), SPEC §4: centimetres, y up, heading in degrees (0 = +x,
 * counter-clockwise). The arena spans (0, 0)…(width, height) and its border is a wall.
 * Validated (and defaults filled) by `parseWorld` in `parse-world.ts` before use.
 */
import type { Localized } from '../i18n/messages';

export type Point = readonly [x: number, y: number];

export interface Pose {
  readonly x: number;
  readonly y: number;
  readonly heading: number;
}

/** A rect's `x`, `y` is its corner with the smallest coordinates; a circle's is its centre. */
export type Shape =
  | { readonly type: 'rect'; readonly x: number; readonly y: number; readonly width: number; readonly height: number }
  | { readonly type: 'circle'; readonly x: number; readonly y: number; readonly radius: number };

export interface Wall {
  readonly from: Point;
  readonly to: Point;
}

export interface DarkLine {
  readonly points: readonly Point[];
  readonly width: number;
}

/** `name` is the zone's id (challenge goals name it); `label` the name pupils read, drawn and quoted instead. */
export type Zone = Shape & { readonly name: string; readonly label?: Localized; readonly color?: string };

/** Display names of zone ids worlds often use without a `label` (ids have no accents). */
const USUAL_ZONE_NAMES: Readonly<Record<string, Localized>> = {
  arrivee: { fr: 'Arrivée', en: 'Finish' },
  depart: { fr: 'Départ', en: 'Start' },
};

/**
 * What to call a zone in `locale`: its label; without one, the usual name of its id (« arrivee » →
 * « Arrivée ») or the id made readable (« coin-1 » → « Coin 1 »), never the raw id.
 */
export function zoneLabel(zone: Zone, locale: 'fr' | 'en'): string {
  const named = zone.label?.[locale] ?? USUAL_ZONE_NAMES[zone.name]?.[locale];
  if (named) return named;
  const words = zone.name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface LightSource {
  readonly x: number;
  readonly y: number;
  /** Reading added right at the source (0…100); it falls off with distance. */
  readonly intensity: number;
}

export interface World {
  readonly format: 'robokit-world';
  readonly version: 1;
  readonly id?: string;
  readonly name: Localized;
  readonly size: { readonly width: number; readonly height: number };
  readonly robot: Pose;
  /** Wall segments. The arena's border is always a wall. */
  readonly walls: readonly Wall[];
  readonly obstacles: readonly Shape[];
  /** Dark lines the line sensors see: polylines with a width. */
  readonly lines: readonly DarkLine[];
  /** Named zones; the trace records when the robot's centre enters and leaves each. */
  readonly zones: readonly Zone[];
  /** Light sources: the light sensor reads more near them. Without any, light is `ambient`. */
  readonly lights: readonly LightSource[];
  /** Ambient light 0…100; default 50 without light sources, 20 with some (so lamps stand out). */
  readonly ambient?: number;
}
