import { execFileSync } from 'node:child_process';

/** The command-line tests run the real `robokit` bin, so build it from the current sources first. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', 'cli'], { stdio: 'inherit' });
}
