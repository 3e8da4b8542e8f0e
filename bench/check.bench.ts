/**
 * `robokit check` of a 60 s challenge (issue #5: ≤ 100 ms): "Suivre la ligne" from the parent–child
 * pack, whose solution follows the line for the whole 60 simulated seconds.
 * - the core check (compile with the lesson's toolbox, run 60 s in the simulator, judge the trace);
 * - the command's function end to end (read the project, open and validate the pack, check);
 * - the `node bin/robokit.js check …` process, once the command line has wired it, less the time an
 *   empty Node process takes to start (which no code of ours can shorten).
 * For information: the same 60 s with a `forever` that never waits (the runtime's worst case).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { checkChallenge } from '../app/core/challenge';
import { findProfile } from '../app/core/profiles';
import { loadPackFolder } from '../app/host/packs';
import { checkCommandResult } from '../app/host/packs/check';
import { fmt, median, report, timeRuns, type Goal } from './stats';

const PACK = 'lessons/defis-parents-enfants';
const LESSON = 'suivre-la-ligne';
const SOLUTION = `${PACK}/projects/${LESSON}-solution.robokit`;
const GOAL_MS = 100;

async function main(): Promise<number> {
  const loaded = await loadPackFolder(PACK);
  if (!loaded.ok) return fail('the pack does not load', loaded.errors);
  const lesson = loaded.pack.manifest.lessons.find((l) => l.id === LESSON)!;
  const world = loaded.pack.worlds.get(lesson.challenge!.world)!;
  const solution = loaded.pack.projects.get(lesson.solution!)!;
  const starter = loaded.pack.projects.get(lesson.starter)!;
  const profile = findProfile(solution.profile)!;

  const first = await checkChallenge(solution.workspace, lesson, world, profile);
  if (!first.passed || first.timeMs !== 60_000) return fail('the solution must pass after 60 s', first);
  const core = median(await timeRuns(() => checkChallenge(solution.workspace, lesson, world, profile), 30));
  const command = median(await timeRuns(() => checkCommandResult(SOLUTION, PACK, LESSON, { json: true }), 15));
  const busy = median(await timeRuns(() => checkChallenge(starter.workspace, lesson, world, profile), 7, 1));
  const noWait = withoutWait(solution.workspace);
  const noWaitResult = await checkChallenge(noWait, lesson, world, profile);
  const eager = median(await timeRuns(() => checkChallenge(noWait, lesson, world, profile), 7, 1));

  console.log(`challenge: ${PACK} › ${LESSON}, ${first.timeMs / 1000} s simulated, ${first.conditions.length} conditions`);
  console.log(`core check median ${fmt(core)}; checkCommandResult (read + validate pack + check) median ${fmt(command)}`);
  console.log(`for information, 60 s of loops that never wait (the runtime's statement budget, not the check):`);
  console.log(`  empty forever (the starter) median ${fmt(busy)}; the follower without its wait median ${fmt(eager)} (${noWaitResult.passed ? 'passes' : 'fails'})`);
  const goals: Goal[] = [
    { name: 'check of a 60 s challenge (core)', ok: core <= GOAL_MS, figure: fmt(core), target: `≤ ${GOAL_MS} ms`, quiet: true },
    { name: 'robokit check function end to end', ok: command <= GOAL_MS, figure: fmt(command), target: `≤ ${GOAL_MS} ms`, quiet: true },
  ];
  const processMs = timeProcess(['bin/robokit.js', 'check', SOLUTION, '--pack', PACK, '--lesson', LESSON, '--json']);
  if (processMs === null) {
    console.log('robokit check process: not timed, app/cli/commands/check.ts (or its build) is not there yet');
  } else {
    const nodeMs = timeProcess(['-e', '']) ?? 0;
    const own = processMs - nodeMs;
    console.log(`robokit check process median ${fmt(processMs)} wall; an empty Node process ${fmt(nodeMs)}`);
    goals.push({
      name: '`node bin/robokit.js check` process beyond Node start-up',
      ok: own <= GOAL_MS,
      figure: `${fmt(own)} (${fmt(processMs)} − ${fmt(nodeMs)})`,
      baseline: `empty Node process ${fmt(nodeMs)}`,
      target: `≤ ${GOAL_MS} ms`,
      quiet: true,
    });
  }
  return report('Challenge check benchmark', goals);
}

/** Median wall time of a Node process, or null when `robokit check` is not wired yet. */
function timeProcess(args: readonly string[]): number | null {
  if (args[0] === 'bin/robokit.js' && (!existsSync('app/cli/commands/check.ts') || !existsSync('dist/cli/main.mjs'))) return null;
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, [...args], { encoding: 'utf8' });
    times.push(performance.now() - start);
    if (run.status !== 0) {
      console.log(`${args.join(' ')} exited ${run.status}: ${run.stderr.split('\n')[0] ?? ''}`);
      return Infinity;
    }
  }
  return median(times);
}

/** The solution with the wait taken out of its loop: a pupil's program that polls as fast as it can. */
function withoutWait(workspace: unknown): unknown {
  const copy = structuredClone(workspace) as { blocks: { blocks: { next: { block: { inputs: { DO: { block: { next?: unknown } } } } } }[] } };
  delete copy.blocks.blocks[0]!.next.block.inputs.DO.block.next;
  return copy;
}

function fail(what: string, detail: unknown): number {
  console.error(what, JSON.stringify(detail).slice(0, 500));
  return 2;
}

process.exitCode = await main();
