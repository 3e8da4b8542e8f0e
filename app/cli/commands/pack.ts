/**
 * `robokit pack validate PACK` · `robokit pack build DIR -o FILE.robokitpack` (SPEC §6). Exit 0 / 2.
 * Every problem is one line for people, French then English.
 */
import { AppError } from '../../core/errors';
import { localized } from '../../core/i18n/messages';
import { describePackError } from '../../core/lessons/pack-error';
import { buildPack, reportLines, validatePack, type PackReport } from '../../host/packs';
import { parse } from '../args';
import { EXIT, type ExitCode, type Output } from '../output';

/** At most this many problems are listed; a hostile pack can have thousands. */
const MAX_LINES = 20;

function printReport(output: Output, report: PackReport): void {
  const fr = reportLines(report, 'fr');
  const en = reportLines(report, 'en');
  for (let i = 0; i < Math.min(fr.length, MAX_LINES); i++) {
    output.err(`robokit : ${fr[i]}`);
    output.err(`robokit: ${en[i]}`);
  }
  if (fr.length > MAX_LINES) {
    const more = localized('cli-more-problems', { count: fr.length - MAX_LINES });
    output.err(`robokit : ${more.fr}`);
    output.err(`robokit: ${more.en}`);
  }
}

async function validate(argv: string[], output: Output): Promise<ExitCode> {
  const { positionals } = parse(argv, {}, { min: 1, max: 1 });
  const report = await validatePack(positionals[0]!);
  printReport(output, report);
  if (!report.ok) return EXIT.badInput;
  const valid = localized('cli-pack-valid', { count: report.lessons ?? 0 });
  output.out(`✓ ${report.packId} : ${valid.fr} / ${valid.en}`);
  return EXIT.ok;
}

async function buildCommand(argv: string[], output: Output): Promise<ExitCode> {
  const { values, positionals } = parse(argv, { output: { type: 'string', short: 'o' } }, { min: 1, max: 1 });
  if (typeof values.output !== 'string') {
    throw new AppError({ code: 'bad-usage', params: { detail: 'pack build DIR -o FILE.robokitpack' } });
  }
  const result = await buildPack(positionals[0]!, values.output);
  if (!result.ok) {
    for (const e of result.errors.slice(0, MAX_LINES)) {
      output.err(`robokit : ${describePackError(e, 'fr')}`);
      output.err(`robokit: ${describePackError(e, 'en')}`);
    }
    return EXIT.badInput;
  }
  printReport(output, result.report);
  output.out(`✓ ${result.file} (${result.files} fichiers / files, ${result.bytes} octets / bytes)`);
  return EXIT.ok;
}

export async function packCommand(argv: string[], output: Output): Promise<ExitCode> {
  const [sub, ...rest] = argv;
  if (sub === 'validate') return validate(rest, output);
  if (sub === 'build') return buildCommand(rest, output);
  throw new AppError({ code: 'bad-usage', params: { detail: 'pack validate PACK | pack build DIR -o FILE' } });
}
