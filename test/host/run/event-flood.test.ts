/**
 * What reaches the browser while a `forever` loop without waits plays in the simulator: every
 * WebSocket message of one second of run, through the real `robokit serve` and the real run engine
 * on the wall clock. Before the host held `block` events to one per frame this was 5,000–14,000.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { defaultSeams } from '../../../app/host/default-seams';
import { startServe, type ServeHandle } from '../../../app/host/serve/serve';
import { makeHost, tempDir } from '../helpers';
import { foreverWithoutWaits, increment, move } from './workspaces';

const TOKEN = 'f'.repeat(32);
let serve: ServeHandle | undefined;

afterEach(async () => {
  await serve?.close();
  serve = undefined;
});

interface Message {
  readonly id?: number;
  readonly event?: string;
  readonly data?: { readonly state?: string; readonly event?: { readonly type: string } };
}

describe('a loop without waits, over the WebSocket', () => {
  it('sends about one block event per frame: a bounded number of messages a second', async () => {
    const { host } = await makeHost(defaultSeams());
    serve = await startServe({ api: host, rendererDir: await tempDir('robokit-renderer-'), port: 0, token: TOKEN, logBug: () => {} });
    const login = await fetch(serve.url, { redirect: 'manual' });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const ws = new WebSocket(`ws://127.0.0.1:${serve.address.port}/api`, ['robokit.v1'], { origin: serve.origin, headers: { cookie } });
    const messages: { at: number; message: Message }[] = [];
    ws.on('message', (data) => messages.push({ at: performance.now(), message: JSON.parse(String(data)) as Message }));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));

    const workspace = foreverWithoutWaits(increment('inc'), move('go', 50, 0));
    ws.send(JSON.stringify({ id: 1, method: 'run', params: { workspace, profile: 'sim', target: 'sim', world: 'empty-table' } }));
    await expect.poll(() => messages.some((m) => m.message.data?.state === 'running'), { timeout: 5000 }).toBe(true);
    const from = messages.findIndex((m) => m.message.data?.state === 'running');
    const t0 = messages[from]!.at;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const second = messages.slice(from + 1).filter((m) => m.at <= t0 + 1000).map((m) => m.message);
    ws.send(JSON.stringify({ id: 2, method: 'stop' }));
    await expect.poll(() => messages.some((m) => m.message.data?.state === 'ended'), { timeout: 5000 }).toBe(true);
    ws.close();

    const count = (event: string, type?: string) =>
      second.filter((m) => m.event === event && (type === undefined || m.data?.event?.type === type)).length;
    const blocks = count('didEmitRunEvent', 'block');
    console.log(`1 s of a loop without waits: ${second.length} messages (${blocks} block events, ${count('didUpdateSimulation')} frames, ${count('didReadSensors')} sensor readings)`);
    // Frames and readings at about 33 Hz, and at most one block event with each frame.
    expect(count('didUpdateSimulation')).toBeGreaterThan(5);
    expect(blocks).toBeGreaterThan(5);
    expect(blocks).toBeLessThanOrEqual(count('didUpdateSimulation') + 1);
    // About 100 a second on a quiet machine (205 seen once on a loaded one, frames arriving in bursts);
    // before the fix, 5,000–14,000.
    expect(second.length).toBeLessThan(400);
    // The run's own end is still reported, after the last highlight.
    const ends = messages.filter((m) => m.message.data?.event?.type === 'end');
    expect(ends).toHaveLength(1);
  });
});
