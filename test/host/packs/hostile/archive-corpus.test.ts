/**
 * Hostile archives: each is refused with a clear code before anything is written, and the scratch
 * root (store included) is byte-for-byte what it was.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACK_LIMITS, type PackLimits } from '../../../../app/core/lessons/pack-limits';
import type { PackMessageCode } from '../../../../app/core/i18n/pack-messages';
import { installPack } from '../../../../app/host/packs/pack-store';
import { expectRefused, miniFiles, scratch, snapshot, zipOf, type Scratch } from './corpus-helpers';
import { deflatedZeros, rawZip, type RawEntry } from './raw-zip';

interface Case {
  readonly name: string;
  readonly bytes: () => Buffer | Promise<Buffer>;
  readonly code: PackMessageCode;
  /** Text both sentences must contain (usually the offending entry's name). */
  readonly mentions?: string;
  readonly limits?: Partial<PackLimits>;
}

const text = (s: string) => Buffer.from(s, 'utf8');
/** The mini pack plus one hostile entry. */
const withEntry = (entry: RawEntry) => () => zipOf(miniFiles(), [entry]);
const named = (name: string | Buffer, extra: Partial<RawEntry> = {}) => withEntry({ name, data: text('evil'), ...extra });

const CASES: readonly Case[] = [
  // Leaving the folder.
  { name: 'zip-slip ../evil.txt', bytes: named('../evil.txt'), code: 'pack-entry-escapes', mentions: '../evil.txt' },
  { name: 'zip-slip a/../../evil.txt', bytes: named('a/../../evil.txt'), code: 'pack-entry-escapes', mentions: 'a/../../evil.txt' },
  { name: 'zip-slip steps/../../../../tmp/evil', bytes: named('steps/../../../../tmp/evil'), code: 'pack-entry-escapes' },
  { name: 'zip-slip as a folder ../', bytes: named('../', { data: Buffer.alloc(0) }), code: 'pack-entry-escapes' },
  { name: 'absolute /etc/evil', bytes: named('/etc/evil'), code: 'pack-entry-absolute', mentions: '/etc/evil' },
  { name: 'absolute //server/share/evil', bytes: named('//server/share/evil'), code: 'pack-entry-absolute' },
  { name: 'drive letter C:\\evil.txt', bytes: named('C:\\evil.txt'), code: 'pack-entry-drive', mentions: 'C:\\evil.txt' },
  { name: 'drive letter C:/evil.txt', bytes: named('C:/evil.txt'), code: 'pack-entry-drive' },
  { name: 'drive-relative c:evil.txt', bytes: named('c:evil.txt'), code: 'pack-entry-drive' },
  { name: 'backslashes a\\..\\..\\evil.txt', bytes: named('a\\..\\..\\evil.txt'), code: 'pack-entry-backslash', mentions: 'a\\..\\..\\evil.txt' },
  { name: 'backslash ..\\evil.txt', bytes: named('..\\evil.txt'), code: 'pack-entry-backslash' },
  { name: 'UNC \\\\server\\share', bytes: named('\\\\server\\share\\evil'), code: 'pack-entry-backslash' },
  // Links and special files.
  { name: 'unix symlink to /etc/passwd', bytes: named('images/link.png', { data: text('/etc/passwd'), unixMode: 0o120777 }), code: 'pack-entry-link', mentions: 'images/link.png' },
  { name: 'symlink folder to ..', bytes: named('up', { data: text('..'), unixMode: 0o120755, method: 0 }), code: 'pack-entry-link' },
  { name: 'macOS symlink', bytes: named('images/mac.png', { data: text('/'), unixMode: 0o120644, versionMadeBy: (19 << 8) | 20 }), code: 'pack-entry-link' },
  { name: 'NTFS reparse point', bytes: named('junction', { externalAttributes: 0x400 | 0x10 }), code: 'pack-entry-link' },
  { name: 'FIFO entry', bytes: named('fifo', { unixMode: 0o010644 }), code: 'pack-entry-special' },
  { name: 'character device entry', bytes: named('dev', { unixMode: 0o020644 }), code: 'pack-entry-special' },
  // Names.
  { name: 'pack.json twice', bytes: named('pack.json', { data: text('{}') }), code: 'pack-entry-duplicate', mentions: 'pack.json' },
  { name: 'same name up to case', bytes: named('Steps/1.FR.md'), code: 'pack-entry-duplicate' },
  { name: 'file and folder with one name', bytes: named('pack.json/inner.txt'), code: 'pack-entry-duplicate' },
  { name: 'same name up to Unicode normalisation', bytes: () => rawZip([{ name: 'caf\u00e9.md', data: text('a') }, { name: 'cafe\u0301.md', data: text('b') }]), code: 'pack-entry-duplicate' },
  { name: 'invalid UTF-8 name', bytes: named(Buffer.from([0x61, 0xff, 0xfe, 0x2e, 0x6d, 0x64])), code: 'pack-entry-name-encoding' },
  { name: 'CP437 name without the UTF-8 flag', bytes: named(Buffer.from([0x82, 0x74, 0x61, 0x70, 0x65]), { flags: 0 }), code: 'pack-entry-name-encoding' },
  { name: 'control character in a name', bytes: named('a\u0001b.md'), code: 'pack-entry-bad-name', mentions: 'a\\u0001b.md' },
  { name: 'NUL in a name', bytes: named('pack.json\u0000.png'), code: 'pack-entry-bad-name' },
  { name: 'right-to-left override in a name', bytes: named('image\u202egnp.exe'), code: 'pack-entry-bad-name' },
  { name: 'Windows device name', bytes: named('steps/CON.md'), code: 'pack-entry-bad-name' },
  { name: 'trailing dot', bytes: named('evil.'), code: 'pack-entry-bad-name' },
  { name: 'empty segment a//b', bytes: named('a//b.md'), code: 'pack-entry-bad-name' },
  { name: 'dot segment ./pack.json', bytes: named('./x.md'), code: 'pack-entry-bad-name' },
  { name: '300-byte name', bytes: named(`${'a'.repeat(300)}.md`), code: 'pack-entry-too-long' },
  { name: '12 folders deep', bytes: named(`${'d/'.repeat(12)}x.md`), code: 'pack-entry-too-long' },
  // Content the loader cannot or must not decode.
  { name: 'encrypted entry', bytes: named('secret.md', { flags: 0x801 }), code: 'pack-entry-encrypted' },
  { name: 'unknown compression method', bytes: named('weird.md', { method: 99, compressed: text('xxxx') }), code: 'pack-entry-compression' },
  // Sizes that lie or explode.
  { name: 'zip bomb (5 MB of zeros, ratio ≈ 1000:1)', bytes: async () => zipOf(miniFiles(), [{ name: 'bomb.bin', compressed: await deflatedZeros(5), declaredSize: 5 * 1024 * 1024 }]), code: 'pack-entry-ratio', mentions: 'bomb.bin' },
  { name: 'declared size of 4 GB', bytes: named('huge.bin', { declaredSize: 0xffffffff }), code: 'pack-entry-too-large', mentions: 'huge.bin' },
  { name: 'declared 1 KB, inflates to 200 MB', bytes: async () => zipOf(miniFiles(), [{ name: 'liar.bin', compressed: await deflatedZeros(200), declaredSize: 1000 }]), code: 'pack-entry-size-lie', mentions: 'liar.bin' },
  { name: 'declared 10 KB, holds 4 bytes', bytes: named('short.md', { declaredSize: 10_000 }), code: 'pack-entry-size-lie' },
  { name: 'stored entry whose two sizes differ', bytes: named('stored.md', { method: 0, declaredCompressedSize: 2 }), code: 'pack-entry-size-lie' },
  { name: 'folder entry with content', bytes: named('folder/', { data: text('not empty'), method: 0 }), code: 'pack-entry-size-lie' },
  { name: '30,000 entries', bytes: () => rawZip(Array.from({ length: 30_000 }, (_, i) => ({ name: `f${i}`, method: 0 }))), code: 'pack-too-many-entries', mentions: '30000' },
  { name: 'too large in total', bytes: () => zipOf(miniFiles(), Array.from({ length: 4 }, (_, i) => ({ name: `big${i}.bin`, data: Buffer.alloc(40_000, i + 1), method: 0 }))), code: 'pack-too-large', limits: { maxTotalBytes: 100_000 } },
  { name: 'one file too large', bytes: named('big.bin', { data: Buffer.alloc(50_000, 7), method: 0 }), code: 'pack-entry-too-large', limits: { maxFileBytes: 40_000 } },
  { name: 'archive file too large', bytes: () => zipOf(miniFiles()), code: 'pack-archive-too-large', limits: { maxArchiveBytes: 1000 } },
  // Not an archive, or a broken one.
  { name: 'PNG bytes', bytes: () => Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), code: 'pack-not-zip', mentions: 'input.robokitpack' },
  { name: 'a text file', bytes: () => text('{"format":"robokit-pack"}'), code: 'pack-not-zip' },
  { name: 'empty file', bytes: () => Buffer.alloc(0), code: 'pack-empty-file', mentions: 'input.robokitpack' },
  { name: 'truncated archive', bytes: () => zipOf(miniFiles()).subarray(0, 600), code: 'pack-zip-damaged', mentions: 'input.robokitpack' },
  { name: 'central directory pointing nowhere', bytes: () => { const z = zipOf(miniFiles()); z.writeUInt32LE(0x7ffffff0, z.length - 6); return z; }, code: 'pack-zip-damaged' },
  { name: 'corrupt deflate data', bytes: () => zipOf(new Map([...miniFiles()].filter(([p]) => p !== 'pack.json')), [{ name: 'pack.json', compressed: Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]), declaredSize: 100 }]), code: 'pack-zip-damaged' },
  { name: 'no pack.json', bytes: () => zipOf(new Map([...miniFiles()].filter(([p]) => p !== 'pack.json'))), code: 'pack-no-manifest' },
  { name: 'empty archive', bytes: () => rawZip([]), code: 'pack-no-manifest' },
];

