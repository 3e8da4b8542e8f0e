// Builds what RoboKit runs: the command line (and `robokit serve`), the Electron main and preload,
// and the renderer. Run by `npm run build` and by `npm ci` (the `prepare` script).
// First, always (all three bundle them): the JSON Schema validators, precompiled into app/core/generated.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';

const only = process.argv[2]; // optional: validators | cli | electron | renderer

const CLI_EXTERNAL = ['serialport', '@serialport/*', 'johnny-five', 'firmata-io', 'jsdom', 'blockly', 'ws', 'electron', 'avr8js', 'esbuild', 'vite'];

async function buildCli() {
  // Chunk names change with their content: start clean so stale chunks never linger.
  rmSync('dist/cli', { recursive: true, force: true });
  await build({
    entryPoints: { main: 'app/cli/main.ts' },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Small pure-JS libraries are bundled (loading them from node_modules costs start-up time);
    // native, very large or dynamically-loading ones stay outside.
    external: CLI_EXTERNAL,
    // Bundled CommonJS code may `require` Node built-ins.
    banner: { js: "import { createRequire as __robokitRequire } from 'node:module'; const require = __robokitRequire(import.meta.url);" },
    sourcemap: true,
    logLevel: 'warning',
  });
}

/** Electron main (Node, CommonJS) and the sandboxed preload (CommonJS, electron only). */
async function buildElectron() {
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
  await build({ ...common, entryPoints: ['app/electron/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', 'serialport', '@serialport/*', 'johnny-five', 'firmata-io', 'jsdom', 'ws', 'yauzl', 'yazl', 'ajv', 'dompurify', 'markdown-it'] });
  await build({ ...common, entryPoints: ['app/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
}

async function buildRenderer() {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: 'app/renderer/vite.config.ts', logLevel: 'warn' });
}

async function buildValidators() {
  const { generateValidators } = await import('./gen-validators.mjs');
  await generateValidators('app/core/generated');
}

const steps = { cli: buildCli, electron: buildElectron, renderer: buildRenderer };
const entries = { cli: 'app/cli/main.ts', electron: 'app/electron/main.ts', renderer: 'app/renderer/vite.config.ts' };

await buildValidators();
if (only === 'validators') process.exit(0);
for (const [name, step] of Object.entries(steps)) {
  if (only && only !== name) continue;
  if (!existsSync(entries[name])) continue;
  await step();
}
