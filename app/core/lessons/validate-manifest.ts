/**
 * `pack.json` text → a checked PackManifest, or every problem with its JSON path. Never throws.
 * Order: size and nesting guard (before JSON.parse), JSON syntax, format and version, the schema,
 * then the rules a schema cannot say. Files the manifest names are checked by the host loader.
 */
import { matchesPackSchema } from '../generated/pack-validator';
import { jsonErrorOffset } from '../project/json-error-offset';
import { jsonDepth } from '../project/json-guard';
import { checkGoal } from './goal-checks';
import { SPEC_BLOCK_TYPES } from './known-blocks';
import { formatBytes, joinPath, PACK_MANIFEST, packError, showName, type PackError } from './pack-error';
import { PACK_LIMITS, type PackLimits } from './pack-limits';
import { schemaErrors } from './schema-errors';
import { PACK_VERSION, TEACHER_REQUIRED, type Lesson, type PackManifest, type Toolbox } from './types';

export interface ManifestOptions {
  /** Block types a toolbox may name (default: SPEC §3). */
  readonly blockTypes?: ReadonlySet<string>;
  /** Robot profiles RoboKit knows; others only warn (a pack may target a future robot). */
  readonly profiles?: ReadonlySet<string>;
  readonly limits?: PackLimits;
}

export type ManifestResult =
  | { readonly ok: true; readonly manifest: PackManifest; readonly warnings: readonly PackError[] }
  | { readonly ok: false; readonly errors: readonly PackError[] };

const FILE = PACK_MANIFEST;
const failed = (...errors: PackError[]): ManifestResult => ({ ok: false, errors });

export function parseManifest(text: string, options: ManifestOptions = {}): ManifestResult {
  const limits = options.limits ?? PACK_LIMITS;
  if (text.length > limits.maxManifestBytes) {
    return failed(packError('pack-file-too-large', { file: FILE }, { max: formatBytes(limits.maxManifestBytes) }));
  }
  if (jsonDepth(text, limits.maxJsonDepth) > limits.maxJsonDepth) {
    return failed(packError('pack-json-too-deep', { file: FILE }, { max: limits.maxJsonDepth }));
  }
  const parsed = parseJson(text, FILE);
  if (!parsed.ok) return failed(parsed.error);
  return checkManifest(parsed.value, options);
}

/** Validates already-parsed data. */
export function checkManifest(data: unknown, options: ManifestOptions = {}): ManifestResult {
  const limits = options.limits ?? PACK_LIMITS;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== 'robokit-pack') {
    return failed(packError('pack-wrong-format', { file: FILE }));
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > PACK_VERSION) {
    return failed(packError('pack-future-version', {}, { version }));
  }
  const validate = matchesPackSchema; // PACK_SCHEMA, precompiled by scripts/gen-validators.mjs
  if (!validate(data)) return failed(...schemaErrors(FILE, validate.errors ?? []));
  const manifest = data as PackManifest;
  const errors = [...ruleErrors(manifest, options.blockTypes ?? SPEC_BLOCK_TYPES, limits)];
  const warnings = [...profileWarnings(manifest, options.profiles), ...phaseWarnings(manifest)];
  return errors.length > 0 ? { ok: false, errors: [...errors, ...warnings] } : { ok: true, manifest, warnings };
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: PackError };

/** JSON.parse with the error said in words, with a line and column when the engine gives one. */
export function parseJson(text: string, file: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const detail = e instanceof Error ? e.message : '';
    const at = /at position (\d+)/.exec(detail);
    const offset = at ? Number(at[1]) : /end of JSON input/.test(detail) ? text.length : jsonErrorOffset(text);
    if (offset < 0) return { ok: false, error: packError('pack-json-invalid', { file }) };
    const before = text.slice(0, offset).split('\n');
    const line = before.length;
    const column = (before[before.length - 1]?.length ?? 0) + 1;
    return { ok: false, error: packError('pack-json-invalid-at', { file }, { line, column }) };
  }
}

