/**
 * Judges a challenge goal on what the robot did (the simulator's trace), never on which blocks were
 * used. Pure and deterministic. The conditions and the trace field each reads are listed in
 * `lessons/types.ts`; timing for `withinSeconds`:
 *
 * | condition | "done" at |
 * |---|---|
 * | `reachZone` | first entry |
 * | `endInZone` | the entry it ends in |
 * | `visitZonesInOrder` | entry into the last zone |
 * | `playTones` | start of the tone that reaches the count |
 * | `lightOnFor`, `drawShape` | end of the run (the trace keeps only totals and the finished trail) |
 * | `avoidZone`, `neverTouchWall`, `followLine` | not timed: judged on the whole run |
 * | `all` / `any` | the last / the earliest of its members that hold |
 *
 * `withinSeconds` holds when all its siblings hold and the latest of their times is at most that.
 */
import type { DrawShapeGoal, Goal, Point } from '../lessons/types';
import type { Trace } from '../simulator/trace';
import { zoneLabel, type World } from '../simulator/world';
import { matchShape } from './shape-match';
import { followLine, lightOnFor, neverTouchWall, playTones } from './trace-conditions';
import { say, seconds, type ConditionResult, type GoalVerdict } from './verdict';
import { avoidZone, endInZone, reachZone, visitZonesInOrder, type ZoneNames } from './zone-conditions';

export function evaluateGoal(goal: Goal, trace: Trace, world: World): GoalVerdict {
  const judge = new Judge(trace, world);
  if ('all' in goal) {
    const conditions = flattenAll(judge.members(goal.all));
    return { passed: conditions.every((c) => c.passed), conditions };
  }
  const result = judge.condition(goal);
  return { passed: result.passed, conditions: [result] };
}

class Judge {
  private readonly zones: ReadonlySet<string>;
  private readonly names: ZoneNames;

  constructor(
    private readonly trace: Trace,
    world: World,
  ) {
    this.zones = new Set(world.zones.map((z) => z.name));
    const byId = new Map(world.zones.map((z) => [z.name, { fr: zoneLabel(z, 'fr'), en: zoneLabel(z, 'en') }]));
    this.names = (zone) => byId.get(zone) ?? { fr: zone, en: zone };
  }

  condition(goal: Goal): ConditionResult {
    const t = this.trace;
    if ('all' in goal) return this.all(goal.all);
    if ('any' in goal) return this.any(goal.any);
    if ('reachZone' in goal) return this.zone('reachZone', goal.reachZone) ?? reachZone(goal.reachZone, t.zoneEvents, this.names);
    if ('endInZone' in goal) return this.zone('endInZone', goal.endInZone) ?? endInZone(goal.endInZone, t.zoneEvents, this.names);
    if ('avoidZone' in goal) return this.zone('avoidZone', goal.avoidZone) ?? avoidZone(goal.avoidZone, t.zoneEvents, this.names);
    if ('visitZonesInOrder' in goal) {
      const unknown = goal.visitZonesInOrder.find((z) => !this.zones.has(z));
      return (unknown !== undefined && this.zone('visitZonesInOrder', unknown)) || visitZonesInOrder(goal.visitZonesInOrder, t.zoneEvents, this.names);
    }
    if ('neverTouchWall' in goal) return neverTouchWall(t);
    if ('followLine' in goal) return followLine(goal.followLine.fraction, t);
    if ('drawShape' in goal) return this.drawShape(goal.drawShape);
    if ('lightOnFor' in goal) return lightOnFor(goal.lightOnFor.seconds, t);
    if ('playTones' in goal) return playTones(goal.playTones.atLeast, t);
    // `withinSeconds` alone (the validator only allows it inside `all`): nothing to time, so it holds
    // when the run itself ended in time.
    return this.within(goal.withinSeconds, [{ kind: 'all', passed: true, doneAtMs: t.durationMs, detail: say('challenge-all-ok') }]);
  }

