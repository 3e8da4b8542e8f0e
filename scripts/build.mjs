// Builds what RoboKit runs: the command line (and `robokit serve`), the Electron main and preload,
// the renderer, and the `robokit-io` package (the RoboKit firmware's Johnny-Five IO plugin, which the
// exported script loads when the robot runs the RoboKit firmware). Run by `npm run build` and by `npm ci` (the `prepare` script).
// First, always (all three bundle them): the JSON Schema validators, precompiled into app/core/generated.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const only = process.argv[2]; // optional: validators | cli | electron | renderer | robokit-io

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

/**
 * dist/robokit-io: a CommonJS package, `require('robokit-io').RobokitIo`, for scripts outside the
 * project (`npm install <RoboKit>/dist/robokit-io`). Its npm dependencies stay outside, at the
 * versions this project uses.
 */
async function buildRobokitIo() {
  const external = ['serialport', '@serialport/parser-readline', 'firmata-io', 'johnny-five'];
  rmSync('dist/robokit-io', { recursive: true, force: true });
  await build({
    entryPoints: ['firmware-bridge/src/robokit-io-plugin.ts'],
    outfile: 'dist/robokit-io/index.cjs',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external,
    logLevel: 'warning',
  });
  const project = JSON.parse(readFileSync('package.json', 'utf8'));
  const dependencies = Object.fromEntries(external.map((name) => [name, project.dependencies[name]]));
  const manifest = {
    name: 'robokit-io',
    version: project.version,
    description: 'Johnny-Five IO plugin for the RoboKit firmware / plugin Johnny-Five pour le programme RoboKit',
    main: 'index.cjs',
    license: project.license ?? 'UNLICENSED',
    dependencies,
  };
  mkdirSync('dist/robokit-io', { recursive: true });
  writeFileSync('dist/robokit-io/package.json', `${JSON.stringify(manifest, null, 2)}\n`);
}

const steps = { cli: buildCli, electron: buildElectron, renderer: buildRenderer, 'robokit-io': buildRobokitIo };
const entries = {
  cli: 'app/cli/main.ts',
  electron: 'app/electron/main.ts',
  renderer: 'app/renderer/vite.config.ts',
  'robokit-io': 'firmware-bridge/src/robokit-io-plugin.ts',
};

await buildValidators();
if (only === 'validators') process.exit(0);
for (const [name, step] of Object.entries(steps)) {
  if (only && only !== name) continue;
  if (!existsSync(entries[name])) continue;
  await step();
}
