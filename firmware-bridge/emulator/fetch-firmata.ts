/**
 * The StandardFirmata image the emulated Uno runs: taken from the avrgirl-arduino@5.0.1 npm tarball
 * (the package itself cannot be installed), cached in .cache/firmware/ and checked by sha256.
 */
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { firmwareCacheDir } from './paths';

export const FIRMATA_PACKAGE = 'avrgirl-arduino@5.0.1';
export const FIRMATA_ENTRY = 'package/junk/hex/uno/StandardFirmata.cpp.hex';
export const FIRMATA_HEX_NAME = 'StandardFirmata-uno-avrgirl-5.0.1.hex';
/** sha256 of the entry above, computed once from the registry tarball and pinned. */
export const FIRMATA_HEX_SHA256 = '6d57ea7cf30e26c9c2f3a01ee37907d2c951f8bc9c27f84dddad12fa9c8b8f36';

export class FirmwareIntegrityError extends Error {
  constructor(
    readonly source: string,
    readonly actualSha256: string,
  ) {
    super(
      `StandardFirmata image ${source} has sha256 ${actualSha256}, expected ${FIRMATA_HEX_SHA256}. ` +
        `Refusing to run it: delete the file and fetch it again (${FIRMATA_PACKAGE}).`,
    );
    this.name = 'FirmwareIntegrityError';
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function checkFirmataHex(bytes: Uint8Array, source: string): void {
  const actual = sha256(bytes);
  if (actual !== FIRMATA_HEX_SHA256) throw new FirmwareIntegrityError(source, actual);
}

export interface FetchFirmataOptions {
  /** Where the .hex is cached; default <repo>/.cache/firmware. */
  cacheDir?: string;
  /** Runs `npm pack <spec>` into a folder and returns the .tgz path (injected by tests). */
  packTarball?: (spec: string, destination: string) => Promise<string>;
}

/** Returns the path of the verified StandardFirmata .hex, fetching it on first use. */
export async function fetchFirmata(options: FetchFirmataOptions = {}): Promise<string> {
  const cacheDir = options.cacheDir ?? firmwareCacheDir();
  const hexPath = join(cacheDir, FIRMATA_HEX_NAME);
  const cached = await readFile(hexPath).catch(() => null);
  if (cached) {
    checkFirmataHex(cached, hexPath);
    return hexPath;
  }
  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'robokit-firmata-'));
  try {
    const tarball = await (options.packTarball ?? npmPack)(FIRMATA_PACKAGE, work);
    const hex = extractTarEntry(gunzipSync(await readFile(tarball)), FIRMATA_ENTRY);
    if (!hex) throw new Error(`${FIRMATA_ENTRY} is missing from ${FIRMATA_PACKAGE}`);
    checkFirmataHex(hex, `${FIRMATA_PACKAGE}:${FIRMATA_ENTRY}`);
    const partial = `${hexPath}.${process.pid}-${randomUUID()}.partial`;
    await writeFile(partial, hex);
    await rename(partial, hexPath);
    return hexPath;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function npmPack(spec: string, destination: string): Promise<string> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await promisify(execFile)(npm, ['pack', spec, '--pack-destination', destination, '--silent'], {
    timeout: 120_000,
  });
  const tarball = (await readdir(destination)).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${spec} produced no tarball`);
  return join(destination, tarball);
}

/** Reads one regular file out of an (uncompressed) ustar archive. */
export function extractTarEntry(tar: Uint8Array, entry: string): Uint8Array | null {
  const text = new TextDecoder('latin1');
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return null;
    const field = (start: number, length: number) => text.decode(header.subarray(start, start + length)).replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const dataStart = offset + 512;
    if (name === entry && (type === '0' || type === '')) return tar.slice(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / 512) * 512;
  }
  return null;
}
