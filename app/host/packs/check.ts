/**
 * `robokit check FILE.robokit --pack PACK --lesson ID [--json]` (SPEC §6) as a function the command
 * line wires: it reads the project and the pack (a folder or a `.robokitpack`, never installed), runs
 * the lesson's challenge in the simulator and returns the exit code, lines for people and a JSON
 * object. Never throws for bad input. Exit 0 passed, 1 not passed (it ran, or stopped on a runtime
 * error), 2 bad input (unreadable project or pack, unknown lesson or robot, a lesson without a
 * challenge, or a program that cannot run: compile errors, blocks outside the lesson's toolbox).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkChallenge, type ChallengeResult, type ConditionResult } from '../../core/challenge';
import { goalTimeMs } from '../../core/challenge/verdict';
import { numberText } from '../../core/i18n/numbers';
import { localized, type Localized, type MessageCode } from '../../core/i18n/messages';
import { describePackError, showName } from '../../core/lessons/pack-error';
import { findProfile } from '../../core/profiles';
import { parseProject, PROJECT_LIMITS, type Project } from '../../core/project/project';
import type { PackLoadOptions } from './load-pack';
import { openPackForCheck } from './pack-store';

export interface CheckCommandOptions {
  /**
   * `--json`: the verdict is in `json` (for stdout), so `lines` keep only what stopped the check
   * (bad input). Without it, `lines` also say the verdict and every condition.
   */
  readonly json?: boolean;
  /** Overrides the challenge's seed. */
  readonly seed?: number;
  readonly packOptions?: PackLoadOptions;
}

export interface CheckJson {
  readonly type: 'check';
  readonly passed: boolean;
  readonly stars: number;
  readonly timeMs: number;
  readonly blockCount: number;
  readonly reason: ChallengeResult['reason'];
  readonly pack: string | null;
  readonly lesson: string;
  readonly conditions: readonly ConditionResult[];
  readonly diagnostics: readonly { code: string; blockId: string | null; severity: string; message: Localized }[];
  /** Why the check could not run (exit 2), first problem first. */
  readonly errors: readonly { code: string; message: Localized }[];
}

export interface CheckCommandResult {
  readonly exitCode: 0 | 1 | 2;
  /** For people (stderr): each message in French, then the same in English. */
  readonly lines: readonly string[];
  readonly json: CheckJson;
}

/** A pack can list thousands of problems; people need the first few. */
const MAX_PROBLEMS = 20;

export async function checkCommandResult(
  projectPath: string,
  packPath: string,
  lessonId: string,
  options: CheckCommandOptions = {},
): Promise<CheckCommandResult> {
  const base = { lesson: lessonId, pack: null as string | null };
  const project = await readProject(projectPath);
  if (!project.ok) return badInput(base, [project.error]);
  const opened = await openPackForCheck(packPath, { ...options.packOptions, lesson: lessonId });
  if (!opened.ok) {
    const errors = opened.errors.filter((e) => e.severity === 'error').slice(0, MAX_PROBLEMS);
    return badInput(base, errors.map((e) => ({ code: e.code, message: { fr: describePackError(e, 'fr'), en: describePackError(e, 'en') } })));
  }
  const { pack } = opened;
  const found = { ...base, pack: pack.id };
  const lesson = pack.manifest.lessons.find((l) => l.id === lessonId);
  if (!lesson) {
    const lessons = pack.manifest.lessons.map((l) => l.id).join(', ');
    return badInput(found, [problem('challenge-lesson-unknown', { lesson: showName(lessonId), pack: pack.id, lessons })]);
  }
  const world = lesson.challenge && pack.worlds.get(lesson.challenge.world);
  if (!lesson.challenge) return badInput(found, [problem('challenge-none', { lesson: lesson.id })]);
  if (!world) return badInput(found, [problem('challenge-world-missing', { file: lesson.challenge.world })]);
  const profile = findProfile(project.project.profile);
  if (!profile) return badInput(found, [problem('challenge-profile-unknown', { profile: showName(project.project.profile) })]);

  const result = await checkChallenge(project.project.workspace, lesson, world, profile, options.seed !== undefined ? { seed: options.seed } : {});
  const json = toJson(found, result);
  if (result.reason === null) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').slice(0, MAX_PROBLEMS);
    return { exitCode: 2, lines: [...both(localized('challenge-not-run')), ...errors.flatMap((d) => both(d.message, '  ✗ '))], json };
  }
  const lines = options.json ? [] : verdictLines(result);
  return { exitCode: result.passed ? 0 : 1, lines, json };
}

