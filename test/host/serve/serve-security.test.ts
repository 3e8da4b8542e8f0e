import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServe, type ServeHandle } from '../../../app/host/serve/serve';
import { MAX_MESSAGE_BYTES } from '../../../app/host/serve/ws-api';
import { makeHost, tempDir } from '../helpers';

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

/** Opens a socket; resolves with the first message, or rejects with the HTTP status of a refusal. */
function open(url: string, opts: { secret?: string; origin?: string; protocols?: string[] }) {
  const protocols = opts.protocols ?? ['robokit.v1', ...(opts.secret ? [`robokit.auth.${opts.secret}`] : [])];
  const ws = new WebSocket(url, protocols, opts.origin === undefined ? {} : { origin: opts.origin });
  return new Promise<{ ws: WebSocket; first: Record<string, unknown> }>((resolve, reject) => {
    ws.once('message', (data) => resolve({ ws, first: JSON.parse(String(data)) as Record<string, unknown> }));
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
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
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

describe('robokit serve: the API WebSocket', () => {
  it('prints a URL on 127.0.0.1 with a 128-bit token', async () => {
    const { host } = await makeHost();
    serve = await startServe({ api: host, rendererDir: await tempDir(), port: 0 });
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{32}$/);
  });

  it('answers calls and forwards events to the client that presented the token', async () => {
    const { serve: s } = await start();
    const { ws, first } = await open(wsUrl(s), { secret: TOKEN, origin: s.origin });
    expect(first.event).toBe('$session');
    const reply = await call(ws, { id: 1, method: 'listProfiles' });
    expect((reply.result as { id: string }[]).map((p) => p.id)).toContain('arduino-2wd');
    const messages: Record<string, unknown>[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d)) as Record<string, unknown>));
    ws.send(JSON.stringify({ id: 2, method: 'setSettings', params: { locale: 'en' } }));
    await expect.poll(() => messages.length).toBe(2);
    expect(messages).toContainEqual({ event: 'didChangeSettings', data: expect.objectContaining({ locale: 'en' }) });
    expect(messages).toContainEqual({ id: 2, result: expect.objectContaining({ locale: 'en' }) });
    ws.close();
  });

  it('refuses a WebSocket without a token', async () => {
    const { serve: s } = await start();
    await expect(open(wsUrl(s), { origin: s.origin })).rejects.toThrow('HTTP 401');
  });

  it('refuses a wrong token', async () => {
    const { serve: s } = await start();
    await expect(open(wsUrl(s), { secret: 'b'.repeat(32), origin: s.origin })).rejects.toThrow('HTTP 401');
  });

  it('refuses the token once used; the resume secret reconnects (a reload) and replaces the old socket', async () => {
    const { serve: s } = await start();
    const { ws, first } = await open(wsUrl(s), { secret: TOKEN, origin: s.origin });
    await expect(open(wsUrl(s), { secret: TOKEN, origin: s.origin })).rejects.toThrow('HTTP 401');
    const resume = (first.data as { resume: string }).resume;
    expect(resume).toMatch(/^[0-9a-f]{32}$/);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const second = await open(wsUrl(s), { secret: resume, origin: s.origin });
    expect(await closed).toBe(4001);
    expect((await call(second.ws, { id: 1, method: 'getHostInfo' })).result).toMatchObject({ host: 'serve' });
    second.ws.close();
  });

  it('refuses another Origin, and no Origin at all, even with the right token', async () => {
    const { serve: s } = await start();
    await expect(open(wsUrl(s), { secret: TOKEN, origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(open(wsUrl(s), { secret: TOKEN, origin: `http://localhost:${s.address.port}` })).rejects.toThrow('HTTP 403');
    await expect(open(wsUrl(s), { secret: TOKEN })).rejects.toThrow('HTTP 403');
    // The refused attempts did not spend the token.
    const { ws } = await open(wsUrl(s), { secret: TOKEN, origin: s.origin });
    ws.close();
  });

  it('refuses a WebSocket without the robokit subprotocol', async () => {
    const { serve: s } = await start();
    await expect(open(wsUrl(s), { protocols: [`robokit.auth.${TOKEN}`], origin: s.origin })).rejects.toThrow('HTTP 401');
  });

  it('answers malformed and invalid messages with bad-request, and keeps serving', async () => {
    const { serve: s } = await start();
    const { ws } = await open(wsUrl(s), { secret: TOKEN, origin: s.origin });
    const badRequest = { error: expect.objectContaining({ code: 'bad-request' }) };
    expect(await call(ws, 'not json {')).toMatchObject({ id: null, ...badRequest });
    expect(await call(ws, [1, 2])).toMatchObject({ id: null, ...badRequest });
    expect(await call(ws, { id: 1, method: 'rm -rf' })).toMatchObject({ id: 1, ...badRequest });
    expect(await call(ws, { id: 2, method: 'connect', params: { port: 5 } })).toMatchObject({ id: 2, ...badRequest });
    expect(await call(ws, { id: 3, method: 'getWorld', params: { id: '../../etc/passwd' } })).toMatchObject(badRequest);
    expect(await call(ws, { id: 4, method: 'setSettings', params: { locale: 'de' } })).toMatchObject(badRequest);
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(await call(ws, `{"id":5,"method":"autosave","params":{"project":${deep}}}`)).toMatchObject(badRequest);
    expect(await call(ws, { id: 6, method: 'getHostInfo' })).toMatchObject({ id: 6, result: { host: 'serve' } });
    ws.close();
  });

  it('closes a socket that sends an oversized message, and the server lives on', async () => {
    const { serve: s } = await start();
    const { ws, first } = await open(wsUrl(s), { secret: TOKEN, origin: s.origin });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    expect(await closed).toBe(1009);
    const again = await open(wsUrl(s), { secret: (first.data as { resume: string }).resume, origin: s.origin });
    expect(await call(again.ws, { id: 1, method: 'getHostInfo' })).toMatchObject({ result: { host: 'serve' } });
    again.ws.close();
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
    expect((await get(s, '/')).status).toBe(200);
  });

  it('answers 400 to a request line that is not HTTP, and lives on', async () => {
    const { serve: s } = await start();
    expect(await raw(s, 'GET / HTTP/1.1\r\nHost: \u0000\r\n\r\n')).toMatch(/^HTTP\/1.1 400 /);
    expect(await raw(s, '\u0016\u0003\u0001\u0000\u00a5\r\n\r\n')).toMatch(/^HTTP\/1.1 400 /);
    expect((await get(s, '/')).status).toBe(200);
  });
});

describe('robokit serve: static files', () => {
  it('serves the renderer with its MIME type and a strict CSP', async () => {
    const { serve: s } = await start();
    const index = await get(s, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(index.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${s.address.port}`);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await get(s, '/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get(s, '/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
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
    const res = await get(s, path);
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
