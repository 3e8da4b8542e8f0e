import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { splitProgram } from '../../app/renderer/src/code/split-program';

describe('the code view shows the pupil’s program first', () => {
  it('cuts the exported script of examples/carre.robokit into the program and the set-up', () => {
    const source = execFileSync(process.execPath, ['bin/robokit.js', 'compile', 'examples/carre.robokit', '--format', 'js'], { encoding: 'utf8' });
    const { program, setup } = splitProgram(source);
    const lines = program.split('\n');
    expect(lines[0]).toBe('// Le programme : les blocs sous « quand je démarre ».');
    expect(lines[1]).toBe('async function programme() {');
    expect(program).toContain('await avancer(50, 1);');
    expect(lines.at(-1)).toBe('}');
    expect(lines.length).toBeLessThan(12);
    expect(setup).toContain('// Programme RoboKit pour le robot');
    expect(setup).toContain('// … le programme (ci-dessus) vient ici …');
    expect(setup).not.toContain('async function programme');
    // Nothing is lost: every line of the script is in one part or the other.
    expect(program.split('\n').length + setup.split('\n').length).toBe(source.split('\n').length + 1);
  });

  it('leaves a script without a program function whole', () => {
    expect(splitProgram('const a = 1;')).toEqual({ program: 'const a = 1;', setup: '' });
  });
});
