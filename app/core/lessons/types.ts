/**
 * Lesson packs (SPEC §4): `pack.json`, its lessons and their challenge goals, as TypeScript types.
 * `pack-schema.ts` holds the matching JSON Schema; `validate-pack.ts` checks untrusted data against
 * both the schema and the rules a schema cannot say (unique ids, min ≤ max, goal nesting…).
 */
import type { Localized } from '../i18n/messages';

export const PACK_FORMAT = 'robokit-pack';
/** The newest pack format this RoboKit reads; version 1 packs still load (no teacher notes required). */
export const PACK_VERSION = 2;
export type PackVersion = 1 | 2;

/** A path inside the pack, POSIX separators, relative to the folder holding `pack.json`. */
export type PackPath = string;

export interface PackManifest {
  readonly format: typeof PACK_FORMAT;
  readonly version: PackVersion;
  /** Reverse-DNS-ish, e.g. `fr.exemple.premiers-pas`: also the pack store's folder name. */
  readonly id: string;
  readonly title: Localized;
  readonly description: Localized;
  readonly authors: readonly string[];
  /** An SPDX identifier or a short licence name, e.g. `CC-BY-SA-4.0`. */
  readonly license: string;
  /** [youngest, oldest] pupil age. */
  readonly ages: readonly [min: number, max: number];
  readonly tags: readonly string[];
  /** Robot profile ids the lessons were written for (`sim`, `arduino-2wd`, …). */
  readonly profiles: readonly string[];
  readonly lessons: readonly Lesson[];
}

export type LessonMode = 'solo' | 'pair' | 'parent-child';

export interface Lesson {
  /** Unique within the pack; a project's `lesson.lesson` points at it. */
  readonly id: string;
  readonly title: Localized;
  readonly mode: LessonMode;
  readonly minutes: number;
  readonly toolbox: Toolbox;
  /** A `.robokit` project the pupil starts from. */
  readonly starter: PackPath;
  readonly steps: readonly Step[];
  readonly challenge?: Challenge;
  /** A `.robokit` project that solves the lesson, for teachers and CI. */
  readonly solution?: PackPath;
  /** Notes for the teacher (required in a version 2 pack): shown in the teacher space and the printable sheet. */
  readonly teacher?: TeacherNotes;
}

/** French school cycles: 2 (CP–CE2), 3 (CM1–6e), 4 (5e–3e). */
export type SchoolCycle = 2 | 3 | 4;

/**
 * What a replacement colleague needs to run the lesson. Every text is short markdown, sanitised like
 * the steps (it may show blocks with `{{block:TYPE}}`). In a version 2 pack `objectives`, `phases`,
 * `debrief`, `mistakes`, `easier` and `harder` are required.
 */
export interface TeacherNotes {
  /** What the pupils learn, tied to the programme of a cycle. */
  readonly objectives?: readonly { readonly cycle: SchoolCycle; readonly text: Localized }[];
  /** What they should already know. */
  readonly prerequisites?: readonly Localized[];
  /** The session's phases with their duration. */
  readonly phases?: readonly { readonly title: Localized; readonly minutes: number }[];
  /** A warm-up without a computer. */
  readonly unplugged?: Localized;
  /** Questions for the debrief. */
  readonly debrief?: readonly Localized[];
  /** Mistakes pupils often make, and what to say. */
  readonly mistakes?: readonly Localized[];
  /** A variant for pupils who struggle, and one for those who finish early. */
  readonly easier?: Localized;
  readonly harder?: Localized;
}

/** Teacher-note fields a version 2 pack must give for every lesson. */
export const TEACHER_REQUIRED = ['objectives', 'phases', 'debrief', 'mistakes', 'easier', 'harder'] as const;

/** Allowed block types, either flat or grouped in categories (both may be mixed). */
export type Toolbox = readonly ToolboxItem[];
export type ToolboxItem = string | ToolboxCategory;

export interface ToolboxCategory {
  /** A block catalog category id (`movement`, `control`, …) or the pack's own. */
  readonly category: string;
  /** Shown instead of the catalog's name (required for a category the catalog does not know). */
  readonly name?: Localized;
  readonly blocks: readonly string[];
}

export interface Step {
  /** A markdown file per language. */
  readonly file: Localized;
  readonly hint?: Localized;
}

export interface Challenge {
  /** A `robokit-world` JSON file in the pack. */
  readonly world: PackPath;
  readonly goal: Goal;
  /** Seed of the simulator's noise: same program + world + seed ⇒ same trace. */
  readonly seed?: number;
  /** Simulated seconds the run may last (default: the app's, 60 s). */
  readonly timeLimitSeconds?: number;
  /** Stars by block count: ≤ three ⇒ ★★★, ≤ two ⇒ ★★, otherwise ★ (a pass is always ★). */
  readonly stars?: { readonly three: number; readonly two: number };
}

export type Point = readonly [x: number, y: number];

/**
 * A challenge goal: composable conditions, each judged on the simulator's trace
 * (`simulator/trace.ts`), never on which blocks were used. Exactly one key per object.
 *
 * | condition | trace it reads | true when |
 * |---|---|---|
 * | `all` / `any` | — | every / at least one sub-goal holds |
 * | `reachZone` | `zoneEvents` | the robot's centre entered the zone at some point |
 * | `endInZone` | `zoneEvents` | the robot's centre is inside the zone when the run ends |
 * | `avoidZone` | `zoneEvents` | the robot never entered the zone |
 * | `visitZonesInOrder` | `zoneEvents` | the zones' first entries happen in this order |
 * | `neverTouchWall` | `collisions` | no collision at all (walls, obstacles, border) |
 * | `followLine.fraction` | `line.onLineMs / line.totalMs` | at least that fraction of the run on the line |
 * | `drawShape` | `penSegments` | every target point is within `toleranceCm` of the trail, and every trail point within `toleranceCm` of the target polyline |
 * | `lightOnFor.seconds` | `lightOnMs` | the light was on at least that long in total |
 * | `playTones.atLeast` | `toneEvents` (`hz > 0`) | at least that many tones were started |
 * | `withinSeconds` | times of the above | only as a direct child of `all`: its siblings all hold by that time |
 */
export type Goal =
  | { readonly all: readonly Goal[] }
  | { readonly any: readonly Goal[] }
  | { readonly reachZone: string }
  | { readonly endInZone: string }
  | { readonly avoidZone: string }
  | { readonly visitZonesInOrder: readonly string[] }
  | { readonly neverTouchWall: true }
  | { readonly followLine: { readonly fraction: number } }
  | { readonly drawShape: DrawShapeGoal }
  | { readonly lightOnFor: { readonly seconds: number } }
  | { readonly playTones: { readonly atLeast: number } }
  | { readonly withinSeconds: number };

export interface DrawShapeGoal {
  /** The target polyline, centimetres in world coordinates. */
  readonly points: readonly Point[];
  readonly toleranceCm: number;
  /** The shape closes back to its first point (a square, a house…). */
  readonly closed?: boolean;
}

/** Every condition key, in the order the docs list them. */
export const GOAL_KEYS = [
  'all',
  'any',
  'reachZone',
  'endInZone',
  'avoidZone',
  'visitZonesInOrder',
  'neverTouchWall',
  'followLine',
  'drawShape',
  'lightOnFor',
  'playTones',
  'withinSeconds',
] as const;

export type GoalKey = (typeof GOAL_KEYS)[number];
