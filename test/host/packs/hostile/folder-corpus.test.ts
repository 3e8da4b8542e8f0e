/** Hostile pack folders: links, special files, odd names, too many or too large files. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackMessageCode } from '../../../../app/core/i18n/pack-messages';
import { PACK_LIMITS, type PackLimits } from '../../../../app/core/lessons/pack-limits';
import { installPack } from '../../../../app/host/packs/pack-store';
import { expectRefused, miniWith, scratch, snapshot, writeFolder, type Scratch } from './corpus-helpers';

interface Case {
  readonly name: string;
  /** Adds the hostile part to a copy of the mini pack in `dir`. */
  readonly add: (dir: string, s: Scratch) => void;
  readonly code: PackMessageCode;
  readonly mentions?: string;
  readonly limits?: Partial<PackLimits>;
}

const CASES: readonly Case[] = [
  { name: 'a link to /etc/passwd', add: (d) => symlinkSync('/etc/passwd', join(d, 'images/passwd.png')), code: 'pack-entry-link', mentions: 'images/passwd.png' },
  { name: 'a link to a folder outside', add: (d) => symlinkSync('/', join(d, 'root')), code: 'pack-entry-link', mentions: 'root' },
  { name: 'a link named like a referenced step', add: (d, s) => (writeFileSync(s.input('secret.md'), 'secret'), execFileSync('rm', [join(d, 'steps/2.fr.md')]), symlinkSync(s.input('secret.md'), join(d, 'steps/2.fr.md'))), code: 'pack-entry-link', mentions: 'steps/2.fr.md' },
  { name: 'a link inside the pack', add: (d) => symlinkSync('robot.png', join(d, 'images/alias.png')), code: 'pack-entry-link' },
  { name: 'a dangling link', add: (d) => symlinkSync('/nonexistent/x', join(d, 'dangling')), code: 'pack-entry-link' },
  { name: 'a named pipe', add: (d) => execFileSync('mkfifo', [join(d, 'pipe')]), code: 'pack-entry-special', mentions: 'pipe' },
  { name: 'a control character in a file name', add: (d) => writeFileSync(join(d, 'a\u0007b.md'), 'x'), code: 'pack-entry-bad-name' },
  { name: 'a backslash in a file name', add: (d) => writeFileSync(join(d, '..\\evil.md'), 'x'), code: 'pack-entry-backslash' },
  { name: 'a file name with a colon', add: (d) => writeFileSync(join(d, 'C:evil.md'), 'x'), code: 'pack-entry-drive' },
  { name: 'folders 12 deep', add: (d) => mkdirSync(join(d, ...Array.from({ length: 12 }, () => 'd')), { recursive: true }), code: 'pack-entry-too-long' },
  { name: 'too many files', add: (d) => Array.from({ length: 30 }, (_, i) => writeFileSync(join(d, `f${i}.txt`), 'x')), code: 'pack-too-many-entries', limits: { maxEntries: 25 } },
  { name: 'one file too large', add: (d) => writeFileSync(join(d, 'big.bin'), Buffer.alloc(60_000)), code: 'pack-entry-too-large', mentions: 'big.bin', limits: { maxFileBytes: 50_000 } },
  { name: 'too large in total', add: (d) => [1, 2, 3].forEach((i) => writeFileSync(join(d, `b${i}.bin`), Buffer.alloc(40_000))), code: 'pack-too-large', limits: { maxTotalBytes: 100_000 } },
];

describe('hostile pack folders', () => {
  let s: Scratch;
  beforeEach(() => {
    s = scratch();
  });
  afterEach(() => s.cleanup());

  for (const c of CASES) {
    it(c.name, async () => {
      const dir = s.input('pack');
      writeFolder(dir, miniWith({}));
      c.add(dir, s);
      const before = snapshot(s.root);
      const result = await installPack(dir, s.store, { limits: { ...PACK_LIMITS, ...c.limits } });
      expect(result.ok).toBe(false);
      if (!result.ok) expectRefused(result.errors, c.code, c.mentions);
      expect(snapshot(s.root)).toEqual(before);
    });
  }

  it('skips hidden files and file-manager junk instead of installing them', async () => {
    const dir = s.input('pack');
    writeFolder(dir, miniWith({ '.git/config': '[core]', '.DS_Store': 'x', 'Thumbs.db': 'x', '__MACOSX/._pack.json': 'x' }));
    const result = await installPack(dir, s.store);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.pack.files.keys()].some((p) => /git|DS_Store|Thumbs|MACOSX/.test(p))).toBe(false);
    expect(snapshot(result.pack.root).some((p) => /git|DS_Store|Thumbs|MACOSX/.test(p))).toBe(false);
  });
});
