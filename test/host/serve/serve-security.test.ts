import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { metaCsp } from '../../../app/shared/csp';
import { startServe, type ServeHandle } from '../../../app/host/serve/serve';
import { MAX_MESSAGE_BYTES } from '../../../app/host/serve/ws-api';
import { chainProjectText } from '../../fixtures/deep-project';
import { makeHost, tempDir } from '../helpers';
import { zipFolder } from '../lessons/zip-folder';

const TOKEN = 'a'.repeat(32);
let serve: ServeHandle | undefined;

afterEach(async () => {
  await serve?.close();
  serve = undefined;
});

async function start() {
  const { host } = await makeHost();
  const root = await tempDir('robokit-renderer-');
  await writeFile(join(root, 'index.html'), '<!doctype html><title>RoboKit</title>');
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(join(root, '.secret'), 'hidden');
  const outside = await tempDir('robokit-outside-');
  await writeFile(join(outside, 'private.txt'), 'private');
  await symlink(join(outside, 'private.txt'), join(root, 'link.txt'));
  serve = await startServe({ api: host, rendererDir: root, port: 0, token: TOKEN, logBug: () => {} });
  return { serve, host, root };
}

function wsUrl(s: ServeHandle) {
  return `ws://127.0.0.1:${s.address.port}/api`;
}

