/**
 * The firmware RoboKit ships and can install (`firmware-bridge/firmware/`): StandardFirmata (the
 * Uno image of the avrgirl-arduino 5.0.1 package, the one the test rig runs) and the RoboKit
 * firmware (built from `firmware-bridge/firmware/robokit/`). Found next to the code, in the
 * repository and in a packaged app alike.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../app/core/errors';
import { SHIPPED_FIRMWARE_VERSIONS } from '../../../app/core/firmware-versions';
import { parseIntelHex } from '../intel-hex';

export type FirmwareId = 'robokit' | 'firmata';

export interface FirmwareImage {
  readonly id: FirmwareId;
  /** What `firmware info` reports once it runs: the name and version it answers with. */
  readonly name: string;
  readonly version: string;
  /** The baud rate the firmware talks at. */
  readonly baud: number;
  readonly file: string;
}

export const FIRMWARE_IMAGES: Readonly<Record<FirmwareId, FirmwareImage>> = {
  robokit: { id: 'robokit', name: 'robokit', version: SHIPPED_FIRMWARE_VERSIONS.robokit, baud: 115_200, file: 'robokit.hex' },
  firmata: { id: 'firmata', name: 'StandardFirmata', version: SHIPPED_FIRMWARE_VERSIONS.firmata, baud: 57_600, file: 'StandardFirmata.hex' },
};

export const FIRMWARE_IDS = Object.keys(FIRMWARE_IMAGES) as FirmwareId[];

export function isFirmwareId(id: string): id is FirmwareId {
  return Object.prototype.hasOwnProperty.call(FIRMWARE_IMAGES, id);
}

/** ATmega328P: 32 KB, of which Optiboot keeps the top 512 bytes. */
export const APPLICATION_BYTES = 0x7e00;
const FLASH_BYTES = 0x8000;
const PAGE_BYTES = 128;

export interface LoadedImage {
  readonly image: FirmwareImage;
  /** The application section as the board must hold it, up to the last page with data. */
  readonly bytes: Uint8Array;
}

function moduleDir(): string | null {
  try {
    const url = import.meta.url;
    if (typeof url === 'string' && url.startsWith('file:')) return dirname(fileURLToPath(url));
  } catch {
    // A CommonJS bundle (Electron) has no import.meta.
  }
  return typeof __dirname === 'string' ? __dirname : null;
}

/** `firmware-bridge/firmware` above this module (sources, dist/ bundles, a packaged app). */
export function firmwareDir(env: NodeJS.ProcessEnv = process.env, from: string | null = moduleDir()): string | null {
  if (env.ROBOKIT_FIRMWARE_DIR) return env.ROBOKIT_FIRMWARE_DIR;
  for (let dir = from, up = 0; dir && up < 6; dir = dirname(dir), up++) {
    const candidate = join(dir, 'firmware-bridge', 'firmware');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  return null;
}

export async function loadFirmwareImage(id: FirmwareId, dir: string | null = firmwareDir()): Promise<LoadedImage> {
  const image = FIRMWARE_IMAGES[id];
  const text = dir ? await readFile(join(dir, image.file), 'utf8').catch(() => null) : null;
  if (text === null) throw new AppError({ code: 'firmware-image-missing', params: { firmware: image.name } });
  const flash = parseIntelHex(text, FLASH_BYTES);
  let end = APPLICATION_BYTES;
  while (end > 0 && flash[end - 1] === 0xff) end--;
  if (flash.subarray(APPLICATION_BYTES).some((byte) => byte !== 0xff)) {
    throw new AppError({ code: 'firmware-image-too-big', params: { firmware: image.name } });
  }
  const pages = Math.max(1, Math.ceil(end / PAGE_BYTES));
  return { image, bytes: flash.slice(0, pages * PAGE_BYTES) };
}
