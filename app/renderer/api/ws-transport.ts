/**
 * The typed API over the `robokit serve` WebSocket (`{id, method, params}` → `{id, result|error}`,
 * events `{event, data}`). Authentication follows the server's policy: the first connection
 * presents the one-time token from the page URL; the server answers with a resume secret that
 * survives a reload of the tab (sessionStorage).
 */
import { ApiError, apiError, isApiErrorData, isEventName, type EventName, type RobokitApi } from '../../shared/api';
import { createApiClient } from '../../shared/api-client';
import { WS_AUTH_PREFIX, WS_SESSION_EVENT, WS_SUBPROTOCOL } from '../../shared/transport-protocol';

const RESUME_KEY = 'robokit.resume';

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
  /** Resolves when the socket closes (server stopped, replaced by another tab, network). */
  readonly closed: Promise<{ code: number }>;
  close(): void;
}

export interface WsConnectOptions {
  /** `ws://127.0.0.1:PORT/api` */
  readonly url: string;
  /** The one-time token, or the resume secret of an earlier connection. */
  readonly secret: string;
  readonly open?: (url: string, protocols: string[]) => WebSocketLike;
  /** Called with the resume secret the server hands out. */
  readonly onSession?: (resume: string) => void;
}

export function connectWs(options: WsConnectOptions): Promise<WsConnection> {
  const open = options.open ?? ((url, protocols) => new WebSocket(url, protocols) as unknown as WebSocketLike);
  const socket = open(options.url, [WS_SUBPROTOCOL, `${WS_AUTH_PREFIX}${options.secret}`]);
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
      if (message.event === WS_SESSION_EVENT) options.onSession?.((message.data as { resume: string }).resume);
      else if (isEventName(message.event)) for (const l of listeners.get(message.event) ?? []) l(message.data);
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

/**
 * In the page served by `robokit serve`: takes the token out of the address bar (so it is not kept
 * in history or bookmarks) and connects, or reconnects with the resume secret after a reload.
 */
export function connectFromPage(win: Window = window): Promise<WsConnection> {
  const url = new URL(win.location.href);
  const token = url.searchParams.get('token');
  if (token) {
    url.searchParams.delete('token');
    win.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  const secret = token ?? win.sessionStorage.getItem(RESUME_KEY) ?? '';
  return connectWs({
    url: `ws://${url.host}/api`,
    secret,
    onSession: (resume) => win.sessionStorage.setItem(RESUME_KEY, resume),
  });
}
