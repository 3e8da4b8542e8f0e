/**
 * README.md's commands are the ones a teacher types: they start the command line directly (no
 * `npx robokit`, which asks the npm registry first, 10 s or more), and its `--help` command works.
 * The start-up time itself is measured in bench/cli-start.bench.ts (goal < 1 s).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readmeHelpCommand, readmeShellLines } from '../../bench/readme-command';

describe('README.md commands', () => {
  it('never start robokit through npx', () => {
    const lines = readmeShellLines();
    expect(lines.filter((l) => /\bnpx\s+robokit\b/.test(l))).toEqual([]);
    expect(lines.filter((l) => /robokit\.js /.test(l)).length).toBeGreaterThan(5);
  });

  it('show a `robokit --help` that runs here and lists every command', () => {
    const [cmd, ...args] = readmeHelpCommand();
    expect(cmd).toBe('node');
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(0);
    for (const sub of ['run', 'compile', 'check', 'pack validate', 'pack build', 'ports', 'serve']) expect(run.stdout + run.stderr).toContain(`robokit ${sub}`);
  });
});
