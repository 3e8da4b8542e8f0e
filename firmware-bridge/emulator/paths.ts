import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above this module holding package.json.
 * Works from the sources (firmware-bridge/emulator/) and from a bundle in .cache/.
 */
export function projectRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'firmware-bridge'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`RoboKit root not found above ${from}`);
    dir = parent;
  }
}

export function firmwareCacheDir(root: string = projectRoot()): string {
  return join(root, '.cache', 'firmware');
}
