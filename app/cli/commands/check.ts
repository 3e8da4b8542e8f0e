/**
 * `robokit check FILE.robokit --pack PACK --lesson ID [--json]`: run the lesson's challenge in the
 * simulator and judge what the robot did. Exit 0 pass, 1 fail, 2 bad input.
 */
import { AppError } from '../../core/errors';
import { checkCommandResult } from '../../host/packs/check';
import { numberOption, parse } from '../args';
import type { ExitCode, Output } from '../output';

export async function checkCommand(argv: string[], output: Output): Promise<ExitCode> {
  const { values, positionals } = parse(
    argv,
    {
      pack: { type: 'string' },
      lesson: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    { min: 1, max: 1 },
  );
  if (typeof values.pack !== 'string' || typeof values.lesson !== 'string') {
    throw new AppError({ code: 'bad-usage', params: { detail: 'check FILE.robokit --pack PACK --lesson ID' } });
  }
  const seed = numberOption(values.seed, 'seed', undefined, 0);
  const result = await checkCommandResult(positionals[0]!, values.pack, values.lesson, {
    json: values.json === true,
    ...(seed === undefined ? {} : { seed }),
  });
  for (const line of result.lines) output.err(line);
  if (values.json === true) output.out(JSON.stringify(result.json));
  return result.exitCode;
}
