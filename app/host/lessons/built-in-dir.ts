/**
 * Where the built-in lesson packs (the repository's `lessons/`) are on this install: next to
 * `dist/` in the repository and in a packaged app, or beside the sources when run from them.
 * `ROBOKIT_LESSONS_DIR` overrides it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder this module runs from, in an ES module bundle (CLI, serve) or a CommonJS one (Electron). */
function moduleDir(): string | null {
  try {
    const url = import.meta.url;
    if (typeof url === 'string' && url.startsWith('file:')) return dirname(fileURLToPath(url));
  } catch {
    // A CommonJS bundle has no import.meta.
  }
  return typeof __dirname === 'string' ? __dirname : null;
}

/** A folder holding at least one pack folder (`<name>/pack.json`). */
function holdsPacks(dir: string): boolean {
  try {
    return readdirSync(dir, { withFileTypes: true }).some((d) => d.isDirectory() && existsSync(join(dir, d.name, 'pack.json')));
  } catch {
    return false;
  }
}

/** The built-in `lessons/` folder, or null when this install has none. */
export function builtInLessonsDir(env: NodeJS.ProcessEnv = process.env, from: string | null = moduleDir()): string | null {
  if (env.ROBOKIT_LESSONS_DIR) return env.ROBOKIT_LESSONS_DIR;
  for (let dir = from, up = 0; dir && up < 5; dir = dirname(dir), up++) {
    const candidate = join(dir, 'lessons');
    if (holdsPacks(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  return null;
}
