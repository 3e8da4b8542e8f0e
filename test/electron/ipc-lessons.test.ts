/**
 * The lesson methods over Electron IPC (electron faked): each has its handler with the same sender
 * and payload checks as the others, and "Importer un pack" uses the native open dialog, filtered to
 * `.robokitpack`, then installs the chosen file into the pack store.
 */
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostService } from '../../app/host/create-host';
import { defaultSeams } from '../../app/host/default-seams';
import { buildPack } from '../../app/host/packs';
import { createRequestValidator } from '../../app/shared/api-validate';
import { instantWall, tempDir } from '../host/helpers';
import { createFakeElectron, FakeWebContents, type FakeElectron } from './fake-electron';

const REPO = resolve(import.meta.dirname, '../..');
const APP_URL = 'app://robokit/index.html';
const LESSON_METHODS = ['listLessons', 'importPack', 'openLesson', 'checkLesson', 'getLessonSolution'];

let fake: FakeElectron;

beforeEach(() => {
  vi.resetModules();
  fake = createFakeElectron();
  vi.doMock('electron', () => fake.electron);
});

async function setup(chosen: string | null) {
  const { registerIpc, trustedSender } = await import('../../app/electron/ipc');
  const { electronDialogs } = await import('../../app/electron/dialogs');
  const asked: unknown[] = [];
  fake.electron.dialog.showOpenDialog = ((...args: unknown[]) => {
    asked.push(args.at(-1));
    return Promise.resolve(chosen ? { canceled: false, filePaths: [chosen] } : { canceled: true, filePaths: [] });
  }) as typeof fake.electron.dialog.showOpenDialog;
  const win = new fake.electron.BrowserWindow({});
  const dataDir = await tempDir();
  const host = createHostService({
    dataDir,
    info: { version: 'test', host: 'electron', fileDialogs: true },
    seams: { ...defaultSeams({ wall: instantWall }), dialogs: electronDialogs(() => win as never, () => 'fr') },
    lessonDirs: [],
  });
  registerIpc(fake.electron.ipcMain as never, host, trustedSender(() => [win as never], APP_URL), createRequestValidator(), () => undefined);
  const invoke = (method: string, args: unknown[], event: Record<string, unknown> = {}) =>
    fake.handlers.get(`robokit:${method}`)!({ sender: win.webContents, senderFrame: { url: APP_URL, parent: null }, ...event }, ...args) as Promise<unknown>;
  return { invoke, asked, dataDir };
}

async function builtMini(): Promise<string> {
  const out = join(await tempDir(), 'mini.robokitpack');
  const built = await buildPack(join(REPO, 'test/fixtures/packs/mini'), out);
  if (!built.ok) throw new Error('mini pack does not build');
  return out;
}

describe('lesson methods over IPC', () => {
  it('each has its handler', async () => {
    await setup(null);
    for (const method of LESSON_METHODS) expect(fake.handlers.has(`robokit:${method}`), method).toBe(true);
  });

  it('import from the native dialog, filtered to .robokitpack; then list, open and check', async () => {
    const { invoke, asked } = await setup(await builtMini());
    expect(await invoke('importPack', [{ from: 'dialog' }])).toMatchObject({ ok: true, value: { status: 'installed', packId: 'fr.robokit.test-mini' } });
    expect(asked[0]).toMatchObject({ filters: [{ name: 'Pack de leçons RoboKit', extensions: ['robokitpack'] }], properties: ['openFile'] });
    expect(await invoke('listLessons', [])).toMatchObject({ ok: true, value: [{ packId: 'fr.robokit.test-mini', lessonId: 'avancer' }] });
    const ref = { packId: 'fr.robokit.test-mini', lessonId: 'avancer' };
    expect(await invoke('openLesson', [ref])).toMatchObject({ ok: true, value: { hasSolution: true, challenge: { timeLimitSeconds: 20 } } });
    const starter = { blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start' }] } };
    expect(await invoke('checkLesson', [{ ...ref, workspace: starter }])).toMatchObject({ ok: true, value: { passed: false, stars: 0 } });
    expect(await invoke('getLessonSolution', [ref])).toMatchObject({ ok: true, value: { format: 'robokit-project' } });
  });

  it('a cancelled dialog installs nothing', async () => {
    const { invoke } = await setup(null);
    expect(await invoke('importPack', [{ from: 'dialog' }])).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(await invoke('listLessons', [])).toEqual({ ok: true, value: [] });
  });

  it('refuses another sender, and malformed payloads, without touching the store', async () => {
    const { invoke, asked } = await setup(await builtMini());
    await expect(invoke('importPack', [{ from: 'dialog' }], { sender: new FakeWebContents() })).rejects.toThrow('refused');
    expect(asked).toEqual([]);
    const bad = { ok: false, error: expect.objectContaining({ code: 'bad-request' }) };
    expect(await invoke('importPack', [{ from: 'path', path: '/etc/passwd' }])).toEqual(bad);
    expect(await invoke('openLesson', [{ packId: '../x', lessonId: 'a' }])).toEqual(bad);
    expect(await invoke('checkLesson', [{ packId: 'fr.a.b', lessonId: 'a', workspace: new Map() }])).toEqual(bad);
    expect(await invoke('getLessonSolution', [{ packId: 'fr.a.b', lessonId: 'a' }, 'extra'])).toEqual(bad);
    expect(await invoke('listLessons', [])).toEqual({ ok: true, value: [] });
  });
});
