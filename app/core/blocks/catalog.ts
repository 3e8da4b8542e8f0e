/**
 * The block catalog: every block RoboKit knows, in toolbox order. Lesson packs and saved projects
 * name these types (SPEC §3); new blocks may be added, existing ones may not change.
 */
import { CONTROL_BLOCKS } from './control-blocks';
import { DATA_BLOCKS } from './data-blocks';
import { LIGHT_SOUND_BLOCKS } from './light-sound-blocks';
import { LOGIC_MATH_BLOCKS } from './logic-math-blocks';
import { MOVEMENT_BLOCKS } from './movement-blocks';
import { SENSOR_BLOCKS } from './sensor-blocks';
import type { CatalogEntry, CategoryId } from './types';

export const CATALOG: readonly CatalogEntry[] = [
  ...MOVEMENT_BLOCKS,
  ...LIGHT_SOUND_BLOCKS,
  ...SENSOR_BLOCKS,
  ...CONTROL_BLOCKS,
  ...LOGIC_MATH_BLOCKS,
  ...DATA_BLOCKS,
];

const BY_TYPE: ReadonlyMap<string, CatalogEntry> = new Map(CATALOG.map((e) => [e.type, e]));

/** The entry for a block type, or `undefined` for a type RoboKit does not know. */
export function catalogEntry(type: string): CatalogEntry | undefined {
  return BY_TYPE.get(type);
}

export function categoryOf(type: string): CategoryId | undefined {
  return BY_TYPE.get(type)?.category;
}
