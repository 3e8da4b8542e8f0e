import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../host/helpers';

const run = async (...args: string[]) => {
  try {
    const { stderr } = await promisify(execFile)(process.execPath, ['scripts/electronegativity.mjs', ...args]);
    return { code: 0, stderr };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, stderr: err.stderr };
  }
};

describe('scripts/electronegativity.mjs', () => {
  it('passes on our Electron code, reporting only the review-only checks', async () => {
    const out = join(await tempDir(), 'report.csv');
    const result = await run('app/electron', '--out', out);
    expect(result.stderr).toContain('electronegativity: OK');
    expect(result.code).toBe(0);
    const ids = (await readFile(out, 'utf8')).split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]);
    expect(new Set(ids)).toEqual(new Set(['"PRELOAD_JS_CHECK"', '"AUXCLICK_JS_CHECK"', '"CSP_GLOBAL_CHECK"']));
  });

  it('fails on a window without context isolation or sandbox', async () => {
    const result = await run('test/electron/fixtures/scanner-finds');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/HIGH CONTEXT_ISOLATION_JS_CHECK/);
    expect(result.stderr).toMatch(/forbidden webPreferences value: .*contextIsolation: false/);
  });

  it('fails on nodeIntegration: true, which the scanner only reports as informational', async () => {
    const result = await run('test/electron/fixtures/node-integration');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/forbidden webPreferences value: .*nodeIntegration: true/);
  });
});
