// Runs the benchmarks (bench/*.bench.ts, or those named on the command line), each bundled with
// esbuild and run in its own Node process with a time limit, so one that fails or hangs cannot hide
// the others. Each prints its medians and ratios and reports its goals (bench/stats.ts); this script
// first measures the machine itself (an empty Node start, the emulator's speed, the load), then ends
// with one summary table: figure, baseline, ratio, goal, and met / missed / not judged / crashed.
//
// Goals marked "quiet" (wall-clock times and ratios that other load shifts) are judged only when the
// machine was quiet: the emulator runs at least at real time and the load average was below one busy
// core, before and after that benchmark. On a loaded machine they are reported, not judged.
// Exit code: 1 if a benchmark crashed or a judged goal was missed, else 0.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';

const LIMIT_MS = 10 * 60_000;
const QUIET = { minEmulatorSpeed: 1, maxLoad: 1 };

const wanted = process.argv.slice(2);
const benches = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();
if (benches.length === 0) {
  console.error('no benchmark matched');
  process.exit(2);
}
mkdirSync('dist/bench', { recursive: true });

async function bundle(file) {
  const outfile = `dist/bench/${file.replace(/\.ts$/, '.mjs')}`;
  await build({
    entryPoints: [`bench/${file}`],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** Runs a bundled file; its output goes to ours as it comes. Resolves with its exit code (or why it has none). */
function runNode(outfile, env, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', outfile], { env: { ...process.env, ...env }, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let out = '';
    child.stdout?.on('data', (chunk) => (out += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, why: error.message, out });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, why: signal === 'SIGKILL' ? `no end after ${LIMIT_MS / 60_000} min` : signal ? `killed by ${signal}` : null, out });
    });
  });
}

async function probeMachine() {
  const run = await runNode(await bundle('machine-probe.ts'), {}, { capture: true });
  try {
    return JSON.parse(run.out.trim().split('\n').at(-1));
  } catch {
    return null;
  }
}

const machine = await probeMachine();
const fixed = (v, digits) => (typeof v === 'number' ? v.toFixed(digits) : '?');
const machineLine = machine
  ? `${machine.cores} cores; empty Node start ${fixed(machine.nodeStartMs, 0)} ms; emulated Uno alone at ${fixed(machine.emulatorSpeed, 2)}× real time; load average ${fixed(machine.load1, 2)}`
  : 'machine probe failed (see above)';
console.log(`This machine: ${machineLine}\n`);

const rows = [];
let crashed = 0;
for (const file of benches) {
  const resultsFile = `dist/bench/${file}.results.jsonl`;
  rmSync(resultsFile, { force: true });
  const loadBefore = loadavg()[0];
  let run;
  try {
    run = await runNode(await bundle(file), { ROBOKIT_BENCH_RESULTS: resultsFile });
  } catch (error) {
    run = { code: null, why: `does not build: ${error.message}` };
  }
  const load = Math.max(loadBefore, loadavg()[0]);
  const quiet = machine !== null && machine.emulatorSpeed >= QUIET.minEmulatorSpeed && load < QUIET.maxLoad;
  let reports = [];
  try {
    reports = readFileSync(resultsFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
  } catch {
    reports = [];
  }
  const goals = reports.flatMap((r) => r.goals);
  if (run.code !== 0 && (run.code !== 1 || goals.length === 0)) {
    crashed++;
    rows.push({ bench: file, goal: '—', figure: '—', baseline: '', ratio: '', target: '', verdict: `CRASHED (${run.why ?? `exit ${run.code}`})` });
    continue;
  }
  for (const g of goals) {
    const verdict = g.quiet && !quiet ? `not judged: loaded machine (${g.ok ? 'would meet' : 'would miss'})` : g.ok ? 'met' : 'MISSED';
    rows.push({ bench: file, goal: g.name, figure: g.figure, baseline: g.baseline ?? '', ratio: g.ratio ?? '', target: g.target, verdict, missed: verdict === 'MISSED' });
  }
}

const columns = [
  ['bench', 'benchmark'],
  ['goal', 'goal'],
  ['figure', 'figure'],
  ['baseline', 'baseline (same run)'],
  ['ratio', 'ratio'],
  ['target', 'target'],
  ['verdict', 'result'],
];
const cell = (v) => String(v).replaceAll('|', '\\|');
console.log('\n## Summary\n');
console.log(`This machine: ${machineLine}. "quiet" goals are judged only when the emulator runs at ≥ ${QUIET.minEmulatorSpeed}× real time and the load average stays < ${QUIET.maxLoad}.\n`);
console.log(`| ${columns.map(([, title]) => title).join(' | ')} |`);
console.log(`|${columns.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${columns.map(([key]) => cell(row[key])).join(' | ')} |`);
const missed = rows.filter((r) => r.missed).length;
const met = rows.filter((r) => r.verdict === 'met').length;
const unjudged = rows.filter((r) => r.verdict.startsWith('not judged')).length;
console.log(`\n${benches.length} benchmark(s): ${met} goal(s) met, ${missed} missed, ${unjudged} not judged (loaded machine), ${crashed} benchmark(s) crashed`);
process.exit(crashed > 0 || missed > 0 ? 1 : 0);