function* ruleErrors(manifest: PackManifest, blockTypes: ReadonlySet<string>, limits: PackLimits): Generator<PackError> {
  const [minAge, maxAge] = manifest.ages;
  if (minAge > maxAge) yield packError('pack-ages-order', { file: FILE, path: 'ages' });
  const ids = new Set<string>();
  for (const [i, lesson] of manifest.lessons.entries()) {
    const path = joinPath('lessons', i);
    if (ids.has(lesson.id)) yield packError('pack-lesson-duplicate', { file: FILE, path: joinPath(path, 'id') }, { id: lesson.id });
    ids.add(lesson.id);
    yield* toolboxErrors(lesson.toolbox, joinPath(path, 'toolbox'), blockTypes);
    if (manifest.version >= 2) yield* teacherErrors(lesson, path);
    const challenge = lesson.challenge;
    if (!challenge) continue;
    const challengePath = joinPath(path, 'challenge');
    if (challenge.stars && challenge.stars.three > challenge.stars.two) {
      yield packError('pack-stars-order', { file: FILE, path: joinPath(challengePath, 'stars') });
    }
    yield* checkGoal(challenge.goal, FILE, joinPath(challengePath, 'goal'), challenge.timeLimitSeconds, limits);
  }
}

function* toolboxErrors(toolbox: Toolbox, path: string, blockTypes: ReadonlySet<string>): Generator<PackError> {
  for (const [i, item] of toolbox.entries()) {
    const types = typeof item === 'string' ? [[joinPath(path, i), item] as const] : item.blocks.map((t, j) => [joinPath(joinPath(joinPath(path, i), 'blocks'), j), t] as const);
    for (const [at, type] of types) {
      if (!blockTypes.has(type)) yield packError('pack-unknown-block', { file: FILE, path: at }, { type: showName(type) });
    }
  }
}

const TEACHER_WHAT: Readonly<Record<(typeof TEACHER_REQUIRED)[number], string>> = {
  objectives: 'objectifs / objectives',
  phases: 'phases',
  debrief: 'questions de bilan / debrief questions',
  mistakes: 'erreurs fréquentes / common mistakes',
  easier: 'variante plus facile / easier variant',
  harder: 'variante plus difficile / harder variant',
};

/** A version 2 pack gives every lesson its teacher notes, with at least the fields a replacement colleague needs. */
function* teacherErrors(lesson: Lesson, path: string): Generator<PackError> {
  if (!lesson.teacher) return yield packError('pack-teacher-missing', { file: FILE, path: joinPath(path, 'teacher') });
  for (const field of TEACHER_REQUIRED) {
    if (lesson.teacher[field] === undefined) {
      yield packError('pack-teacher-field-missing', { file: FILE, path: joinPath(joinPath(path, 'teacher'), field) }, { field, what: TEACHER_WHAT[field] });
    }
  }
}

/** Phases that do not add up to the lesson's duration only warn: a teacher may plan a margin. */
function phaseWarnings(manifest: PackManifest): PackError[] {
  return manifest.lessons.flatMap((lesson, i) => {
    const phases = lesson.teacher?.phases;
    if (!phases) return [];
    const sum = phases.reduce((total, p) => total + p.minutes, 0);
    if (sum === lesson.minutes) return [];
    const at = { file: FILE, path: joinPath(joinPath(joinPath('lessons', i), 'teacher'), 'phases') };
    return [packError('pack-teacher-phases-minutes', at, { sum, minutes: lesson.minutes }, { severity: 'warning' })];
  });
}

function profileWarnings(manifest: PackManifest, known: ReadonlySet<string> | undefined): PackError[] {
  if (!known) return [];
  return manifest.profiles.flatMap((profile, i) =>
    known.has(profile)
      ? []
      : [packError('pack-unknown-profile', { file: FILE, path: joinPath('profiles', i) }, { profile }, { severity: 'warning' })],
  );
}
