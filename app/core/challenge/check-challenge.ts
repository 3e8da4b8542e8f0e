/**
 * Checks a pupil's project against a lesson's challenge, as "Vérifier" and `robokit check` do:
 * the blocks must come from the lesson's toolbox and compile for the robot; the program then runs in
 * the simulator for the challenge's time, and the goal is judged on what the robot did.
 * Deterministic: the same workspace, lesson, world, profile and seed give the same result.
 */
import { compile } from '../compiler/compile';
import { localized } from '../i18n/messages';
import type { Diagnostic } from '../compiler/diagnostics';
import type { Challenge, Lesson } from '../lessons/types';
import type { Profile } from '../profiles';
import type { EndReason, RunEvent } from '../runtime/events';
import { runInSimulator } from '../run/sim-run';
import type { World } from '../simulator/world';
import { evaluateGoal } from './evaluate-goal';
import { allowedBlockTypes, MAX_CHECKED_BLOCKS, surveyBlocks } from './lesson-blocks';
import type { ConditionResult } from './verdict';

/** A challenge without `timeLimitSeconds` lasts this long (simulated). */
export const DEFAULT_TIME_LIMIT_SECONDS = 60;

export type Stars = 0 | 1 | 2 | 3;

export interface ChallengeResult {
  readonly passed: boolean;
  /** 0 when not passed; by block count when the challenge has `stars`, else 3. */
  readonly stars: Stars;
  /** Simulated ms the run lasted (0 when it could not start). */
  readonly timeMs: number;
  /** Blocks of the program (start stack and functions, start block and shadows not counted). */
  readonly blockCount: number;
  /** Why the run ended, or `null` when it could not start (see diagnostics). */
  readonly reason: EndReason | null;
  readonly conditions: readonly ConditionResult[];
  /** Blocks outside the lesson, compile errors, or the runtime error that stopped the run. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface CheckOptions {
  /** Overrides the challenge's seed (default: the challenge's, else 1). */
  readonly seed?: number;
  /** Lets a host breathe during the run (a UI stays responsive). */
  readonly yieldToHost?: () => Promise<void>;
  /** Every event of the judged run, as `robokit run --json` prints them (block events cost time: only when asked). */
  readonly onEvent?: (event: RunEvent) => void;
}

export async function checkChallenge(
  workspace: unknown,
  lesson: Lesson,
  world: World,
  profile: Profile,
  options: CheckOptions = {},
): Promise<ChallengeResult> {
  const challenge = lesson.challenge;
  if (!challenge) return notRun(0, [workspaceError(localized('challenge-none', { lesson: lesson.id }), 'challenge-none')]);
  const survey = surveyBlocks(workspace, allowedBlockTypes(lesson.toolbox));
  const diagnostics: Diagnostic[] = survey.notAllowed.map((b) => ({
    blockId: b.id || null,
    code: 'challenge-block-not-allowed',
    message: localized('challenge-block-not-allowed', { type: b.type.slice(0, 60) }),
    severity: 'error',
  }));
  if (survey.truncated) diagnostics.push(workspaceError(localized('challenge-too-many-blocks', { max: MAX_CHECKED_BLOCKS }), 'challenge-too-many-blocks'));
  const compiled = compile(workspace, { profile });
  diagnostics.push(...compiled.diagnostics);
  if (!compiled.program || diagnostics.some((d) => d.severity === 'error')) return notRun(survey.blockCount, diagnostics);

  let runError: Diagnostic | undefined;
  const run = await runInSimulator(compiled.program, {
    world,
    profile,
    seed: options.seed ?? challenge.seed ?? 1,
    timeoutMs: (challenge.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS) * 1000,
    onError: (e) => {
      runError ??= { blockId: e.blockId ?? null, code: e.code, message: e.message, severity: 'error' };
    },
    ...(options.yieldToHost ? { yieldToHost: options.yieldToHost } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  const verdict = evaluateGoal(challenge.goal, run.trace, world);
  const passed = verdict.passed && run.reason !== 'error';
  return {
    passed,
    stars: starsFor(passed, survey.blockCount, challenge),
    timeMs: run.timeMs,
    blockCount: survey.blockCount,
    reason: run.reason,
    conditions: verdict.conditions,
    diagnostics: runError ? [...diagnostics, runError] : diagnostics,
  };
}

/** A pass earns ★ at least; ★★ within `stars.two` blocks, ★★★ within `stars.three`; no `stars`: ★★★. */
export function starsFor(passed: boolean, blockCount: number, challenge: Pick<Challenge, 'stars'>): Stars {
  if (!passed) return 0;
  const stars = challenge.stars;
  if (!stars || blockCount <= stars.three) return 3;
  return blockCount <= stars.two ? 2 : 1;
}

function notRun(blockCount: number, diagnostics: readonly Diagnostic[]): ChallengeResult {
  return { passed: false, stars: 0, timeMs: 0, blockCount, reason: null, conditions: [], diagnostics };
}

function workspaceError(message: Diagnostic['message'], code: Diagnostic['code']): Diagnostic {
  return { blockId: null, code, message, severity: 'error' };
}