type Problem = { code: MessageCode; message: Localized };

function problem(code: MessageCode, params: Readonly<Record<string, string | number>>): Problem {
  return { code, message: localized(code, params) };
}

function badInput(at: { lesson: string; pack: string | null }, errors: readonly Problem[]): CheckCommandResult {
  const json: CheckJson = {
    type: 'check',
    passed: false,
    stars: 0,
    timeMs: 0,
    blockCount: 0,
    reason: null,
    ...at,
    conditions: [],
    diagnostics: [],
    errors: errors.map((e) => ({ code: e.code, message: e.message })),
  };
  return { exitCode: 2, lines: errors.flatMap((e) => both(e.message)), json };
}

function toJson(at: { lesson: string; pack: string | null }, r: ChallengeResult): CheckJson {
  return {
    type: 'check',
    passed: r.passed,
    stars: r.stars,
    timeMs: r.timeMs,
    blockCount: r.blockCount,
    reason: r.reason,
    ...at,
    conditions: r.conditions,
    diagnostics: r.diagnostics.map((d) => ({ code: d.code, blockId: d.blockId, severity: d.severity, message: d.message })),
    errors: [],
  };
}

function verdictLines(r: ChallengeResult): string[] {
  const stars = '★'.repeat(r.stars) + '☆'.repeat(3 - r.stars);
  const head = r.passed
    ? sayBoth('challenge-passed', { stars, blocks: r.blockCount }, goalTimeMs(r) / 1000, '✓ ')
    : both(localized('challenge-failed'), '✗ ');
  const runError = r.reason === 'error' ? sayBoth('challenge-run-error', {}, r.timeMs / 1000, '  ✗ ') : [];
  const conditions = r.conditions.flatMap((c) => conditionLines(c, '  '));
  const diagnostics = r.diagnostics.filter((d) => d.severity === 'error').flatMap((d) => both(d.message, '  ✗ '));
  return [...head, ...runError, ...diagnostics, ...conditions];
}

function conditionLines(c: ConditionResult, indent: string): string[] {
  const mark = c.passed ? '✓ ' : '✗ ';
  return [...both(c.detail, indent + mark), ...(c.conditions ?? []).flatMap((sub) => conditionLines(sub, indent + '  '))];
}

function both(m: Localized, prefix = ''): string[] {
  return [prefix + m.fr, prefix + m.en];
}

/** A message with a time in seconds written the French or the English way. */
function sayBoth(code: MessageCode, params: Readonly<Record<string, string | number>>, seconds: number, prefix: string): string[] {
  const fr = localized(code, { ...params, time: numberText(seconds, 'fr', 1) }).fr;
  const en = localized(code, { ...params, time: numberText(seconds, 'en', 1) }).en;
  return [prefix + fr, prefix + en];
}

type ReadProject = { ok: true; project: Project } | { ok: false; error: Problem };

async function readProject(path: string): Promise<ReadProject> {
  const fail = (code: MessageCode, params: Readonly<Record<string, string | number>>): ReadProject => ({ ok: false, error: problem(code, params) });
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail('file-unreadable', { file: showName(basename(path)) });
    if (info.size > PROJECT_LIMITS.maxChars * 4) return fail('file-too-large', { size: `${info.size} octets` });
    text = await readFile(path, 'utf8');
  } catch {
    return fail('file-unreadable', { file: showName(basename(path)) });
  }
  const parsed = parseProject(text);
  return parsed.ok ? { ok: true, project: parsed.project } : fail(parsed.error.code, parsed.error.params);
}
