/** Shared pieces of the hostile-pack corpus: a scratch root with a store, snapshots, the mini pack. */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { describePackError, type PackError } from '../../../../app/core/lessons/pack-error';
import type { PackMessageCode } from '../../../../app/core/i18n/pack-messages';
import { rawZip, type RawEntry } from './raw-zip';

export const MINI = fileURLToPath(new URL('../../../fixtures/packs/mini', import.meta.url));

export interface Scratch {
  readonly root: string;
  readonly store: string;
  /** A path for a test input, outside the store. */
  input(name: string): string;
  cleanup(): void;
}

export function scratch(): Scratch {
  const root = mkdtempSync(join(tmpdir(), 'robokit-hostile-'));
  const store = join(root, 'store');
  mkdirSync(store);
  mkdirSync(join(root, 'inputs'));
  return {
    root,
    store,
    input: (name) => join(root, 'inputs', name),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Every path under `dir` with its type and size, links not followed. */
export function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const info = lstatSync(full);
      out.push(`${relative(dir, full)} ${info.isDirectory() ? 'dir' : info.isSymbolicLink() ? 'link' : info.size}`);
      if (info.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out;
}

/** The mini pack's files, pack path → bytes. */
export function miniFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (lstatSync(full).isDirectory()) walk(full);
      else files.set(relative(MINI, full).split('\\').join('/'), readFileSync(full));
    }
  };
  walk(MINI);
  return files;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export function miniManifest(): Json {
  return JSON.parse(readFileSync(join(MINI, 'pack.json'), 'utf8')) as Json;
}

/** The mini pack with some files replaced (a string or a JSON value) or removed (null). */
export function miniWith(changes: Record<string, Buffer | string | null | Json>): Map<string, Buffer> {
  const files = miniFiles();
  for (const [path, value] of Object.entries(changes)) {
    if (value === null) files.delete(path);
    else if (Buffer.isBuffer(value)) files.set(path, value);
    else if (typeof value === 'string') files.set(path, Buffer.from(value, 'utf8'));
    else files.set(path, Buffer.from(JSON.stringify(value, null, 2), 'utf8'));
  }
  return files;
}

/** Large files are stored, not deflated, so they reach the content checks past the ratio guard. */
export function zipOf(files: Map<string, Buffer>, extra: readonly RawEntry[] = []): Buffer {
  return rawZip([...[...files].map(([name, data]) => ({ name, data, method: data.length > 32 * 1024 ? 0 : 8 })), ...extra]);
}

export function writeFolder(dir: string, files: Map<string, Buffer>): void {
  for (const [path, data] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
}

/** The refusal carries `code`; its French and English sentences name `mentions` when given. */
export function expectRefused(errors: readonly PackError[], code: PackMessageCode, mentions?: string): PackError {
  const found = errors.find((e) => e.code === code);
  expect(found, `expected ${code} among ${errors.map((e) => e.code).join(', ')}`).toBeDefined();
  const error = found!;
  expect(error.severity).toBe('error');
  for (const locale of ['fr', 'en'] as const) {
    const text = describePackError(error, locale);
    expect(text).not.toMatch(/\{\w+\}/); // every placeholder filled
    if (mentions !== undefined) expect(text).toContain(mentions);
  }
  return error;
}
