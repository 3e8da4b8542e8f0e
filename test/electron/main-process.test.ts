import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../app/shared/api';
import { createRequestValidator } from '../../app/shared/api-validate';
import { makeHost, tempDir } from '../host/helpers';
import { createFakeElectron, fakeEvent, FakeWebContents, type FakeElectron } from './fake-electron';

let fake: FakeElectron;

/** The process as the last-gasp handlers see it, with an `exit` that records. */
class FakeProcess extends EventEmitter {
  exit(_code: number): void {}
}

beforeEach(() => {
  vi.resetModules();
  fake = createFakeElectron();
  vi.doMock('electron', () => fake.electron);
});

const INDEX = '/opt/robokit/resources/app.asar/dist/renderer/index.html';
const APP_URL = 'app://robokit/index.html';

describe('the main window', () => {
  it('is sandboxed: context isolation, no Node, web security, our preload', async () => {
    const { createMainWindow } = await import('../../app/electron/window');
    createMainWindow({ preload: '/opt/robokit/preload.cjs', indexHtml: INDEX });
    const [win] = fake.windows;
    expect(win!.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/robokit/preload.cjs',
    });
    expect(win!.options.webPreferences).not.toHaveProperty('enableRemoteModule');
    // From the app: protocol, never from file:// (where 'self' would be every file on the disk).
    expect(win!.loaded).toBe(APP_URL);
  });

  it('denies navigation away from the app page, redirects, webviews and new windows', async () => {
    const { hardenContents } = await import('../../app/electron/window');
    const contents = new FakeWebContents();
    hardenContents(contents as never, APP_URL);
    const navigate = (url: string) => {
      const event = fakeEvent(url);
      contents.emit('will-navigate', event, url);
      return event.prevented;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(pathToFileURL(INDEX).href)).toBe(true);
    expect(navigate('app://other/index.html')).toBe(true);
    expect(navigate('app://robokit/other.html')).toBe(true);
    expect(navigate('javascript:alert(1)')).toBe(true);
    expect(navigate(`${APP_URL}#/lesson`)).toBe(false);
    const redirect = fakeEvent('https://example.com/');
    contents.emit('will-redirect', redirect, redirect.url);
    expect(redirect.prevented).toBe(true);
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: APP_URL })).toEqual({ action: 'deny' });
  });
});

describe('the session', () => {
  it('denies every permission, cancels remote requests and sets the CSP', async () => {
    const { secureSession, ELECTRON_CSP } = await import('../../app/electron/session-security');
    secureSession(fake.defaultSession as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'serial', 'clipboard-read']) {
      const granted = await new Promise<boolean>((resolve) => fake.permission.request!({}, permission, resolve));
      expect(granted).toBe(false);
    }
    expect(fake.permission.check!({}, 'media')).toBe(false);
    expect(fake.permission.device!({})).toBe(false);
    const cancelled = (url: string) =>
      new Promise<boolean>((resolve) => fake.webRequest.beforeRequest!({ url }, (r) => resolve(r.cancel)));
    expect(await cancelled('https://unpkg.com/blockly/media/sprites.png')).toBe(true);
    expect(await cancelled('http://127.0.0.1:4477/')).toBe(true);
    expect(await cancelled(`${APP_URL}`)).toBe(false);
    expect(await cancelled('app://robokit/assets/main.js')).toBe(false);
    expect(await cancelled(pathToFileURL(INDEX).href)).toBe(true);
    expect(await cancelled('file:///etc/passwd')).toBe(true);
    expect(await cancelled('app://elsewhere/index.html')).toBe(true);
    const headers = await new Promise<unknown>((resolve) =>
      fake.webRequest.headersReceived!({ responseHeaders: { 'X-Other': ['1'] } }, resolve),
    );
    expect(headers).toEqual({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [ELECTRON_CSP] } });
    expect(ELECTRON_CSP).toContain("default-src 'none'");
    expect(ELECTRON_CSP).toMatch(/script-src 'self'(;|$)/);
    const download = fakeEvent();
    fake.defaultSession.emit('will-download', download);
    expect(download.prevented).toBe(true);
  });
});

