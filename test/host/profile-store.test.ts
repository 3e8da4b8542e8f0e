import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeProfileFile, type ProfileFile } from '../../app/core/profile-file/profile-file';
import { ProfileStore } from '../../app/host/profile-store';
import { ApiError } from '../../app/shared/api';
import { createRequestValidator } from '../../app/shared/api-validate';
import { makeHost, serveApi, tempDir } from './helpers';

const lila = JSON.parse(await readFile('examples/robots/robot-lila.robokitprofile', 'utf8')) as ProfileFile;

describe('the class’s own robots', () => {
  it('are saved in the data folder, listed beside the built-in ones, and survive a restart', async () => {
    const { host, dataDir } = await makeHost();
    const saved = await host.saveProfile({ profile: lila });
    expect(saved).toMatchObject({ id: 'robot-lila', name: 'Robot Lila', updatedAt: expect.any(String) });
    expect(await readdir(join(dataDir, 'profiles'))).toEqual(['robot-lila.robokitprofile']);
    const { host: restarted } = await makeHost(undefined, dataDir);
    const listed = await restarted.listProfiles();
    expect(listed.find((p) => p.id === 'mbot')).toMatchObject({ source: 'built-in' });
    expect(listed.find((p) => p.id === 'robot-lila')).toEqual({
      id: 'robot-lila',
      name: { fr: 'Robot Lila', en: 'Robot Lila' },
      transport: 'robokit-line',
      capabilities: ['motors', 'light', 'sound', 'distance'],
      source: 'mine',
      kit: 'l298n-hcsr04',
      calibrated: true,
    });
    expect(await restarted.getProfile({ id: 'robot-lila' })).toEqual(saved);
  });

  it('the active robot is the settings’ profile: an own one can be chosen, an unknown one cannot', async () => {
    const { host } = await makeHost();
    await expect(host.setSettings({ profile: 'robot-lila' })).rejects.toMatchObject({ code: 'unknown-profile' });
    await host.saveProfile({ profile: lila });
    expect((await host.setSettings({ profile: 'robot-lila' })).profile).toBe('robot-lila');
    // Deleting the active robot makes its kit the active one.
    await host.deleteProfile({ id: 'robot-lila' });
    expect((await host.getSettings()).profile).toBe('l298n-hcsr04');
    await expect(host.getProfile({ id: 'robot-lila' })).rejects.toMatchObject({ code: 'profile-not-found' });
  });

  it('imports a shared file, and exports it as the same file (a round trip through the browser’s download)', async () => {
    const { host } = await makeHost();
    const imported = await host.importProfile({ from: 'text', text: serializeProfileFile(lila) });
    expect(imported).toMatchObject({ id: 'robot-lila', kit: 'l298n-hcsr04' });
    const exported = await host.exportProfile({ id: 'robot-lila' });
    expect(exported).toMatchObject({ status: 'download', fileName: 'Robot Lila.robokitprofile' });
    if (exported.status !== 'download') return;
    const { host: other } = await makeHost();
    expect(await other.importProfile({ from: 'text', text: exported.text })).toEqual(imported);
  });

  it('refuses a hostile file with its one sentence and keeps nothing of it', async () => {
    const { host, dataDir } = await makeHost();
    for (const [text, code] of [
      ['{"format":"robokit-user-profile","version":1,"id":"x","name":"x","kit":"mbot","motors":{"swap":"yes"}}', 'profile-invalid'],
      [serializeProfileFile(lila).slice(0, 80), 'profile-truncated'],
      [JSON.stringify({ ...lila, id: 'sim' }), 'profile-id-taken'],
      ['\u0000\u0001MZ', 'profile-not-json'],
    ] as const) {
      await expect(host.importProfile({ from: 'text', text })).rejects.toMatchObject({ code });
    }
    await expect(readdir(join(dataDir, 'profiles'))).rejects.toThrow();
  });

  it('moves a damaged stored file aside instead of trusting it', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'profiles'));
    await writeFile(join(dir, 'profiles', 'robot-lila.robokitprofile'), '{"format":"robokit-user-profile","kit":');
    // A file named for another id is not listed (the id is the file name).
    await writeFile(join(dir, 'profiles', 'autre.robokitprofile'), serializeProfileFile(lila));
    const store = new ProfileStore(dir);
    expect(await store.list()).toEqual([]);
    expect(await store.find('robot-lila')).toBeUndefined();
    expect((await readdir(join(dir, 'profiles'))).sort()).toEqual(['autre.robokitprofile', 'robot-lila.robokitprofile.damaged']);
  });

  it('keeps the last write when many are queued at once, and never reads outside its folder', async () => {
    const store = new ProfileStore(await tempDir());
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.save({ ...lila, name: `Robot ${i}` })));
    expect((await store.get('robot-lila'))?.name).toBe('Robot 9');
    expect(await store.get('../settings')).toBeNull();
    expect(await store.find('mbot')).toMatchObject({ id: 'mbot' });
  });

  it('validates the requests: a pin map or a path is refused before the host sees it', () => {
    const validate = createRequestValidator();
    expect(validate('saveProfile', { profile: lila }).ok).toBe(true);
    expect(validate('saveProfile', { profile: { ...lila, pins: { motors: {} } } }).ok).toBe(false);
    expect(validate('getProfile', { id: '../settings' }).ok).toBe(false);
    expect(validate('importProfile', { from: 'text', text: 'x'.repeat(2 * 1024 * 1024) }).ok).toBe(false);
  });

  it('go through the browser transport (robokit serve’s WebSocket)', async () => {
    const { host } = await makeHost();
    const connection = await (await serveApi(host)).connect();
    const { api } = connection;
    expect(await api.saveProfile({ profile: lila })).toMatchObject({ id: 'robot-lila' });
    expect((await api.listProfiles()).map((p) => p.id)).toContain('robot-lila');
    const error = await api.importProfile({ from: 'text', text: '{"format":"robokit-user-profile"' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).data).toMatchObject({ code: 'profile-truncated' });
    connection.close();
  });
});
