/** The `robokit --help` command exactly as README.md writes it, for the start-up benchmark and its test. */
import { readFileSync } from 'node:fs';

/** Lines of README.md's ```sh blocks, without comments. */
export function readmeShellLines(readme = readFileSync('README.md', 'utf8')): string[] {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((b) => b.split('\n')).map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l !== '');
}

/** argv of README's `… --help` command (the command line's own name first, e.g. `node`). */
export function readmeHelpCommand(readme?: string): string[] {
  const line = readmeShellLines(readme).find((l) => /robokit(\.js)?\s+--help$/.test(l));
  if (!line) throw new Error('README.md shows no `robokit --help` command');
  return line.split(/\s+/);
}