/** Opens a socket; resolves once open, or rejects with the HTTP status of a refusal. */
function open(url: string, opts: { cookie?: string; origin?: string; protocols?: string[] }) {
  const headers = opts.cookie ? { cookie: opts.cookie } : {};
  const ws = new WebSocket(url, opts.protocols ?? ['robokit.v1'], { headers, ...(opts.origin === undefined ? {} : { origin: opts.origin }) });
  return new Promise<WebSocket>((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, message: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>));
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

function get(s: ServeHandle, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: s.address.port, path, headers: { host: `127.0.0.1:${s.address.port}`, ...headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += String(c)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Opens a link as a browser would: returns the `name=value` of the session cookie it was given. */
async function login(s: ServeHandle, path = `/?token=${TOKEN}`): Promise<string> {
  const res = await get(s, path);
  expect(res.status).toBe(303);
  const set = String((res.headers['set-cookie'] as string[] | undefined)?.[0] ?? '');
  return set.split(';')[0]!;
}

describe('robokit serve: the link and the session', () => {
  it('prints a URL on 127.0.0.1 with a 128-bit token', async () => {
    const { host } = await makeHost();
    serve = await startServe({ api: host, rendererDir: await tempDir(), port: 0 });
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{32}$/);
  });

  it('exchanges the token for a same-site, HttpOnly session cookie named after the port, and drops it from the address', async () => {
    const { serve: s } = await start();
    const res = await get(s, `/?token=${TOKEN}&lang=en`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/?lang=en');
    const cookie = String((res.headers['set-cookie'] as string[])[0]);
    expect(cookie).toMatch(new RegExp(`^robokit-session-${s.address.port}=[0-9a-f]{32}; `));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain(TOKEN);
  });

  it('refuses every page and file without the session, and the spent link to anyone without it', async () => {
    const { serve: s } = await start();
    expect((await get(s, '/')).status).toBe(401);
    expect((await get(s, '/assets/app.js')).status).toBe(401);
    expect((await get(s, `/?token=${'b'.repeat(32)}`)).status).toBe(401);
    const cookie = await login(s);
    expect((await get(s, '/', { cookie })).status).toBe(200);
    expect((await get(s, '/assets/app.js', { cookie })).status).toBe(200);
    // Another browser (no cookie) with the spent link: refused, told how to get a new one.
    const spent = await get(s, `/?token=${TOKEN}`);
    expect(spent.status).toBe(401);
    expect(spent.body).toContain('Entrée');
    // The browser that holds the session reopens the printed link: back in.
    const again = await get(s, `/?token=${TOKEN}`, { cookie });
    expect(again.status).toBe(303);
    expect(again.headers['set-cookie']).toBeUndefined();
    // A forged or another port's cookie is nobody.
    expect((await get(s, '/', { cookie: `robokit-session-${s.address.port}=${'c'.repeat(32)}` })).status).toBe(401);
    expect((await get(s, '/', { cookie: cookie.replace(String(s.address.port), '1') })).status).toBe(401);
  });

  it('newLink() gives a second browser its own session; the earlier unused link stops working', async () => {
    const { serve: s } = await start();
    const first = await login(s);
    const unused = new URL(s.newLink());
    const fresh = new URL(s.newLink());
    expect(fresh.searchParams.get('token')).toMatch(/^[0-9a-f]{32}$/);
    expect((await get(s, unused.pathname + unused.search)).status).toBe(401);
    const second = await login(s, fresh.pathname + fresh.search);
    expect(second).not.toBe(first);
    expect((await get(s, '/', { cookie: first })).status).toBe(200);
    expect((await get(s, '/', { cookie: second })).status).toBe(200);
  });
});

describe('robokit serve: the API WebSocket', () => {
  it('answers calls and forwards events to every tab of the session', async () => {
    const { serve: s } = await start();
    const cookie = await login(s);
    const ws = await open(wsUrl(s), { cookie, origin: s.origin });
    const other = await open(wsUrl(s), { cookie, origin: s.origin });
    const reply = await call(ws, { id: 1, method: 'listProfiles' });
    expect((reply.result as { id: string }[]).map((p) => p.id)).toContain('arduino-2wd');
    const messages: Record<string, unknown>[] = [];
    const otherMessages: Record<string, unknown>[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d)) as Record<string, unknown>));
    other.on('message', (d) => otherMessages.push(JSON.parse(String(d)) as Record<string, unknown>));
    ws.send(JSON.stringify({ id: 2, method: 'setSettings', params: { locale: 'en' } }));
    await expect.poll(() => messages.length).toBe(2);
    expect(messages).toContainEqual({ event: 'didChangeSettings', data: expect.objectContaining({ locale: 'en' }) });
    expect(messages).toContainEqual({ id: 2, result: expect.objectContaining({ locale: 'en' }) });
    await expect.poll(() => otherMessages).toContainEqual({ event: 'didChangeSettings', data: expect.objectContaining({ locale: 'en' }) });
    expect((await call(other, { id: 3, method: 'getHostInfo' })).result).toMatchObject({ host: 'serve' });
    ws.close();
    other.close();
  });

  it('refuses a WebSocket without the session, with a forged one, or with the token in the subprotocol', async () => {
    const { serve: s } = await start();
    await expect(open(wsUrl(s), { origin: s.origin })).rejects.toThrow('HTTP 401');
    await expect(open(wsUrl(s), { origin: s.origin, cookie: `robokit-session-${s.address.port}=${TOKEN}` })).rejects.toThrow('HTTP 401');
    await expect(open(wsUrl(s), { origin: s.origin, protocols: ['robokit.v1', `robokit.auth.${TOKEN}`] })).rejects.toThrow('HTTP 401');
  });

  it('refuses another Origin, and no Origin at all, even with the session', async () => {
    const { serve: s } = await start();
    const cookie = await login(s);
    await expect(open(wsUrl(s), { cookie, origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(open(wsUrl(s), { cookie, origin: `http://localhost:${s.address.port}` })).rejects.toThrow('HTTP 403');
    await expect(open(wsUrl(s), { cookie })).rejects.toThrow('HTTP 403');
    (await open(wsUrl(s), { cookie, origin: s.origin })).close();
  });

  it('refuses a WebSocket without the robokit subprotocol', async () => {
    const { serve: s } = await start();
    const cookie = await login(s);
    await expect(open(wsUrl(s), { cookie, protocols: ['chat'], origin: s.origin })).rejects.toThrow('HTTP 401');
  });

  it('answers malformed and invalid messages with bad-request, and keeps serving', async () => {
    const { serve: s } = await start();
    const ws = await open(wsUrl(s), { cookie: await login(s), origin: s.origin });
    const badRequest = { error: expect.objectContaining({ code: 'bad-request' }) };
    expect(await call(ws, 'not json {')).toMatchObject({ id: null, ...badRequest });
    expect(await call(ws, [1, 2])).toMatchObject({ id: null, ...badRequest });
    expect(await call(ws, { id: 1, method: 'rm -rf' })).toMatchObject({ id: 1, ...badRequest });
    expect(await call(ws, { id: 2, method: 'connect', params: { port: 5 } })).toMatchObject({ id: 2, ...badRequest });
    expect(await call(ws, { id: 3, method: 'getWorld', params: { id: '../../etc/passwd' } })).toMatchObject(badRequest);
    expect(await call(ws, { id: 4, method: 'setSettings', params: { locale: 'de' } })).toMatchObject(badRequest);
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    // Deeper than any message may be: the sentence for a file that deep (one nesting limit).
    expect(await call(ws, `{"id":5,"method":"autosave","params":{"project":${deep}}}`)).toMatchObject({ id: 5, error: { code: 'file-too-deep' } });
    expect(await call(ws, { id: 6, method: 'getHostInfo' })).toMatchObject({ id: 6, result: { host: 'serve' } });
    ws.close();
  });

  it('closes a socket that sends an oversized message, and the server lives on', async () => {
    const { serve: s } = await start();
    const cookie = await login(s);
    const ws = await open(wsUrl(s), { cookie, origin: s.origin });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    expect(await closed).toBe(1009);
    const again = await open(wsUrl(s), { cookie, origin: s.origin });
    expect(await call(again, { id: 1, method: 'getHostInfo' })).toMatchObject({ result: { host: 'serve' } });
    again.close();
  });
});

describe('robokit serve: listening', () => {
  it('is bound to 127.0.0.1 only', async () => {
    const { serve: s } = await start();
    expect(s.address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    const reachable = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port: s.address.port });
        socket.setTimeout(1000, () => {
          socket.destroy();
          resolve(false);
        });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
    expect(await reachable('127.0.0.1')).toBe(true);
    // Another loopback address: refused, so the socket is not bound to all interfaces.
    expect(await reachable('127.0.0.2')).toBe(false);
    // This machine's own non-loopback addresses (connections to them stay on this machine).
    const own = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal)
      .map((i) => i!.address);
    for (const address of own) expect(await reachable(address)).toBe(false);
  });

  it('refuses a request naming another Host (DNS rebinding)', async () => {
    const { serve: s } = await start();
    expect((await get(s, '/', { host: `evil.example:${s.address.port}` })).status).toBe(421);
  });
});

/** Writes `text` on a fresh TCP connection; resolves with everything the server answered. */
function raw(s: ServeHandle, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: s.address.port }, () => socket.write(text));
    let answer = '';
    socket.on('data', (d) => (answer += String(d)));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy());
  });
}

