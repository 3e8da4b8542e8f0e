/**
 * What the pack loader asks of other parts of RoboKit, injected so tests and hosts can swap them:
 * the project parser, the world parser, the block catalog's types and the known robot profiles.
 * The defaults are the real ones.
 */
import { CATALOG } from '../../core/blocks/catalog';
import { SPEC_BLOCK_TYPES } from '../../core/lessons/known-blocks';
import type { MessageCode } from '../../core/i18n/messages';
import { BUILT_IN_PROFILES } from '../../core/profiles';
import { parseProject, type Project } from '../../core/project/project';
import { parseWorld } from '../../core/simulator/parse-world';
import type { World } from '../../core/simulator/world';

export interface PackCheckers {
  readonly parseProject: (
    text: string,
  ) => { ok: true; project: Project } | { ok: false; error: { code: MessageCode; params: Readonly<Record<string, string | number>> } };
  readonly parseWorld: (
    json: unknown,
  ) => { ok: true; world: World } | { ok: false; error: { code: MessageCode; path: string; detail: string } };
  /** Block types a lesson's toolbox may name. */
  readonly blockTypes: ReadonlySet<string>;
  /** Robot profiles RoboKit knows (others only warn). */
  readonly profiles: ReadonlySet<string>;
}

export const DEFAULT_CHECKERS: PackCheckers = {
  parseProject,
  parseWorld,
  blockTypes: new Set([...SPEC_BLOCK_TYPES, ...CATALOG.map((entry) => entry.type)]),
  profiles: new Set(Object.keys(BUILT_IN_PROFILES)),
};
