/** Test helpers for the host: a temporary data folder, a HostService wired like the real ones, and `robokit serve` in front of it. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import { createHostService, type HostSeams } from '../../app/host/create-host';
import { defaultSeams } from '../../app/host/default-seams';
import type { WallClock } from '../../app/host/run/run-engine';
import { startServe, type ServeHandle } from '../../app/host/serve/serve';
import { connectWs, type WebSocketLike, type WsConnection } from '../../app/renderer/api/ws-transport';
import type { RobokitApi } from '../../app/shared/api';

const made: string[] = [];
const serving: ServeHandle[] = [];

export async function tempDir(prefix = 'robokit-host-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  for (const serve of serving.splice(0)) await serve.close();
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A wall clock far ahead of any simulated time: simulated runs play without waiting. */
export const instantWall: WallClock = {
  now: (() => {
    let t = 0;
    return () => (t += 1_000_000);
  })(),
  setTimeout: (fn, ms) => setTimeout(fn, Math.min(ms, 1)),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  sleep: () => Promise.resolve(),
};

export async function makeHost(seams: HostSeams = defaultSeams({ wall: instantWall }), dataDir?: string) {
  const dir = dataDir ?? (await tempDir());
  const host = createHostService({
    dataDir: dir,
    info: { version: 'test', host: 'serve', fileDialogs: false },
    seams,
    timers: { delay: () => Promise.resolve() },
  });
  return { host, dataDir: dir };
}

/**
 * `robokit serve` for `api` on a free port (closed after the test), and `connect()`: a browser tab's
 * typed API over its WebSocket, holding the session cookie the printed link gives.
 */
export async function serveApi(api: RobokitApi): Promise<{ serve: ServeHandle; connect: () => Promise<WsConnection> }> {
  const serve = await startServe({ api, rendererDir: await tempDir(), port: 0, logBug: () => {} });
  serving.push(serve);
  const res = await fetch(serve.url, { redirect: 'manual' });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const open = (url: string, protocols: string[]) => new WebSocket(url, protocols, { origin: serve.origin, headers: { cookie } }) as unknown as WebSocketLike;
  const url = `ws://127.0.0.1:${serve.address.port}/api`;
  return { serve, connect: () => connectWs({ url, open }) };
}
