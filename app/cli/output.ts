/**
 * How the command line talks to people: stdout carries data (JSON events, IR, scripts); stderr
 * carries messages for people, in French then English, one short sentence each, never a stack.
 */
import { message, type MessageCode } from '../core/i18n/messages';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const processOutput: Output = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

export const EXIT = {
  ok: 0,
  runtimeError: 1,
  badInput: 2,
  robotUnreachable: 3,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function explain(
  output: Output,
  code: MessageCode,
  params: Readonly<Record<string, string | number>> = {},
  where?: string,
): void {
  const prefix = where ? `${where} : ` : '';
  output.err(`robokit : ${prefix}${message(code, 'fr', params)}`);
  output.err(`robokit: ${where ? `${where}: ` : ''}${message(code, 'en', params)}`);
}
