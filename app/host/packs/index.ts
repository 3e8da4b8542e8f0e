/** Lesson packs on the host: load, install, render steps, validate and build. */
export { loadPackFolder, type LoadedPack, type PackLoadOptions, type PackLoadResult } from './load-pack';
export { installPack, openPackForCheck } from './pack-store';
export { renderStepHtml, sanitizeStepHtml, STEP_PURIFY_CONFIG, enforceStepAttributes } from './markdown';
export { validatePack, buildPack, reportLines, type PackReport, type BuildResult } from './pack-commands';
export { DEFAULT_CHECKERS, type PackCheckers } from './checkers';
