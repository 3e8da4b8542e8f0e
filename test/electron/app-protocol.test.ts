/**
 * The renderer over the privileged `app://robokit/` scheme (never file://): only the built
 * renderer folder is served, and the page's CSP <meta> is the session's header policy (one source).
 */
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_URL, appProtocolHandler, registerAppScheme } from '../../app/electron/app-protocol';
import { ELECTRON_CSP } from '../../app/electron/session-security';
import { metaCsp } from '../../app/shared/csp';
import { cspMeta } from '../../app/renderer/vite.config';
import { tempDir } from '../host/helpers';
import { createFakeElectron, type FakeElectron } from './fake-electron';

let fake: FakeElectron;
beforeEach(() => {
  vi.resetModules();
  fake = createFakeElectron();
  vi.doMock('electron', () => fake.electron);
});

const metaOf = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];

async function renderer() {
  const root = await tempDir('robokit-renderer-');
  await writeFile(join(root, 'index.html'), '<!doctype html><html><head><meta charset="utf-8" /><meta http-equiv="Content-Security-Policy" content="default-src *" /></head></html>');
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(join(root, '.env'), 'secret');
  await writeFile(join(root, 'notes.exe'), 'MZ');
  const outside = await tempDir('robokit-outside-');
  await writeFile(join(outside, 'private.txt'), 'private');
  await symlink(join(outside, 'private.txt'), join(root, 'link.txt'));
  return root;
}

describe('the app: protocol', () => {
  it('is registered privileged (standard, secure, fetch) and nothing more', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (s) => void registered.push(...s) });
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the page with the session’s CSP as header and as <meta>, equal; and the renderer’s files', async () => {
    const handle = appProtocolHandler(await renderer(), ELECTRON_CSP);
    const page = await handle(new Request(APP_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(ELECTRON_CSP);
    expect(metaOf(await page.text())).toBe(metaCsp(ELECTRON_CSP));
    expect(metaCsp(ELECTRON_CSP)).toBe(ELECTRON_CSP.replace("; frame-ancestors 'none'", ''));
    const script = await handle(new Request('app://robokit/assets/main.js'));
    expect([script.status, script.headers.get('content-type'), await script.text()]).toEqual([200, 'text/javascript; charset=utf-8', 'console.log(1)']);
  });

  it.each([
    'app://robokit/../package.json',
    'app://robokit/%2e%2e/%2e%2e/etc/passwd',
    'app://robokit/assets/..%2f..%2f.env',
    'app://robokit/.env',
    'app://robokit/link.txt',
    'app://robokit/notes.exe',
    'app://robokit/assets/',
    'app://robokit/missing.js',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s', async (url) => {
    const handle = appProtocolHandler(await renderer(), ELECTRON_CSP);
    const res = await handle(new Request(url));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/secret|private|MZ/);
  });

  it('answers GET and HEAD only', async () => {
    const handle = appProtocolHandler(await renderer(), ELECTRON_CSP);
    expect((await handle(new Request(APP_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handle(new Request(APP_URL, { method: 'HEAD' }));
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it('the app registers the scheme before ready, serves its renderer folder on it and loads the window from it', async () => {
    const root = await renderer();
    const { startElectronApp } = await import('../../app/electron/app');
    await startElectronApp({ paths: { preload: '/opt/robokit/preload.cjs', indexHtml: join(root, 'index.html') }, dataDir: await tempDir(), argv: [], process: new (await import('node:events')).EventEmitter() as never });
    expect(fake.protocols.privileged).toEqual([expect.objectContaining({ scheme: 'app' })]);
    const handler = fake.protocols.handlers.get('app')!;
    expect(metaOf(await (await handler(new Request(APP_URL))).text())).toBe(metaCsp(ELECTRON_CSP));
    expect(fake.windows[0]!.loaded).toBe(APP_URL);
  });
});

describe('the page’s CSP <meta>', () => {
  it('is written by the build from the same source as Electron’s header', async () => {
    const source = await readFile('app/renderer/index.html', 'utf8');
    const transform = cspMeta().transformIndexHtml as (html: string) => string;
    expect(metaOf(transform(source))).toBe(metaCsp(ELECTRON_CSP));
  });
});
