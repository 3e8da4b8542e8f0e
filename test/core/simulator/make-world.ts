/** Small worlds for simulator tests: an empty arena plus whatever a test adds. */
import type { World } from '../../../app/core/simulator/world';
import { BUILT_IN_PROFILES, type Profile } from '../../../app/core/profiles';

export function makeWorld(extra: Partial<World> = {}): World {
  return {
    format: 'robokit-world',
    version: 1,
    name: { fr: 'Test', en: 'Test' },
    size: { width: 400, height: 300 },
    robot: { x: 100, y: 150, heading: 0 },
    walls: [],
    obstacles: [],
    lines: [],
    zones: [],
    lights: [],
    ...extra,
  };
}

export const SIM_PROFILE: Profile = BUILT_IN_PROFILES.sim!;
