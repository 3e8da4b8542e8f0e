/**
 * `robokit upload FILE.robokit --robot PATH [--profile ID] [--autostart] [--json]`: compiles the
 * program to bytecode (docs/bytecode.md) and sends it into the RoboKit firmware's EEPROM; the robot
 * then plays it when its button is pressed (or at power-on with --autostart).
 * Exit: 0 sent, 1 the robot refused the image, 2 bad input (a program that does not fit or uses what
 * the robot cannot do, the block named), 3 robot not reachable / not the RoboKit firmware.
 */
import { compileBytecode, type BytecodeProblem } from '../../core/bytecode/compile-bytecode';
import { PROGRAM_MAX_BYTES } from '../../core/bytecode/format';
import { AppError } from '../../core/errors';
import { localized } from '../../core/i18n/messages';
import { parse } from '../args';
import { loadProject } from '../load';
import { EXIT, explain, type ExitCode, type Output } from '../output';
import { compileProject } from '../program';

function problemJson(problem: BytecodeProblem): object {
  return { code: problem.code, blockId: problem.blockId, message: localized(problem.code, problem.params ?? {}) };
}

function printProblems(output: Output, problems: readonly BytecodeProblem[]): void {
  for (const p of problems) {
    output.err(`robokit : ${localized(p.code, p.params ?? {}).fr}${p.blockId ? ` [bloc ${p.blockId}]` : ''}`);
    output.err(`robokit: ${localized(p.code, p.params ?? {}).en}${p.blockId ? ` [block ${p.blockId}]` : ''}`);
  }
}

export async function uploadCommand(argv: string[], output: Output): Promise<ExitCode> {
  const { values, positionals } = parse(
    argv,
    {
      robot: { type: 'string' },
      profile: { type: 'string' },
      autostart: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    { min: 1, max: 1 },
  );
  const path = values.robot;
  if (typeof path !== 'string' || path === '' || path === 'sim') throw new AppError({ code: 'bad-usage', params: { detail: '--robot PATH' } });
  const json = values.json === true;
  const project = await loadProject(positionals[0]!);
  const compiled = compileProject(project, values.profile as string | undefined, output);
  if (!compiled) return EXIT.badInput;
  const result = compileBytecode(compiled.program, compiled.profile);
  if (!result.ok) {
    if (json) output.out(JSON.stringify({ type: 'refused', bytes: result.bytes ?? null, max: PROGRAM_MAX_BYTES, problems: result.problems.map(problemJson) }));
    else printProblems(output, result.problems);
    return EXIT.badInput;
  }
  const bytes = result.image.length;
  if (json) output.out(JSON.stringify({ type: 'compiled', bytes, max: PROGRAM_MAX_BYTES, skipped: result.skipped.map(problemJson) }));
  else {
    explain(output, 'bytecode-size', { bytes, max: PROGRAM_MAX_BYTES });
    printProblems(output, result.skipped);
  }
  const { sendProgram, UploadError } = await import('../../../firmware-bridge/src/upload-program');
  let lastTenth = -1;
  try {
    await sendProgram(path, result.image, {
      autostart: values.autostart === true,
      onProgress: ({ sent, total }) => {
        if (json) return output.out(JSON.stringify({ type: 'progress', sent, total }));
        const tenth = Math.floor((sent / total) * 10);
        if (tenth !== lastTenth) output.err(`robokit : ${tenth * 10} %`);
        lastTenth = tenth;
      },
    });
  } catch (error) {
    if (!(error instanceof UploadError)) throw error;
    if (json) output.out(JSON.stringify({ type: 'error', code: 'bytecode-refused-by-robot', answer: error.answer }));
    else explain(output, 'bytecode-refused-by-robot', { answer: error.answer });
    return EXIT.runtimeError;
  }
  if (json) output.out(JSON.stringify({ type: 'done', bytes, autostart: values.autostart === true }));
  else explain(output, 'bytecode-sent');
  return EXIT.ok;
}
