/** Reading the golden compiler cases in golden/*.json. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Program } from '../../../app/core/ir';

export const GOLDEN_DIR = join(import.meta.dirname, 'golden');

export interface GoldenDiagnostics {
  readonly diagnostics: readonly { readonly blockId: string | null; readonly code: string }[];
  /** Present when the diagnostics are only warnings. */
  readonly program?: Program;
}

export interface Golden {
  readonly name: string;
  readonly profile: string;
  readonly workspace: unknown;
  readonly expect: Program | GoldenDiagnostics;
}

export function loadGoldens(): { file: string; golden: Golden }[] {
  return readdirSync(GOLDEN_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, golden: JSON.parse(readFileSync(join(GOLDEN_DIR, file), 'utf8')) as Golden }));
}

/** The program a golden expects, if it expects one. */
export function expectedProgram(golden: Golden): Program | undefined {
  return 'version' in golden.expect ? golden.expect : golden.expect.program;
}
