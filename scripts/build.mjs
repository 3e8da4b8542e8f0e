// Builds what RoboKit runs: the command line (and `robokit serve`), the Electron main and preload,
// and the renderer. Run by `npm run build` and by `npm ci` (the `prepare` script).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const only = process.argv[2]; // optional: cli | electron | renderer

async function buildCli() {
  await build({
    entryPoints: { main: 'app/cli/main.ts' },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

const steps = { cli: buildCli };

for (const [name, step] of Object.entries(steps)) {
  if (only && only !== name) continue;
  if (name === 'cli' && !existsSync('app/cli/main.ts')) continue;
  await step();
}
