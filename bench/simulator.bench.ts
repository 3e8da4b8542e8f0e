/**
 * Simulated seconds per wall second: a 60 s run of a pupil's program (drive, turn, look at the
 * distance sensor, draw) on the small maze. Goal (issue #2): ≥ 600× real time (60 s in < 100 ms).
 */
import { readFileSync } from 'node:fs';
import { compile } from '../app/core/compiler';
import { findProfile } from '../app/core/profiles';
import { runInSimulator } from '../app/core/run/sim-run';
import { findWorld } from '../app/core/simulator/built-in-worlds';
import { Simulation } from '../app/core/simulator/simulation';
import { fmt, median, report, timeRuns } from './stats';

const SIM_MS = 60_000;

async function main(): Promise<number> {
  const profile = findProfile('arduino-2wd')!;
  const results: string[] = [];
  const goals = [];
  for (const [example, worldId] of [
    ['examples/obstacle.robokit', 'small-maze'],
    ['examples/toujours.robokit', 'empty-table'],
  ] as const) {
    const project = JSON.parse(readFileSync(example, 'utf8')) as { workspace: unknown };
    const { program } = compile(project.workspace, { profile });
    if (!program) return 2;
    const world = findWorld(worldId)!;
    let simulated = 0;
    const runs = await timeRuns(async () => {
      const r = await runInSimulator(program, { world, profile, timeoutMs: SIM_MS });
      simulated = r.timeMs;
    }, 15);
    const ms = median(runs);
    const ratio = simulated / ms;
    results.push(`${example} on ${worldId}: ${simulated / 1000} s simulated, median ${fmt(ms)} wall → ${ratio.toFixed(0)}× real time`);
    goals.push({ name: `${example} (60 s) on ${worldId}`, ok: ms < 100 && ratio >= 600, figure: fmt(ms), ratio: `${ratio.toFixed(0)}× real time`, target: '< 100 ms, ≥ 600×', quiet: true });
  }
  // The simulator alone: a line follower reading three sensors and setting the motors every 10 ms.
  const lineRuns = await timeRuns(() => {
    const sim = new Simulation(findWorld('line-track')!, profile);
    const { motors, line, distance } = sim.io;
    sim.io.pen!.setPen(true);
    for (let t = 0; t < SIM_MS; t += 10) {
      const near = distance!.readDistance() < 15;
      motors!.setMotors(line!.readLine('left') ? 10 : 40, line!.readLine('right') || near ? 10 : 40);
      sim.step(10);
    }
  }, 15);
  const lineMs = median(lineRuns);
  results.push(`simulator alone, line follower on line-track: 60 s simulated, median ${fmt(lineMs)} wall → ${(SIM_MS / lineMs).toFixed(0)}× real time`);
  goals.push({ name: 'simulator alone (60 s line following)', ok: lineMs < 100, figure: fmt(lineMs), ratio: `${(SIM_MS / lineMs).toFixed(0)}× real time`, target: '< 100 ms, ≥ 600×', quiet: true });
  results.forEach((r) => console.log(r));
  return report('Simulator benchmark', goals);
}

process.exitCode = await main();
