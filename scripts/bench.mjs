// Runs the benchmarks (bench/*.bench.ts, or those named on the command line): each is bundled with
// esbuild and run in its own Node process. Each prints medians, ratios and its goals, and exits 1
// when a goal is missed; this script exits 1 if any did.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const wanted = process.argv.slice(2);
const benches = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

let failed = 0;
for (const file of benches) {
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
  const run = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
if (benches.length === 0) {
  console.error('no benchmark matched');
  process.exit(2);
}
console.log(`\n${benches.length - failed} benchmark(s) met their goals, ${failed} missed`);
process.exit(failed ? 1 : 0);
