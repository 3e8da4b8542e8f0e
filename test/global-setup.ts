import { execFileSync } from 'node:child_process';

/**
 * Before any test: precompile the JSON Schema validators into app/core/generated (the core imports
 * them), then build the real `robokit` bin the command-line tests run, from the current sources.
 * `build.mjs cli` does both, validators first.
 */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', 'cli'], { stdio: 'inherit' });
}