  /** Members of an `all`: `withinSeconds` is judged after its siblings. */
  members(goals: readonly Goal[]): ConditionResult[] {
    const results: (ConditionResult | number)[] = goals.map((g) => ('withinSeconds' in g ? g.withinSeconds : this.condition(g)));
    const siblings = results.filter((r): r is ConditionResult => typeof r !== 'number');
    return results.map((r) => (typeof r === 'number' ? this.within(r, siblings) : r));
  }

  private all(goals: readonly Goal[]): ConditionResult {
    const conditions = this.members(goals);
    const passed = conditions.every((c) => c.passed);
    const doneAtMs = passed ? latest(conditions) : null;
    return { kind: 'all', passed, doneAtMs, detail: say(passed ? 'challenge-all-ok' : 'challenge-all-miss'), conditions };
  }

  private any(goals: readonly Goal[]): ConditionResult {
    const conditions = goals.map((g) => this.condition(g));
    const held = conditions.filter((c) => c.passed);
    const passed = held.length > 0;
    const times = held.map((c) => c.doneAtMs ?? 0);
    const doneAtMs = passed ? Math.min(...times) : null;
    return { kind: 'any', passed, doneAtMs, detail: say(passed ? 'challenge-any-ok' : 'challenge-any-miss'), conditions };
  }

  private within(limitSeconds: number, siblings: readonly ConditionResult[]): ConditionResult {
    const goal = limitSeconds;
    if (!siblings.every((s) => s.passed)) {
      return { kind: 'withinSeconds', passed: false, doneAtMs: null, detail: say('challenge-within-waiting', { goal }) };
    }
    const at = latest(siblings);
    const passed = at <= limitSeconds * 1000 + 1e-6;
    const detail = say(passed ? 'challenge-within-ok' : 'challenge-within-miss', { time: seconds(at), goal });
    return { kind: 'withinSeconds', passed, doneAtMs: passed ? at : null, detail };
  }

  /** The robot went somewhere (more than half a centimetre from where it started). */
  private robotMoved(): boolean {
    const [first, ...rest] = this.trace.samples;
    return first !== undefined && rest.some((s) => Math.hypot(s.x - first.x, s.y - first.y) > 0.5);
  }

  private drawShape(shape: DrawShapeGoal): ConditionResult {
    const match = matchShape(this.trace.penSegments, shape.points, shape.toleranceCm, shape.closed ?? false);
    const result = (passed: boolean, detail: ConditionResult['detail']): ConditionResult => ({
      kind: 'drawShape',
      passed,
      doneAtMs: passed ? this.trace.durationMs : null,
      detail,
    });
    // Nothing drawn: because the robot never moved (the pen may well be down), or because the pen stayed up.
    if (match.empty) return result(false, say(this.robotMoved() ? 'challenge-shape-empty' : 'challenge-shape-no-move'));
    if (match.missingNear) return result(false, say('challenge-shape-missing', point(match.missingNear)));
    const stray = match.worstStray;
    if (!match.passed && stray) return result(false, say('challenge-shape-stray', { ...point(stray.at), gap: stray.gapCm }));
    return result(true, say('challenge-shape-ok', { gap: stray?.gapCm ?? 0 }));
  }

  /** A condition naming a zone the world does not have fails, saying so (the pack validator prevents it). */
  private zone(kind: ConditionResult['kind'], zone: string): ConditionResult | null {
    return this.zones.has(zone) ? null : { kind, passed: false, doneAtMs: null, detail: say('challenge-unknown-zone', { zone }) };
  }
}

/** Members of nested `all`s shown as members of the top one (an `all` inside an `any` stays). */
function flattenAll(conditions: readonly ConditionResult[]): ConditionResult[] {
  return conditions.flatMap((c) => (c.kind === 'all' && c.conditions ? flattenAll(c.conditions) : [c]));
}

/** The latest time among conditions; untimed ones count as done at the start. */
function latest(conditions: readonly ConditionResult[]): number {
  return conditions.reduce((max, c) => Math.max(max, c.doneAtMs ?? 0), 0);
}

function point(p: Point): { x: number; y: number } {
  return { x: Math.round(p[0]), y: Math.round(p[1]) };
}
