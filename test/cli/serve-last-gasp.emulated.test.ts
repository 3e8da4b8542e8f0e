/**
 * `robokit serve` driving the emulated Uno (real StandardFirmata behind a pty): a bug kills the
 * server's event loop while a program floods the motors; the last gasp leaves motors 0 on the
 * board, and the process exits 70.
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import { tempDir } from '../host/helpers';
import { startRobokit } from './robokit';

let uno: EmulatedUno;

beforeAll(async () => {
  uno = await startEmulatedUno();
  await uno.waitFor(() => uno.emulatedMs() > 2500, 15_000);
}, 30_000);

afterAll(async () => {
  await uno?.stop();
});

/** One API call over the socket; resolves with the reply of that id. */
function call(ws: WebSocket, id: number, method: string, params?: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      if (message.id !== id) return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, params }));
  });
}

describe('robokit serve on the emulated Uno', () => {
  it('an uncaught exception in the server mid-run: motors 0 on the board, exit 70', async () => {
    const run = startRobokit(['serve', '--port', '0', '--robot-port', uno.path], {
      nodeArgs: ['--import', './test/fixtures/inject-failure.mjs'],
      env: { ROBOKIT_DATA_DIR: await tempDir('robokit-serve-gasp-') },
    });
    const url = new URL(await new Promise<string>((resolve) => createInterface({ input: run.child.stdout! }).once('line', resolve)));
    // Spend the token as the page does, then open the API with the session cookie.
    const login = await fetch(url, { redirect: 'manual' });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const ws = new WebSocket(`ws://${url.host}/api`, ['robokit.v1'], { origin: url.origin, headers: { cookie } });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const ports = (await call(ws, 1, 'listPorts')).result as { path: string }[];
    expect(ports.map((p) => p.path)).toContain(uno.path);
    expect(await call(ws, 2, 'connect', { port: uno.path, profile: 'arduino-2wd' })).toMatchObject({ result: { state: 'ready' } });
    const project = JSON.parse(await readFile('examples/toujours.robokit', 'utf8')) as { workspace: unknown };
    expect(await call(ws, 3, 'run', { workspace: project.workspace, profile: 'arduino-2wd', target: 'robot' })).toMatchObject({ result: { started: true } });
    await uno.waitFor(() => uno.pwm(5) > 0 && uno.pwm(6) > 0, 15_000);

    run.child.kill('SIGUSR2');
    const r = await run.done;
    expect(r.code).toBe(70);
    expect(r.stderr).toContain('injected failure');
    expect(r.stderr).toMatch(/le robot a été arrêté/);
    // The process is gone: what the board applies now was written before it exited.
    await uno.waitFor(() => uno.pwm(5) === 0 && uno.pwm(6) === 0, 5000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([uno.pwm(5), uno.pwm(6)]).toEqual([0, 0]);
  }, 60_000);
});
