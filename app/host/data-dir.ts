/**
 * Where RoboKit keeps autosaves, versions and settings on this computer. The Electron app and
 * `robokit serve` use the same folder, so a pupil finds her work in either.
 * `ROBOKIT_DATA_DIR` overrides it (tests, a portable install on a USB stick).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.ROBOKIT_DATA_DIR) return env.ROBOKIT_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'RoboKit');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'RoboKit');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'RoboKit');
}
