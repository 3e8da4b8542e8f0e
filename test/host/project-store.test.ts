import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../app/core/errors';
import { newProject } from '../../app/core/project/project';
import { ProjectStore } from '../../app/host/project-store';
import { tempDir } from './helpers';

function clock(start = Date.UTC(2026, 10, 28, 9, 0, 0)) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

describe('ProjectStore', () => {
  it('autosaves atomically: the file is whole and no temporary file is left', async () => {
    const dataDir = await tempDir();
    const store = new ProjectStore({ dataDir });
    await store.autosave(newProject('Carré'), null);
    const names = await readdir(join(dataDir, 'autosave'));
    expect(names.filter((n) => n.includes('.tmp'))).toEqual([]);
    expect(JSON.parse(await readFile(join(dataDir, 'autosave', 'current.robokit'), 'utf8'))).toMatchObject({ name: 'Carré' });
  });

  it('reopens the last autosave after a crash (a new store on the same folder), with its file', async () => {
    const dataDir = await tempDir();
    const first = new ProjectStore({ dataDir });
    await first.autosave(newProject('v1'), '/home/eleve/carre.robokit');
    await first.autosave(newProject('v2'), '/home/eleve/carre.robokit');
    const afterCrash = await new ProjectStore({ dataDir }).lastSession();
    expect(afterCrash?.project.name).toBe('v2');
    expect(afterCrash?.filePath).toBe('/home/eleve/carre.robokit');
  });

  it('falls back to the newest good version when the autosave is damaged', async () => {
    const dataDir = await tempDir();
    const c = clock();
    const store = new ProjectStore({ dataDir, now: c.now, versionEveryMs: 0 });
    await store.autosave(newProject('bon'), null);
    await writeFile(join(dataDir, 'autosave', 'current.robokit'), '{"format":"robokit-proj');
    expect((await new ProjectStore({ dataDir }).lastSession())?.project.name).toBe('bon');
  });

  it('has nothing to reopen on first start', async () => {
    expect(await new ProjectStore({ dataDir: await tempDir() }).lastSession()).toBeNull();
  });

  it('keeps at most one version per period, and only the last 20', async () => {
    const dataDir = await tempDir();
    const c = clock();
    const store = new ProjectStore({ dataDir, now: c.now, versionEveryMs: 60_000 });
    for (let i = 0; i < 30; i++) {
      await store.autosave(newProject(`v${i}`), null);
      c.advance(30_000);
    }
    const versions = await store.listVersions();
    expect(versions).toHaveLength(15);
    for (let i = 0; i < 30; i++) {
      await store.autosave(newProject(`w${i}`), null);
      c.advance(60_000);
    }
    const kept = await store.listVersions();
    expect(kept).toHaveLength(20);
    expect(kept[0]!.name).toBe('w29');
    expect(kept[19]!.name).toBe('w10');
    expect(kept[0]!.savedAt).toBe(new Date(Date.UTC(2026, 10, 28, 9, 0, 0) + 15 * 60_000 + 29 * 60_000).toISOString());
    expect((await store.readVersion(kept[5]!.id)).name).toBe('w24');
  });

  it('refuses version ids that are not ours', async () => {
    const store = new ProjectStore({ dataDir: await tempDir() });
    await expect(store.readVersion('../settings')).rejects.toMatchObject({ code: 'version-not-found' });
    await expect(store.readVersion('20261128-090000000')).rejects.toMatchObject({ code: 'version-not-found' });
  });

  it('saves and reads .robokit files; a bad file says why', async () => {
    const dir = await tempDir();
    const store = new ProjectStore({ dataDir: dir });
    const file = join(dir, 'mon projet.robokit');
    await store.writeFile(file, newProject('Mon projet'));
    expect((await store.readFile(file)).name).toBe('Mon projet');
    await writeFile(join(dir, 'empty.robokit'), '');
    await writeFile(join(dir, 'deep.robokit'), '['.repeat(100_000) + ']'.repeat(100_000));
    await writeFile(join(dir, 'future.robokit'), JSON.stringify({ ...newProject('x'), version: 7 }));
    const codeOf = (p: string) => store.readFile(join(dir, p)).then(() => 'ok', (e: AppError) => e.code);
    expect(await codeOf('empty.robokit')).toBe('file-empty');
    expect(await codeOf('deep.robokit')).toBe('file-too-deep');
    expect(await codeOf('future.robokit')).toBe('file-future-version');
    expect(await codeOf('missing.robokit')).toBe('file-unreadable');
    expect(await codeOf('.')).toBe('file-unreadable');
  });

  it('says so when a file cannot be written', async () => {
    const store = new ProjectStore({ dataDir: await tempDir() });
    await expect(store.writeFile('/nonexistent-dir/x.robokit', newProject('x'))).rejects.toMatchObject({
      code: 'file-save-failed',
      params: { file: 'x.robokit' },
    });
  });
});
