import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRequestValidator } from '../../app/shared/api-validate';
import { SettingsStore } from '../../app/host/settings-store';

describe('SettingsStore', () => {
  it('keeps both of two overlapping updates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'robokit-settings-'));
    const store = new SettingsStore(dir, createRequestValidator());
    await Promise.all([store.update({ highContrast: true }), store.update({ largeText: true }), store.update({ locale: 'en' })]);
    const saved = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ highContrast: true, largeText: true, locale: 'en' });
    const reopened = new SettingsStore(dir, createRequestValidator());
    expect(await reopened.get()).toMatchObject({ highContrast: true, largeText: true, locale: 'en' });
  });
});