describe('IPC', () => {
  async function setup() {
    const { registerIpc, trustedSender } = await import('../../app/electron/ipc');
    const { BrowserWindow } = fake.electron;
    const win = new BrowserWindow({});
    const { host } = await makeHost();
    const logged: string[] = [];
    registerIpc(fake.electron.ipcMain as never, host, trustedSender(() => [win as never], APP_URL), createRequestValidator(), (m) =>
      logged.push(m),
    );
    const topFrame = { url: APP_URL, parent: null };
    const invoke = (method: string, args: unknown[], event: Record<string, unknown> = {}) =>
      fake.handlers.get(`robokit:${method}`)!({ sender: win.webContents, senderFrame: topFrame, ...event }, ...args) as Promise<unknown>;
    return { win, host, invoke, logged, topFrame };
  }

  it('registers one handler per API method, and only those', async () => {
    await setup();
    expect([...fake.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `robokit:${m}`).sort());
  });

  it('answers our page', async () => {
    const { invoke } = await setup();
    expect(await invoke('getHostInfo', [])).toEqual({ ok: true, value: { version: 'test', host: 'serve', fileDialogs: false } });
    expect(await invoke('setSettings', [{ locale: 'en' }])).toMatchObject({ ok: true, value: { locale: 'en' } });
  });

  it.each([
    ['another web contents', () => ({ sender: new FakeWebContents() })],
    ['a subframe', () => ({ senderFrame: { url: APP_URL, parent: {} } })],
    ['a remote page', () => ({ senderFrame: { url: 'https://example.com/', parent: null } })],
    ['another local file', () => ({ senderFrame: { url: 'file:///tmp/evil.html', parent: null } })],
    ['our page loaded from file://', () => ({ senderFrame: { url: pathToFileURL(INDEX).href, parent: null } })],
    ['no frame', () => ({ senderFrame: null })],
  ])('refuses a message from %s, without touching the host', async (_what, event) => {
    const { invoke, host, logged } = await setup();
    await expect(invoke('setSettings', [{ locale: 'en' }], event())).rejects.toThrow('refused');
    expect((await host.getSettings()).locale).toBe('fr');
    expect(logged[0]).toMatch(/refused/);
  });

  it('refuses malformed payloads with bad-request', async () => {
    const { invoke, host } = await setup();
    const bad = { ok: false, error: expect.objectContaining({ code: 'bad-request' }) };
    expect(await invoke('setSettings', [{ locale: 'en', admin: true }])).toEqual(bad);
    expect(await invoke('connect', [{ port: 42, profile: 'sim' }])).toEqual(bad);
    expect(await invoke('run', [{ workspace: new Map(), profile: 'sim', target: 'sim' }])).toEqual(bad);
    expect(await invoke('getWorld', [{ id: '../../secret' }])).toEqual(bad);
    expect(await invoke('setSettings', [{ locale: 'en' }, 'extra'])).toEqual(bad);
    expect((await host.getSettings()).locale).toBe('fr');
  });

  it('one nesting limit: a request, a reply or an event too deep for structured clone is refused with the sentence, never sent', async () => {
    const { invoke, host, win } = await setup();
    let deep: unknown = {};
    for (let i = 0; i < 3000; i++) deep = { next: deep };
    const tooDeep = { ok: false, error: expect.objectContaining({ code: 'file-too-deep' }) };
    expect(await invoke('autosave', [{ project: deep }])).toEqual(tooDeep);
    // A reply that would be too deep (the host must never send one): refused here, not cloned.
    host.getHostInfo = async () => deep as never;
    expect(await invoke('getHostInfo', [])).toEqual(tooDeep);
    const { forwardEventsTo } = await import('../../app/electron/ipc');
    const logged: string[] = [];
    forwardEventsTo(host, win.webContents as never, (m) => logged.push(m));
    (host as unknown as { settingsChanged: { fire(v: unknown): void } }).settingsChanged.fire(deep);
    expect(win.webContents.sent).toEqual([]);
    expect(logged).toEqual(['event didChangeSettings nests too deeply to send']);
  });

  it('forwards host events to the window', async () => {
    const { forwardEventsTo } = await import('../../app/electron/ipc');
    const { win, host } = await setup();
    forwardEventsTo(host, win.webContents as never);
    await host.setSettings({ largeText: true });
    expect(win.webContents.sent).toEqual([
      { channel: 'robokit:event', data: { event: 'didChangeSettings', data: expect.objectContaining({ largeText: true }) } },
    ]);
  });
});

