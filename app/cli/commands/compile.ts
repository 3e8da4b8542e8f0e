/** `robokit compile FILE.robokit [--format ir|js] [--profile ID]`: print the IR or a Johnny-Five script. */
import { compileProjectToJs } from '../../core/compiler';
import { AppError } from '../../core/errors';
import { parse } from '../args';
import { loadProject } from '../load';
import { EXIT, type ExitCode, type Output } from '../output';
import { compileProject, resolveProfile } from '../program';

export async function compileCommand(argv: string[], output: Output): Promise<ExitCode> {
  const { values, positionals } = parse(
    argv,
    { format: { type: 'string', default: 'ir' }, profile: { type: 'string' } },
    { min: 1, max: 1 },
  );
  const format = values.format;
  if (format !== 'ir' && format !== 'js') {
    throw new AppError({ code: 'bad-usage', params: { detail: `--format ${String(format)} (ir | js)` } });
  }
  const project = await loadProject(positionals[0]!);
  const compiled = await compileProject(project, values.profile as string | undefined, output);
  if (!compiled) return EXIT.badInput;
  if (format === 'ir') {
    output.out(JSON.stringify(compiled.program, null, 2));
  } else {
    // The script drives real pins: a simulated profile gets the classroom robot's wiring.
    const profile = compiled.profile.transport === 'firmata' ? compiled.profile : await resolveProfile('arduino-2wd');
    output.out(compileProjectToJs(compiled.program, profile));
  }
  return EXIT.ok;
}