describe('robokit serve: requests that do not parse', () => {
  it.each([
    ['a path that reads as an authority', 'GET //a:99999/ HTTP/1.1'],
    ['an absolute URL', 'GET http://127.0.0.1/ HTTP/1.1'],
    ['an asterisk', 'OPTIONS * HTTP/1.1'],
  ])('answers 400 to %s and lives on', async (_what, line) => {
    const { serve: s } = await start();
    const host = `127.0.0.1:${s.address.port}`;
    const status = line.startsWith('OPTIONS') ? 405 : 400;
    expect(await raw(s, `${line}\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    const upgrade = `${line.replace('OPTIONS', 'GET')}\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
      `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: ${s.origin}\r\n\r\n`;
    expect(await raw(s, upgrade)).toMatch(/^HTTP\/1.1 400 /);
    expect((await get(s, '/', { cookie: await login(s) })).status).toBe(200);
  });

  it('answers 400 to a request line that is not HTTP, and lives on', async () => {
    const { serve: s } = await start();
    expect(await raw(s, 'GET / HTTP/1.1\r\nHost: \u0000\r\n\r\n')).toMatch(/^HTTP\/1.1 400 /);
    expect(await raw(s, '\u0016\u0003\u0001\u0000\u00a5\r\n\r\n')).toMatch(/^HTTP\/1.1 400 /);
    expect((await get(s, '/', { cookie: await login(s) })).status).toBe(200);
  });
});

describe('robokit serve: static files', () => {
  it('serves the renderer with its MIME type and a strict CSP', async () => {
    const { serve: s } = await start();
    const cookie = await login(s);
    const index = await get(s, '/', { cookie });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(index.headers['content-security-policy']);
    // The page's <meta> carries the header's own policy (one source), less frame-ancestors.
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(index.body)?.[1];
    expect(meta).toBe(metaCsp(csp));
    expect(meta).toBe(csp.replace("; frame-ancestors 'none'", ''));
    expect(index.headers['content-length']).toBe(String(Buffer.byteLength(index.body)));
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${s.address.port}`);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await get(s, '/assets/app.js', { cookie })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get(s, '/assets/app.css', { cookie })).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it.each([
    '/../package.json',
    '/%2e%2e/%2e%2e/package.json',
    '/assets/..%2f..%2fpackage.json',
    '/..%5c..%5cpackage.json',
    '/%2fetc%2fpasswd',
    '/assets%00.js',
    '/.secret',
    '/link.txt',
    '/assets',
    '/assets/',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    const { serve: s } = await start();
    const res = await get(s, path, { cookie: await login(s) });
    expect(res.status).toBe(404);
    expect(res.body).not.toMatch(/private|hidden|robokit"|root:/);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const { serve: s } = await start();
    const status = await new Promise<number>((resolve) => {
      const req = request(
        { host: '127.0.0.1', port: s.address.port, path: '/', method: 'POST', headers: { host: `127.0.0.1:${s.address.port}` } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end('x');
    });
    expect(status).toBe(405);
  });
});

describe('robokit serve: documents nested too deeply (one nesting limit)', () => {
  it('a 3,000-block chain project is refused with one sentence, by text or as an object, and the server lives', async () => {
    const { serve: s } = await start();
    const ws = await open(wsUrl(s), { cookie: await login(s), origin: s.origin });
    const chain = chainProjectText(3000);
    const tooDeep = { error: expect.objectContaining({ code: 'file-too-deep', messageKey: 'file-too-deep' }) };
    expect(await call(ws, { id: 1, method: 'openProject', params: { from: 'text', text: chain } })).toMatchObject({ id: 1, ...tooDeep });
    // As an object inside the message (what JSON.stringify could not even write): refused unparsed.
    expect(await call(ws, `{"id":2,"method":"autosave","params":{"project":${chain}}}`)).toMatchObject({ id: 2, ...tooDeep });
    expect(await call(ws, `{"id":"trois","method":"run","params":{"workspace":${chain}}}`)).toMatchObject({ id: 'trois', ...tooDeep });
    // One level under the limit still opens, and comes back over the socket.
    const fits = await call(ws, { id: 4, method: 'openProject', params: { from: 'text', text: chainProjectText(490) } });
    expect(fits).toMatchObject({ id: 4, result: { source: 'upload' } });
    expect(await call(ws, { id: 5, method: 'getHostInfo' })).toMatchObject({ id: 5, result: { host: 'serve' } });
    ws.close();
  });

  it('a pack whose starter is a 3,000-block chain is refused with a sentence naming the file, and the server lives', async () => {
    const { serve: s } = await start();
    const ws = await open(wsUrl(s), { cookie: await login(s), origin: s.origin });
    const dir = await tempDir('robokit-deep-pack-');
    await cp('test/fixtures/packs/mini', dir, { recursive: true });
    await writeFile(join(dir, 'projects', 'depart.robokit'), chainProjectText(3000));
    const base64 = (await zipFolder(dir)).toString('base64');
    const reply = await call(ws, { id: 1, method: 'importPack', params: { from: 'bytes', name: 'profond.robokitpack', base64 } });
    expect(reply).toMatchObject({
      id: 1,
      result: { status: 'refused', problems: [{ code: 'pack-project-invalid', severity: 'error', where: 'pack.json → lessons[0].starter' }] },
    });
    const { message } = (reply.result as { problems: { message: { fr: string; en: string } }[] }).problems[0]!;
    expect(message.fr).toBe('pack.json → lessons[0].starter\u00a0: «\u00a0projects/depart.robokit\u00a0» n’est pas un projet RoboKit valide. Ce fichier est trop imbriqué pour être un projet RoboKit.');
    expect(message.en).toContain('This file is nested too deeply to be a RoboKit project.');
    expect((await call(ws, { id: 3, method: 'listLessons' })).result).toEqual(expect.not.arrayContaining([expect.objectContaining({ packId: 'fr.robokit.test-mini' })]));
    expect(await call(ws, { id: 2, method: 'getHostInfo' })).toMatchObject({ id: 2, result: { host: 'serve' } });
    ws.close();
  });
});