describe('hostile archives are refused before anything is written', () => {
  let s: Scratch;
  beforeAll(() => {
    s = scratch();
  });
  afterAll(() => s.cleanup());

  it('has at least 50 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const input = s.input('input.robokitpack');
      writeFileSync(input, await c.bytes());
      const before = snapshot(s.root);
      const result = await installPack(input, s.store, { limits: { ...PACK_LIMITS, ...c.limits } });
      expect(result.ok).toBe(false);
      if (!result.ok) expectRefused(result.errors, c.code, c.mentions);
      expect(snapshot(s.root)).toEqual(before);
    });
  }
});

describe('a zip bomb that lies about its size', () => {
  it('is stopped while streaming, with memory bounded and no file left open', async () => {
    const s = scratch();
    try {
      const input = s.input('bomb.robokitpack');
      // 200 MB of zeros declared as 9 MB (under the per-file limit, ratio check fooled by a padded compressed size).
      const bomb = await deflatedZeros(200);
      const padded = Buffer.concat([bomb, Buffer.alloc(100 * 1024)]);
      writeFileSync(input, zipOf(miniFiles(), [{ name: 'bomb.bin', compressed: padded, declaredSize: 9 * 1024 * 1024 }]));
      const before = snapshot(s.root);
      const fds = readdirSync('/proc/self/fd').length;
      const rss = process.memoryUsage().rss;
      const result = await installPack(input, s.store);
      const grown = process.memoryUsage().rss - rss;
      await new Promise((r) => setTimeout(r, 50));
      expect(readdirSync('/proc/self/fd').length).toBeLessThanOrEqual(fds);
      expect(result.ok).toBe(false);
      if (!result.ok) expectRefused(result.errors, 'pack-entry-size-lie', 'bomb.bin');
      expect(grown).toBeLessThan(64 * 1024 * 1024);
      expect(snapshot(s.root)).toEqual(before);
    } finally {
      s.cleanup();
    }
  });
});