describe('the preload', () => {
  it('exposes only the typed bridge as window.robokit', async () => {
    await import('../../app/electron/preload');
    expect(Object.keys(fake.exposed)).toEqual(['robokit']);
    const bridge = fake.exposed.robokit as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('invokes API channels only, and delivers only the named event', async () => {
    await import('../../app/electron/preload');
    const bridge = fake.exposed.robokit as import('../../app/shared/transport-protocol').PreloadBridge;
    await bridge.invoke('listWorlds', undefined);
    await expect(bridge.invoke('__proto__' as never, undefined)).rejects.toThrow('unknown method');
    await expect(bridge.invoke('robokit:event' as never, undefined)).rejects.toThrow('unknown method');
    expect(fake.invoked).toEqual([{ channel: 'robokit:listWorlds', args: [undefined] }]);
    expect(() => bridge.on('ipc' as never, () => {})).toThrow('unknown event');
    const seen: unknown[] = [];
    const off = bridge.on('didChangeRunState', (d) => seen.push(d));
    fake.ipcRendererListeners.emit('robokit:event', {}, { event: 'didChangeRunState', data: 1 });
    fake.ipcRendererListeners.emit('robokit:event', {}, { event: 'didReadSensors', data: 2 });
    off();
    fake.ipcRendererListeners.emit('robokit:event', {}, { event: 'didChangeRunState', data: 3 });
    expect(seen).toEqual([1]);
  });
});

describe('the app', () => {
  async function start(argv: string[] = [], lock = true, proc: FakeProcess = new FakeProcess()) {
    vi.resetModules();
    fake = createFakeElectron({ lock });
    vi.doMock('electron', () => fake.electron);
    const { startElectronApp } = await import('../../app/electron/app');
    const dataDir = await tempDir();
    const paths = { preload: '/opt/robokit/preload.cjs', indexHtml: INDEX };
    return startElectronApp({ paths, dataDir, argv, process: proc });
  }

  it('a failure of the main process stops the robot before the process exits (70); so does SIGTERM (143)', async () => {
    for (const [event, code] of [['uncaughtException', 70], ['SIGTERM', 143]] as const) {
      const proc = new FakeProcess();
      const running = await start([], true, proc);
      const order: string[] = [];
      const lastGasp = running!.host.lastGasp.bind(running!.host);
      running!.host.lastGasp = () => {
        order.push('robot stopped');
        return lastGasp();
      };
      proc.exit = (c: number) => void order.push(`exit ${c}`);
      proc.emit(event, event === 'SIGTERM' ? event : new Error('bug in main'));
      await expect.poll(() => order).toEqual(['robot stopped', `exit ${code}`]);
    }
  });

  it('quits when another instance holds the lock', async () => {
    expect(await start([], false)).toBeNull();
    expect(fake.quits).toHaveLength(1);
    expect(fake.windows).toHaveLength(0);
  });

  it('starts secured: window, IPC, French menus; English when the setting says so', async () => {
    const running = await start();
    expect(running).not.toBeNull();
    expect(fake.windows).toHaveLength(1);
    expect(fake.handlers.size).toBe(METHOD_NAMES.length);
    expect(fake.permission.request).not.toBeNull();
    const labels = (menu: unknown) => (menu as { label: string }[]).map((m) => m.label);
    expect(labels(fake.menus[0])).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
    await running!.host.setSettings({ locale: 'en' });
    expect(labels(fake.menus.at(-1))).toEqual(['File', 'Edit', 'View', 'Help']);
    // Any other web contents created later gets the same rules.
    const other = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, other);
    expect(other.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('opens the project file it was launched with, and focuses on a second launch with a file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'carre.robokit');
    await (await import('node:fs/promises')).copyFile('examples/carre.robokit', file);
    const running = await start(['--no-sandbox', file, 'notes.txt']);
    expect(await running!.host.getStartupProject()).toMatchObject({ fileName: 'carre.robokit', source: 'file' });
    const opened: string[] = [];
    running!.host.onDidOpenProject((o) => opened.push(o.fileName ?? ''));
    fake.app.emit('second-instance', {}, ['/usr/bin/robokit', file]);
    expect(fake.windows[0]!.focused).toBe(1);
    await expect.poll(() => opened).toEqual(['carre.robokit']);
  });

  it('menu commands reach the UI as events', async () => {
    const running = await start();
    const commands: string[] = [];
    running!.host.onDidRequestCommand((c) => commands.push(c));
    const file = (fake.menus[0] as { submenu: { label?: string; click?: () => void }[] }[])[0]!;
    file.submenu.find((i) => i.label === 'Enregistrer')!.click!();
    expect(commands).toEqual(['save']);
  });
});
