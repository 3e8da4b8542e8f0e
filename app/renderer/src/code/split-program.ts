/**
 * The exported script, cut in two: the pupil's program (`async function programme() { … }` with the
 * comment above it), and everything else (the robot's set-up), with a line saying where the program goes.
 */
export function splitProgram(source: string): { program: string; setup: string } {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => /^\s*async function programme\(\)/.test(l));
  if (start < 0) return { program: source, setup: '' };
  const indent = /^\s*/.exec(lines[start]!)![0];
  const end = lines.findIndex((l, i) => i > start && l === `${indent}}`);
  if (end < 0) return { program: source, setup: '' };
  const from = start > 0 && lines[start - 1]!.trim().startsWith('//') ? start - 1 : start;
  const program = lines.slice(from, end + 1).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join('\n');
  const setup = [...lines.slice(0, from), `${indent}// … le programme (ci-dessus) vient ici …`, ...lines.slice(end + 1)].join('\n');
  return { program, setup };
}
