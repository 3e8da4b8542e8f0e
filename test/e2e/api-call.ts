/**
 * Calls RoboKit's typed API from inside a page, over `robokit serve`'s WebSocket, as the page's own
 * transport does (same origin, the browser's session cookie, the `robokit.v1` subprotocol): for
 * browser tests that change what the host holds (a workshop session) without going through a screen.
 */
import type { Page } from 'playwright-core';

export async function callApi<T = unknown>(page: Page, method: string, params?: unknown): Promise<T> {
  const answer = await page.evaluate(
    ({ method, params }) =>
      new Promise<{ result?: unknown; error?: unknown }>((resolve, reject) => {
        const socket = new WebSocket(`ws://${location.host}/api`, ['robokit.v1']);
        socket.addEventListener('open', () => socket.send(JSON.stringify({ id: 1, method, params })));
        socket.addEventListener('message', (e) => {
          const message = JSON.parse(String(e.data)) as { id?: number; result?: unknown; error?: unknown };
          if (message.id !== 1) return;
          socket.close();
          resolve(message);
        });
        socket.addEventListener('error', () => reject(new Error('WebSocket failed')));
      }),
    { method, params },
  );
  if (answer.error !== undefined) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
  return answer.result as T;
}
