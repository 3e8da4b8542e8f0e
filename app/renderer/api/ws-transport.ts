/**
 * The typed API over the `robokit serve` WebSocket (`{id, method, params}` → `{id, result|error}`,
 * events `{event, data}`). Authentication is the server's: the page was loaded with the session
 * cookie that the one-time link gave this browser, and the socket presents it (same origin).
 */
import { ApiError, apiError, isApiErrorData, isEventName, type EventName, type RobokitApi } from '../../shared/api';
import { createApiClient } from '../../shared/api-client';
import { WS_SUBPROTOCOL } from '../../shared/transport-protocol';

/** The part of the DOM WebSocket this transport uses (so tests can pass the `ws` package's). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'close', listener: (e: { code: number }) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
}

export interface WsConnection {
  readonly api: RobokitApi;
  /** Resolves when the socket closes (server stopped, network). */
  readonly closed: Promise<{ code: number }>;
  close(): void;
}

export interface WsConnectOptions {
  /** `ws://127.0.0.1:PORT/api` */
  readonly url: string;
  readonly open?: (url: string, protocols: string[]) => WebSocketLike;
}

export function connectWs(options: WsConnectOptions): Promise<WsConnection> {
  const open = options.open ?? ((url, protocols) => new WebSocket(url, protocols) as unknown as WebSocketLike);
  const socket = open(options.url, [WS_SUBPROTOCOL]);
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const listeners = new Map<EventName, Set<(data: unknown) => void>>();
  let nextId = 1;

  // A failed handshake fires 'error' then 'close'; 'close' settles everything.
  socket.addEventListener('error', () => {});
  const closed = new Promise<{ code: number }>((resolve) => {
    socket.addEventListener('close', (e) => {
      for (const call of pending.values()) call.reject(new ApiError(apiError('internal-error')));
      pending.clear();
      resolve({ code: e.code });
    });
  });

  socket.addEventListener('message', (e) => {
    if (typeof e.data !== 'string') return;
    const message = JSON.parse(e.data) as Record<string, unknown>;
    if (typeof message.event === 'string') {
      if (isEventName(message.event)) for (const l of listeners.get(message.event) ?? []) l(message.data);
      return;
    }
    const call = typeof message.id === 'number' ? pending.get(message.id) : undefined;
    if (!call) return;
    pending.delete(message.id as number);
    if ('result' in message) call.resolve(message.result);
    else call.reject(new ApiError(isApiErrorData(message.error) ? message.error : apiError('internal-error')));
  });

  const api = createApiClient({
    call: (method, params) =>
      new Promise((resolve, reject) => {
        if (socket.readyState !== 1) return reject(new ApiError(apiError('internal-error')));
        const id = nextId++;
        pending.set(id, { resolve, reject });
        socket.send(JSON.stringify(params === undefined ? { id, method } : { id, method, params }));
      }),
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  });

  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve({ api, closed, close: () => socket.close() }));
    void closed.then(({ code }) => reject(new Error(`WebSocket closed before opening (${code})`)));
  });
}

/** In the page served by `robokit serve` (the server already took the link's token out of the address). */
export function connectFromPage(win: Window = window): Promise<WsConnection> {
  return connectWs({ url: `ws://${win.location.host}/api` });
}
