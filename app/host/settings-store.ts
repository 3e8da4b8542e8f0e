/**
 * The app's settings (`<dataDir>/settings.json`), validated with the same schema as `setSettings`.
 * A damaged file never stops the app: the fields that are still valid are kept.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings, SettingsPatch } from '../shared/api';
import type { RequestValidator } from '../shared/api-validate';
import { writeFileAtomic } from './atomic-write';

export const DEFAULT_SETTINGS: Settings = {
  locale: 'fr',
  highContrast: false,
  largeText: false,
  profile: 'sim',
  world: null,
};

export class SettingsStore {
  private readonly file: string;
  private current: Settings | null = null;
  private updating: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly validate: RequestValidator,
  ) {
    this.file = join(dataDir, 'settings.json');
  }

  async get(): Promise<Settings> {
    this.current ??= await this.load();
    return this.current;
  }

  /** Updates run one after another: two overlapping patches both land (read-merge-write is not atomic). */
  update(patch: SettingsPatch): Promise<Settings> {
    const run = this.updating.then(() => this.apply(patch));
    this.updating = run.catch(() => undefined);
    return run;
  }

  private async apply(patch: SettingsPatch): Promise<Settings> {
    const next: Settings = { ...(await this.get()), ...patch };
    await mkdir(this.dataDir, { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`);
    this.current = next;
    return next;
  }

  private async load(): Promise<Settings> {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(this.file, 'utf8'));
    } catch {
      return DEFAULT_SETTINGS;
    }
    if (typeof data !== 'object' || data === null) return DEFAULT_SETTINGS;
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) {
      if (key in DEFAULT_SETTINGS && this.validate('setSettings', { [key]: value }).ok) kept[key] = value;
    }
    return { ...DEFAULT_SETTINGS, ...(kept as SettingsPatch) };
  }
}
