/**
 * The HTTP and WebSocket surface of `robokit serve` under fuzz: the real `robokit serve` in its own
 * process (loopback only), ≥ 20,000 hostile requests and messages from a seeded generator, with and
 * without the token. The server must stay up and keep answering; a crash is the process exiting.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRandom } from '../../../app/core/random';
import { apiMessage, badFrames, goodUpgrade, httpRequest, type Random } from './fuzz-inputs';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const HTTP_REQUESTS = Number(process.env.FUZZ_HTTP ?? 9_500);
const FRAME_CONNECTIONS = Number(process.env.FUZZ_FRAMES ?? 2_000);
const API_MESSAGES = Number(process.env.FUZZ_API ?? 9_000);
const CONCURRENCY = 24;
/** Per connection: a server that stops answering fails the test rather than hanging it. */
const ANSWER_MS = 5_000;

let child: ChildProcess;
let dataDir: string;
let stderr = '';
let port = 0;
let origin = '';
let token = '';
/** `robokit-session-PORT=…`, from spending the token as the page does. */
let cookie = '';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'robokit-fuzz-'));
  child = spawn(process.execPath, ['bin/robokit.js', 'serve', '--port', '0'], {
    env: { ...process.env, ROBOKIT_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = new URL(
    await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`robokit serve exited (${code}): ${stderr}`)));
    }),
  );
  port = Number(url.port);
  origin = url.origin;
  token = url.searchParams.get('token')!;
});

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

const alive = () => child.exitCode === null && child.signalCode === null;

/** Sends bytes on a fresh connection; resolves once the server closed it or answered and went quiet. */
function exchange(bytes: Buffer | readonly Buffer[], options: { endAfter?: boolean; waitMs?: number } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    let quiet: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(quiet);
      clearTimeout(limit);
      socket.destroy();
      resolve(answer);
    };
    const limit = setTimeout(done, options.waitMs ?? ANSWER_MS);
    socket.on('connect', () => {
      for (const b of Array.isArray(bytes) ? bytes : [bytes]) socket.write(b);
      // Half-closed: the server answers what it has and closes, rather than waiting for more.
      if (options.endAfter !== false) socket.end();
    });
    socket.on('data', (d) => {
      answer += d.toString('latin1');
      clearTimeout(quiet);
      quiet = setTimeout(done, 30);
    });
    socket.on('error', done);
    socket.on('close', done);
  });
}

async function inParallel(count: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count && alive()) await job(next++);
    }),
  );
}

/** Spends the printed token as a browser does: the answer sets the session cookie. */
async function spendToken(): Promise<string> {
  const answer = await exchange(Buffer.from(`GET /?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`), { endAfter: false });
  const set = /^Set-Cookie: ([^;\r\n]+)/im.exec(answer)?.[1];
  if (!set) throw new Error(`no session cookie: ${answer.slice(0, 200)}`);
  return set;
}

/** An API socket of the session. */
function openApi(): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api`, ['robokit.v1'], { origin, headers: { Cookie: cookie }, maxPayload: 64 * 1024 * 1024 });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

describe('robokit serve under fuzz', () => {
  it(`survives ≥ 20,000 hostile requests and messages (seed ${SEED}) and still answers`, async () => {
    const random: Random = createRandom(SEED);
    const started = Date.now();
    const statuses = new Map<string, number>();
    const phases: string[] = [];
    const phase = (name: string) => {
      phases.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
      console.log(phases.at(-1));
    };
    // The token is spent first, as the page does; the fuzz then presents it again (spent), the
    // session cookie, broken cookies, or nothing.
    cookie = await spendToken();
    let api = await openApi();

    // 1. HTTP: malformed request lines, targets, headers, bodies; upgrades with and without the token.
    await inParallel(HTTP_REQUESTS, async () => {
      // Mostly half-closed (the server answers what it has); sometimes left open for a while.
      const open = random() < 0.15;
      const answer = await exchange(httpRequest(random, port, origin, cookie), open ? { endAfter: false, waitMs: 300 } : {});
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 'closed';
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
    expect(alive()).toBe(true);
    phase('http');

    // 2. WebSocket frames that break the protocol, on authenticated connections.
    await inParallel(FRAME_CONNECTIONS, async () => {
      await exchange([goodUpgrade(port, origin, cookie), badFrames(random)], { endAfter: false, waitMs: 1000 });
    });
    expect(alive()).toBe(true);
    phase('frames');

    // 3. API messages: random methods and params, not JSON, binary, deep, huge, duplicate keys.
    let replies = 0;
    let closes = 0;
    for (let sent = 0; sent < API_MESSAGES && alive(); ) {
      if (api.readyState !== WebSocket.OPEN) {
        closes++;
        api = await openApi();
      }
      const batch = Math.min(48, API_MESSAGES - sent);
      const answered = new Promise<void>((resolve) => {
        let left = batch;
        const timer = setTimeout(finish, ANSWER_MS);
        function finish() {
          clearTimeout(timer);
          api.off('message', onMessage);
          api.off('close', finish);
          resolve();
        }
        function onMessage(data: WebSocket.RawData) {
          const message = JSON.parse(String(data)) as { id?: unknown };
          if (!('id' in message)) return; // an event
          replies++;
          if (--left === 0) finish();
        }
        api.on('message', onMessage);
        api.on('close', finish);
      });
      const texts: Array<string | Buffer> = [];
      for (let i = 0; i < batch; i++) texts.push(apiMessage(random, sent + i));
      for (const t of texts) api.send(t);
      sent += batch;
      await answered;
    }
    phase('api');
    const took = (Date.now() - started) / 1000;
    const total = HTTP_REQUESTS + FRAME_CONNECTIONS + API_MESSAGES;
    console.log(
      `fuzz: ${total} inputs in ${took.toFixed(1)} s; HTTP answers ${JSON.stringify(Object.fromEntries(statuses))}; ` +
        `API replies ${replies}, sockets closed by the server ${closes}; ${phases.join(', ')}`,
    );

    // Still alive, still answering: the page and the API.
    expect(alive()).toBe(true);
    const page = await exchange(Buffer.from(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`), { endAfter: false });
    expect(page).toMatch(/^HTTP\/1\.1 200 /);
    if (api.readyState !== WebSocket.OPEN) api = await openApi();
    const info = await new Promise<Record<string, unknown>>((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as Record<string, unknown>;
        if (message.id === 'last') {
          api.off('message', onMessage);
          resolve(message);
        }
      };
      api.on('message', onMessage);
      api.send(JSON.stringify({ id: 'last', method: 'getHostInfo' }));
    });
    expect(info.result).toMatchObject({ host: 'serve' });
    api.close();
    expect(total).toBeGreaterThanOrEqual(20_000);
    expect(replies).toBeGreaterThan(API_MESSAGES / 2);
    // What the server logged as a bug (an exception a handler did not expect) is worth reading.
    const bugs = stderr.split('\n').filter((line) => line.startsWith('robokit serve:'));
    if (bugs.length > 0) console.log(`logged by the server: ${[...new Set(bugs)].slice(0, 5).join(' · ')}`);
  }, 240_000);
});
