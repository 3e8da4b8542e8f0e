/**
 * `robokit upload FILE.robokit --robot PATH [--profile ID] [--autostart] [--json]`: compiles the
 * program to bytecode (docs/bytecode.md) and sends it into the RoboKit firmware's EEPROM; the robot
 * then plays it when its button is pressed (or at power-on with --autostart).
 * Exit: 0 sent, 1 the robot refused the image, 2 bad input (a program that does not fit or uses what
 * the robot cannot do, the block named), 3 robot not reachable / not the RoboKit firmware.
 */
import { planRobotProgram, type RobotProgramNote } from '../../core/bytecode/robot-program';
import { AppError } from '../../core/errors';
import { parse } from '../args';
import { loadProject } from '../load';
import { EXIT, explain, type ExitCode, type Output } from '../output';
import { resolveProfile } from '../program';

function noteJson(note: RobotProgramNote): object {
  return { code: note.code, blockId: note.blockId, message: note.message };
}

function printNotes(output: Output, notes: readonly RobotProgramNote[]): void {
  for (const n of notes) {
    output.err(`robokit : ${n.message.fr}${n.blockId ? ` [bloc ${n.blockId}]` : ''}`);
    output.err(`robokit: ${n.message.en}${n.blockId ? ` [block ${n.blockId}]` : ''}`);
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
  const autostart = values.autostart === true;
  const project = await loadProject(positionals[0]!);
  const profile = await resolveProfile((values.profile as string | undefined) ?? project.profile);
  const plan = planRobotProgram(project.workspace, profile);
  if (!plan.ok) {
    if (json) output.out(JSON.stringify({ type: 'refused', bytes: plan.bytes ?? null, max: plan.max, problems: plan.problems.map(noteJson) }));
    else printNotes(output, plan.problems.slice(0, 3));
    return EXIT.badInput;
  }
  const { bytes, max } = plan;
  if (json) output.out(JSON.stringify({ type: 'compiled', bytes, max, skipped: plan.skipped.map(noteJson) }));
  else {
    explain(output, 'bytecode-size', { bytes, max });
    printNotes(output, plan.skipped);
  }
  const { sendProgram, UploadError } = await import('../../../firmware-bridge/src/upload-program');
  let lastTenth = -1;
  try {
    await sendProgram(path, plan.image, {
      autostart,
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
  if (json) output.out(JSON.stringify({ type: 'done', bytes, autostart }));
  else explain(output, autostart ? 'bytecode-sent-autostart' : 'bytecode-sent');
  return EXIT.ok;
}
