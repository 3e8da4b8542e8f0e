/**
 * The workshop's projector window (issue #15), without the Electron binary: opened from the menu or
 * through the API, one at most, the main window's locked-down preferences, the page at
 * `#projecteur`, trusted by IPC and fed host events while open — and neither once closed.
 */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionWith } from '../core/workshop/fixtures';
import { tempDir } from '../host/helpers';
import { createFakeElectron, type FakeElectron } from './fake-electron';

let fake: FakeElectron;

class FakeProcess extends EventEmitter {
  exit(_code: number): void {}
}

beforeEach(() => {
  vi.resetModules();
  fake = createFakeElectron();
  vi.doMock('electron', () => fake.electron);
});

const APP_URL = 'app://robokit/index.html';

async function start() {
  const { startElectronApp } = await import('../../app/electron/app');
  const paths = { preload: '/opt/robokit/preload.cjs', indexHtml: '/opt/robokit/dist/renderer/index.html' };
  const running = await startElectronApp({ paths, dataDir: await tempDir(), argv: [], process: new FakeProcess() });
  return running!;
}

type MenuItem = { label?: string; click?: () => void; submenu?: MenuItem[] };

function clickMenu(top: string, item: string): void {
  const menu = fake.menus.at(-1) as MenuItem[];
  menu.find((m) => m.label === top)!.submenu!.find((i) => i.label === item)!.click!();
}

/** An IPC call as a window's top frame sends it. */
function invoke(win: { webContents: unknown }, method: string, args: unknown[] = []) {
  return fake.handlers.get(`robokit:${method}`)!({ sender: win.webContents, senderFrame: { url: `${APP_URL}#projecteur`, parent: null } }, ...args) as Promise<unknown>;
}

describe('the projector window', () => {
  it('opens from the menu at #projecteur with the main window’s preferences; a second click brings it forward', async () => {
    const running = await start();
    expect(fake.windows).toHaveLength(1);
    clickMenu('Affichage', 'Vue projecteur (atelier)');
    expect(fake.windows).toHaveLength(2);
    const [main, projector] = fake.windows;
    expect(projector!.loaded).toBe(`${APP_URL}#projecteur`);
    expect(projector!.options.title).toBe('RoboKit — projecteur');
    expect(projector!.options.webPreferences).toEqual(main!.options.webPreferences);
    expect(running.projector()).toBe(projector);
    clickMenu('Affichage', 'Vue projecteur (atelier)');
    expect(fake.windows).toHaveLength(2);
    expect(projector!.focused).toBe(1);
  });

  it('opens through the API (the Atelier’s button), is a trusted sender and gets the workshop events', async () => {
    const running = await start();
    await running.host.openProjector();
    const projector = fake.windows[1]!;
    expect(await invoke(projector, 'getWorkshop')).toEqual({ ok: true, value: null });
    const session = sessionWith('samedi', ['Les Tigres']);
    await running.host.saveWorkshop({ session });
    const sent = projector.webContents.sent.filter((m) => (m.data as { event: string }).event === 'didChangeWorkshop');
    expect(sent).toHaveLength(1);
    expect((sent[0]!.data as { data: { session: { teams: unknown } } }).data.session.teams).toEqual(session.teams);
  });

  it('once closed: not trusted, no more events, and the next open makes a new window', async () => {
    const running = await start();
    await running.host.openProjector();
    const projector = fake.windows[1]!;
    projector.emit('closed');
    expect(running.projector()).toBeNull();
    await expect(invoke(projector, 'getWorkshop')).rejects.toThrow('refused');
    await running.host.saveWorkshop({ session: sessionWith('samedi', ['Lou']) });
    expect(projector.webContents.sent).toEqual([]);
    await running.host.openProjector();
    expect(fake.windows).toHaveLength(3);
    expect(fake.windows[2]!.loaded).toBe(`${APP_URL}#projecteur`);
  });
});

describe('closing the main window', () => {
  it('closes the projector window too, so the app does not stay open on the projector alone', async () => {
    const running = await start();
    await running.host.openProjector();
    const [main, projector] = fake.windows;
    main!.emit('closed');
    expect(projector!.closed).toBe(true);
    expect(running.projector()).toBeNull();
  });
});

describe('without Electron (robokit serve)', () => {
  it('openProjector says the feature is not here: the page opens #projecteur in a tab instead', async () => {
    const { makeHost } = await import('../host/helpers');
    const { host } = await makeHost();
    await expect(host.openProjector()).rejects.toMatchObject({ code: 'feature-unavailable' });
  });
});
