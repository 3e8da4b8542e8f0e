/**
 * How long README.md's own `robokit --help` command takes from the repository folder (issue #14: a
 * teacher's command starts in under a second, not the 10 s that `npx robokit` spends asking the
 * registry). Medians of wall time; an empty Node process and one `npx robokit --help` for comparison.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { readmeHelpCommand } from './readme-command';
import { fmt, median, report } from './stats';

const GOAL_MS = 1000;

function wall(argv: readonly string[], runs: number): { ms: number; status: number | null } {
  const times: number[] = [];
  let status: number | null = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const run = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', timeout: 60_000 });
    times.push(performance.now() - start);
    status = run.status;
  }
  return { ms: median(times), status };
}

const command = readmeHelpCommand();
const readme = wall(command, 9);
const node = wall([process.execPath, '-e', ''], 9);
const npx = wall(['npx', '--no-install', 'robokit', '--help'], 1);
console.log(`README's command: ${command.join(' ')} → exit ${readme.status}, median ${fmt(readme.ms)} wall (9 runs)`);
console.log(`an empty Node process: median ${fmt(node.ms)}; npx --no-install robokit --help: ${fmt(npx.ms)} (1 run, exit ${npx.status})`);
process.exitCode = report('Command line start-up', [
  {
    name: "README's `robokit --help` command, wall time",
    ok: readme.status === 0 && readme.ms < GOAL_MS,
    figure: fmt(readme.ms),
    baseline: `empty Node process ${fmt(node.ms)}`,
    ratio: `${(readme.ms / node.ms).toFixed(1)}×`,
    target: `< ${GOAL_MS} ms`,
  },
]);
