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
  const token = new URL(serve.url).searchParams.get('token')!;
  const origin = serve.origin;
  const open = (url: string, protocols: string[]) => new WebSocket(url, protocols, { origin }) as unknown as WebSocketLike;
  return { host, token, open, url: `ws://127.0.0.1:${serve.address.port}/api` };
}

describe('the WebSocket transport (browser side)', () => {
  it('calls methods, receives events, and rejects with the host’s error data', async () => {
    const { token, open, url } = await start();
    let resume = '';
    const connection = await connectWs({ url, secret: token, open, onSession: (r) => (resume = r) });
    const { api } = connection;
    expect((await api.listWorlds()).map((w) => w.id)).toContain('line-track');
    const seen: Settings[] = [];
    api.onDidChangeSettings((s) => seen.push(s));
    await api.setSettings({ highContrast: true });
    await expect.poll(() => seen.length).toBe(1);
    const error = await api.getWorld({ id: 'moon' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).data).toMatchObject({ code: 'unknown-world', params: { world: 'moon' } });
    expect(resume).toMatch(/^[0-9a-f]{32}$/);
    connection.close();
    expect((await connection.closed).code).toBe(1005);
    const again = await connectWs({ url, secret: resume, open });
    expect((await again.api.getSettings()).highContrast).toBe(true);
    again.close();
  });

  it('fails to connect with a spent token', async () => {
    const { token, open, url } = await start();
    (await connectWs({ url, secret: token, open })).close();
    await expect(connectWs({ url, secret: token, open })).rejects.toThrow(/closed before opening/);
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
