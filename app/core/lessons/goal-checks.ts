/**
 * Rules on challenge goals that a schema cannot say: nesting depth, size, where `withinSeconds` may
 * sit, and which zones a goal names (checked against the world by the pack loader).
 */
import { joinPath, packError, type PackError } from './pack-error';
import { PACK_LIMITS, type PackLimits } from './pack-limits';
import type { Goal } from './types';

interface GoalCheckContext {
  readonly file: string;
  readonly limits: PackLimits;
  readonly timeLimitSeconds: number | undefined;
  readonly errors: PackError[];
  count: number;
}

/** Checks a schema-valid goal found at `path` in `file`. */
export function checkGoal(
  goal: Goal,
  file: string,
  path: string,
  timeLimitSeconds?: number,
  limits: PackLimits = PACK_LIMITS,
): PackError[] {
  const ctx: GoalCheckContext = { file, limits, timeLimitSeconds, errors: [], count: 0 };
  walk(goal, path, 0, null, ctx);
  if (ctx.count > limits.maxGoalConditions) {
    ctx.errors.push(packError('pack-goal-too-big', { file, path }, { max: limits.maxGoalConditions }));
  }
  return ctx.errors;
}

function walk(goal: Goal, path: string, depth: number, parent: 'all' | 'any' | null, ctx: GoalCheckContext): void {
  ctx.count++;
  if ('all' in goal || 'any' in goal) {
    const [key, children] = 'all' in goal ? (['all', goal.all] as const) : (['any', goal.any] as const);
    if (depth >= ctx.limits.maxGoalDepth) {
      ctx.errors.push(packError('pack-goal-too-deep', { file: ctx.file, path: joinPath(path, key) }, { max: ctx.limits.maxGoalDepth }));
      return;
    }
    children.forEach((child, i) => walk(child, joinPath(joinPath(path, key), i), depth + 1, key, ctx));
    return;
  }
  if ('withinSeconds' in goal) {
    const at = { file: ctx.file, path: joinPath(path, 'withinSeconds') };
    if (parent !== 'all') ctx.errors.push(packError('pack-goal-within-placement', at));
    const limit = ctx.timeLimitSeconds;
    if (limit !== undefined && goal.withinSeconds > limit) {
      ctx.errors.push(packError('pack-goal-time-limit', at, { seconds: goal.withinSeconds, limit }));
    }
  }
}

/** Every zone a goal names, with the JSON path of the name. */
export function goalZones(goal: Goal, path: string): { zone: string; path: string }[] {
  const out: { zone: string; path: string }[] = [];
  const visit = (g: Goal, p: string, depth: number): void => {
    if (depth > PACK_LIMITS.maxGoalDepth + 1) return;
    if ('all' in g) g.all.forEach((c, i) => visit(c, joinPath(joinPath(p, 'all'), i), depth + 1));
    else if ('any' in g) g.any.forEach((c, i) => visit(c, joinPath(joinPath(p, 'any'), i), depth + 1));
    else if ('reachZone' in g) out.push({ zone: g.reachZone, path: joinPath(p, 'reachZone') });
    else if ('endInZone' in g) out.push({ zone: g.endInZone, path: joinPath(p, 'endInZone') });
    else if ('avoidZone' in g) out.push({ zone: g.avoidZone, path: joinPath(p, 'avoidZone') });
    else if ('visitZonesInOrder' in g) {
      g.visitZonesInOrder.forEach((zone, i) => out.push({ zone, path: joinPath(joinPath(p, 'visitZonesInOrder'), i) }));
    }
  };
  visit(goal, path, 0);
  return out;
}
