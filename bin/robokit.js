#!/usr/bin/env node
// The `robokit` command line. The TypeScript sources are bundled into dist/ by `npm run build`
// (run automatically by `npm ci` / `npm install` through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.mjs', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write(
    'RoboKit n’est pas encore construit : lance « npm run build ».\n' +
      'RoboKit is not built yet: run "npm run build".\n',
  );
  process.exit(2);
}
// A reader that goes away (`robokit run … --json | head -1`): the rest of the output has nowhere to
// go and is dropped; the command itself goes on to its end (a robot is still stopped as usual).
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
});
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
