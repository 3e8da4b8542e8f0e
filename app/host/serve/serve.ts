/**
 * `robokit serve`: the renderer over HTTP and the API over a WebSocket at `/api`, on 127.0.0.1
 * only. The printed URL carries a one-time token exchanged for a session cookie (see
 * `session-auth.ts` for the exact policy); every page, file and the WebSocket need that session,
 * the WebSocket also the server's own Origin, and every request must name the server's own Host
 * (so a DNS-rebinding page gets nothing).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RobokitApi } from '../../shared/api';
import { createRequestValidator, type RequestValidator } from '../../shared/api-validate';
import { rendererCsp } from '../../shared/csp';
import { createDispatcher } from '../dispatch';
import { WS_SUBPROTOCOL } from '../../shared/transport-protocol';
import { SessionAuth, offersProtocol } from './session-auth';
import { requestPath } from './request-target';
import { createStaticHandler, send } from './static-files';
import { MAX_MESSAGE_BYTES, serveApiOn } from './ws-api';

export const DEFAULT_PORT = 4477;
const LOOPBACK = '127.0.0.1';

export interface ServeOptions {
  readonly api: RobokitApi;
  /** The built renderer (dist/renderer). */
  readonly rendererDir: string;
  /** 0 picks a free port. Default 4477. */
  readonly port?: number;
  readonly validate?: RequestValidator;
  /** For tests only: a known token instead of a random one. */
  readonly token?: string;
  readonly logBug?: (error: unknown) => void;
}

export interface ServeHandle {
  /** `http://127.0.0.1:PORT/?token=…`: the first link, printed at start. */
  readonly url: string;
  /** A fresh one-time link (for another browser, or one that lost its session). */
  newLink(): string;
  readonly origin: string;
  readonly address: AddressInfo;
  close(): Promise<void>;
}

export async function startServe(options: ServeOptions): Promise<ServeHandle> {
  let auth: SessionAuth | null = null;
  const logBug = options.logBug ?? ((error: unknown) => console.error('robokit serve:', error));
  const dispatch = createDispatcher(options.api, options.validate ?? createRequestValidator(), logBug);
  const serveStatic = createStaticHandler(options.rendererDir);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(WS_SUBPROTOCOL) ? WS_SUBPROTOCOL : false),
  });
  let origin = '';
  let headers: Record<string, string> = {};

  const server: Server = createServer((req, res) => {
    try {
      answer(req, res);
    } catch (error) {
      fail(res, error);
    }
  });
  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.headers.host !== origin.slice('http://'.length)) return send(res, 421, 'Wrong host', 'text/plain', headers);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain', headers);
    const path = requestPath(req.url);
    if (path === null) return send(res, 400, 'Bad request', 'text/plain', headers);
    if (!auth) return send(res, 503, 'Starting', 'text/plain', headers);
    const url = new URL(`http://127.0.0.1${req.url}`);
    const token = url.searchParams.get('token');
    if (token !== null) {
      url.searchParams.delete('token');
      const session = auth.exchange(token);
      if (!session && !auth.hasSession(req.headers.cookie)) return send(res, 401, SPENT_LINK, HTML, headers);
      // The token leaves the address bar (history, bookmarks); the session cookie replaces it.
      const location = url.pathname + url.search;
      res.writeHead(303, { ...headers, Location: location, 'Cache-Control': 'no-store', ...(session ? { 'Set-Cookie': auth.setCookieHeader(session) } : {}) });
      res.end();
      return;
    }
    if (!auth.hasSession(req.headers.cookie)) return send(res, 401, NO_SESSION, HTML, headers);
    if (path === '/api') return send(res, 426, 'Upgrade required', 'text/plain', headers);
    serveStatic(path, req, res, headers).catch((error: unknown) => fail(res, error));
  };
  const fail = (res: ServerResponse, error: unknown): void => {
    logBug(error);
    if (!res.headersSent) send(res, 500, 'Error', 'text/plain', headers);
    else res.destroy();
  };
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node takes its own error listener off an upgraded socket: a reset here must not be unhandled.
    socket.on('error', () => socket.destroy());
    try {
      upgrade(req, socket, head);
    } catch (error) {
      logBug(error);
      socket.destroy();
    }
  });
  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if (req.headers.host !== origin.slice('http://'.length)) return refuse('421 Misdirected Request');
    const path = requestPath(req.url);
    if (path === null) return refuse('400 Bad Request');
    if (path !== '/api') return refuse('404 Not Found');
    if (req.headers.origin !== origin) return refuse('403 Forbidden');
    if (!offersProtocol(req.headers['sec-websocket-protocol'])) return refuse('401 Unauthorized');
    if (!auth?.hasSession(req.headers.cookie)) return refuse('401 Unauthorized');
    // Any number of tabs of the browser that holds the session: each gets the calls and events.
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      serveApiOn(ws, options.api, dispatch, logBug);
    });
  };
  // A malformed request line or header: 400 and close (never an unhandled error).
  server.on('clientError', (_error: Error, socket: Duplex) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? DEFAULT_PORT, host: LOOPBACK, exclusive: true }, () => {
      server.off('error', reject);
      // After listening (too many open files on accept, …): said, never fatal.
      server.on('error', logBug);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  origin = `http://${LOOPBACK}:${address.port}`;
  headers = securityHeaders(`ws://${LOOPBACK}:${address.port}`);
  const ready = new SessionAuth(address.port, options.token);
  auth = ready;

  return {
    url: `${origin}/?token=${ready.pendingToken}`,
    newLink: () => `${origin}/?token=${ready.newToken()}`,
    origin,
    address,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const HTML = 'text/html; charset=utf-8';

function refusal(fr: string, en: string): string {
  return `<!doctype html><html lang="fr"><meta charset="utf-8"><title>RoboKit</title>
<h1>RoboKit</h1><p>${fr}</p><p lang="en">${en}</p></html>`;
}

const NO_SESSION = refusal(
  'Ouvre RoboKit avec le lien affiché par « robokit serve » dans le terminal.',
  'Open RoboKit with the link that "robokit serve" printed in the terminal.',
);
const SPENT_LINK = refusal(
  'Ce lien a déjà servi dans un autre navigateur. Dans le terminal de « robokit serve », appuie sur Entrée : un nouveau lien s’affiche.',
  'This link was already used in another browser. In the terminal running "robokit serve", press Enter: a new link is printed.',
);

function securityHeaders(wsOrigin: string): Record<string, string> {
  return {
    'Content-Security-Policy': rendererCsp({ connectSrc: [wsOrigin] }),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
