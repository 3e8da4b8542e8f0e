import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FIRMATA_ENTRY,
  FIRMATA_HEX_NAME,
  FIRMATA_HEX_SHA256,
  FirmwareIntegrityError,
  extractTarEntry,
  fetchFirmata,
  sha256,
} from '../../../firmware-bridge/emulator/fetch-firmata';

/** A minimal ustar archive, as npm pack writes them. */
function tar(entries: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'latin1');
    const header = Buffer.alloc(512);
    header.write(name, 0, 'latin1');
    header.write('0000644\0', 100, 'latin1');
    header.write(data.length.toString(8).padStart(11, '0') + '\0', 124, 'latin1');
    header.write('0', 156, 'latin1');
    header.write('ustar\0' + '00', 257, 'latin1');
    header.fill(' ', 148, 156);
    const checksum = header.reduce((sum, byte) => sum + byte, 0);
    header.write(checksum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'robokit-firmata-test-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))));
const unusedRegistry = async (): Promise<string> => {
  throw new Error('the registry must not be asked');
};

describe('fetchFirmata', () => {
  it('takes the image out of the avrgirl-arduino@5.0.1 tarball from the npm registry and pins its sha256', async () => {
    const cacheDir = await tempDir();
    const path = await fetchFirmata({ cacheDir });
    expect(path).toBe(join(cacheDir, FIRMATA_HEX_NAME));
    const bytes = await readFile(path);
    expect(sha256(bytes)).toBe(FIRMATA_HEX_SHA256);
    expect(bytes.toString('latin1')).toMatch(/^:100000000C94/);
    expect(await readdir(cacheDir)).toEqual([FIRMATA_HEX_NAME]);
  }, 60_000);

  it('uses a verified cached image without asking the registry', async () => {
    const cacheDir = await tempDir();
    await writeFile(join(cacheDir, FIRMATA_HEX_NAME), await readFile(await fetchFirmata()));
    await expect(fetchFirmata({ cacheDir, packTarball: unusedRegistry })).resolves.toBe(join(cacheDir, FIRMATA_HEX_NAME));
  });

  it('refuses a cached image whose sha256 differs, saying what it expected', async () => {
    const cacheDir = await tempDir();
    const good = await readFile(await fetchFirmata());
    await writeFile(join(cacheDir, FIRMATA_HEX_NAME), Buffer.concat([good, Buffer.from('\n')]));
    const attempt = fetchFirmata({ cacheDir, packTarball: unusedRegistry });
    await expect(attempt).rejects.toBeInstanceOf(FirmwareIntegrityError);
    await expect(attempt).rejects.toThrow(`expected ${FIRMATA_HEX_SHA256}`);
  });

  it('refuses a tarball whose image differs, and caches nothing', async () => {
    const cacheDir = await tempDir();
    const packTarball = async (_spec: string, destination: string) => {
      const tarball = join(destination, 'avrgirl-arduino-5.0.1.tgz');
      await writeFile(tarball, gzipSync(tar({ [FIRMATA_ENTRY]: ':00000001FF\n' })));
      return tarball;
    };
    await expect(fetchFirmata({ cacheDir, packTarball })).rejects.toBeInstanceOf(FirmwareIntegrityError);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('says so when the tarball has no Uno image', async () => {
    const packTarball = async (_spec: string, destination: string) => {
      const tarball = join(destination, 'avrgirl-arduino-5.0.1.tgz');
      await writeFile(tarball, gzipSync(tar({ 'package/README.md': 'hello' })));
      return tarball;
    };
    await expect(fetchFirmata({ cacheDir: await tempDir(), packTarball })).rejects.toThrow(FIRMATA_ENTRY);
  });
});

describe('extractTarEntry', () => {
  it('finds one file among others, and null for a missing one', () => {
    const archive = tar({ 'package/a.txt': 'first', 'package/b.txt': 'x'.repeat(700) });
    expect(Buffer.from(extractTarEntry(archive, 'package/b.txt')!).toString()).toBe('x'.repeat(700));
    expect(Buffer.from(extractTarEntry(archive, 'package/a.txt')!).toString()).toBe('first');
    expect(extractTarEntry(archive, 'package/c.txt')).toBeNull();
  });
});
