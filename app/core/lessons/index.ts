/** Lesson packs in the pure core: types, schema, validation, markdown rendering. */
export * from './types';
export { PACK_LIMITS, type PackLimits } from './pack-limits';
export { PACK_SCHEMA, GOAL_SCHEMA } from './pack-schema';
export { parseManifest, checkManifest, type ManifestOptions, type ManifestResult } from './validate-manifest';
export { describePackError, type PackError } from './pack-error';
export { checkGoal, goalZones } from './goal-checks';
export { renderMarkdown, packImageUrl, resolvePackPath, type MarkdownContext, type RenderedMarkdown } from './markdown';
export { checkEntryName } from './entry-names';
export { packReferences, type PackReference } from './references';
export { SPEC_BLOCK_TYPES } from './known-blocks';
