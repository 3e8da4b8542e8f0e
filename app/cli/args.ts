/** Command-line parsing with node:util's parseArgs; bad usage becomes an AppError (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../core/errors';

export type Options = ParseArgsConfig['options'];

export interface Parsed {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

export function parse(argv: string[], options: Options, positionals: { min: number; max: number }): Parsed {
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as Parsed;
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    throw new AppError({ code: 'bad-usage', params: { detail } });
  }
  const count = parsed.positionals.length;
  if (count < positionals.min || count > positionals.max) {
    throw new AppError({ code: 'bad-usage', params: { detail: `expected ${positionals.min} file(s), got ${count}` } });
  }
  return parsed;
}

/** A number option, or the default; refuses nonsense. */
export function numberOption(value: unknown, name: string, fallback: number | undefined, min = 0): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) {
    throw new AppError({ code: 'bad-usage', params: { detail: `--${name} ${String(value)}` } });
  }
  return n;
}
