/**
 * Golden compiler cases: each file in golden/ holds a workspace and what compiling it must give —
 * an IR program (and no diagnostics), or diagnostics (and no program unless `program` is given).
 * `UPDATE_GOLDEN=1` rewrites the expectations; every rewritten file must be reviewed by hand.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type CompileResult } from '../../../app/core/compiler';
import type { Program } from '../../../app/core/ir';
import { findProfile } from '../../../app/core/profiles';
import { GOLDEN_DIR as DIR, loadGoldens, type GoldenDiagnostics } from './golden-files';

const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

function expectationOf(result: CompileResult): Program | GoldenDiagnostics {
  if (result.diagnostics.length === 0 && result.program) return result.program;
  const diagnostics = result.diagnostics.map((d) => ({ blockId: d.blockId, code: d.code }));
  return result.program ? { diagnostics, program: result.program } : { diagnostics };
}

const goldens = loadGoldens();

describe('golden compiler cases', () => {
  it('has at least 30 cases', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(30);
  });

  it.each(goldens)('$file', ({ file, golden }) => {
    const profile = findProfile(golden.profile);
    expect(profile, `profile ${golden.profile}`).toBeDefined();
    const result = compile(golden.workspace, { profile: profile! });
    // Round-trip through JSON: the expectation files hold JSON, and the IR must be plain JSON too.
    const actual = JSON.parse(JSON.stringify(expectationOf(result))) as unknown;
    if (UPDATE) {
      const updated = { ...golden, expect: actual };
      const pretty = JSON.stringify(updated, null, 2);
      // Deep nesting makes indented JSON grow with the square of the depth: keep those files on one line.
      writeFileSync(join(DIR, file), `${pretty.length > 100_000 ? JSON.stringify(updated) : pretty}\n`);
      return;
    }
    expect(actual).toEqual(golden.expect);
    for (const d of result.diagnostics) {
      expect(d.message.fr.length).toBeGreaterThan(0);
      expect(d.message.en.length).toBeGreaterThan(0);
      expect(d.message.fr + d.message.en).not.toMatch(/\{\w+\}/);
    }
  });
});
