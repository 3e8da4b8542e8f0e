import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServe, type ServeHandle } from '../../../app/host/serve/serve';
import { createIpcApi } from '../../../app/renderer/api/ipc-transport';
import { connectWs, type WebSocketLike } from '../../../app/renderer/api/ws-transport';
import { ApiError, type Settings } from '../../../app/shared/api';
import { makeHost, tempDir } from '../helpers';

let serve: ServeHandle | undefined;
afterEach(async () => {
  await serve?.close();
  serve = undefined;
});

async function start() {
  const { host } = await makeHost();
  serve = await startServe({ api: host, rendererDir: await tempDir(), port: 0, logBug: () => {} });
  const origin = serve.origin;
  const cookie = await sessionCookie(serve.url);
  const open = (url: string, protocols: string[]) => new WebSocket(url, protocols, { origin, headers: { cookie } }) as unknown as WebSocketLike;
  const stranger = (url: string, protocols: string[]) => new WebSocket(url, protocols, { origin }) as unknown as WebSocketLike;
  return { host, open, stranger, url: `ws://127.0.0.1:${serve.address.port}/api` };
}

/** Opens the printed link as a browser would, and keeps the session cookie it gets. */
async function sessionCookie(link: string): Promise<string> {
  const res = await fetch(link, { redirect: 'manual' });
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

describe('the WebSocket transport (browser side)', () => {
  it('calls methods, receives events, and rejects with the host’s error data', async () => {
    const { open, url } = await start();
    const connection = await connectWs({ url, open });
    const { api } = connection;
    expect((await api.listWorlds()).map((w) => w.id)).toContain('line-track');
    const seen: Settings[] = [];
    api.onDidChangeSettings((s) => seen.push(s));
    await api.setSettings({ highContrast: true });
    await expect.poll(() => seen.length).toBe(1);
    const error = await api.getWorld({ id: 'moon' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).data).toMatchObject({ code: 'unknown-world', params: { world: 'moon' } });
    connection.close();
    expect((await connection.closed).code).toBe(1005);
    const again = await connectWs({ url, open });
    expect((await again.api.getSettings()).highContrast).toBe(true);
    again.close();
  });

  it('fails to connect without the session', async () => {
    const { stranger, url } = await start();
    await expect(connectWs({ url, open: stranger })).rejects.toThrow(/closed before opening/);
  });
});

describe('the IPC transport (browser side)', () => {
  it('unwraps envelopes into results and ApiError rejections', async () => {
    const calls: unknown[] = [];
    const api = createIpcApi({
      invoke: async (method, params) => {
        calls.push([method, params]);
        return method === 'stop'
          ? { ok: false, error: { code: 'no-run', messageKey: 'no-run', params: {} } }
          : { ok: true, value: [] };
      },
      on: (_event, listener) => {
        listener('x');
        return () => {};
      },
    });
    expect(await api.listPorts()).toEqual([]);
    await expect(api.stop()).rejects.toMatchObject({ data: { code: 'no-run' } });
    const got: unknown[] = [];
    api.onDidChangeConnection((s) => got.push(s));
    expect(got).toEqual(['x']);
    expect(calls).toEqual([['listPorts', undefined], ['stop', undefined]]);
  });
});
