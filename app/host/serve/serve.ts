/**
 * `robokit serve`: the renderer over HTTP and the API over a WebSocket at `/api`, on 127.0.0.1
 * only. The printed URL carries a one-time token (see `session-auth.ts` for the exact policy);
 * the WebSocket also requires the server's own Origin, and every request must name the server's
 * own Host (so a DNS-rebinding page gets nothing).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { RobokitApi } from '../../shared/api';
import { createRequestValidator, type RequestValidator } from '../../shared/api-validate';
import { rendererCsp } from '../../shared/csp';
import { createDispatcher } from '../dispatch';
import { WS_SESSION_EVENT, WS_SUBPROTOCOL } from '../../shared/transport-protocol';
import { SessionAuth, presentedSecret } from './session-auth';
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
  /** `http://127.0.0.1:PORT/?token=…` */
  readonly url: string;
  readonly origin: string;
  readonly address: AddressInfo;
  close(): Promise<void>;
}

export async function startServe(options: ServeOptions): Promise<ServeHandle> {
  const auth = new SessionAuth(options.token);
  const logBug = options.logBug ?? ((error: unknown) => console.error('robokit serve:', error));
  const dispatch = createDispatcher(options.api, options.validate ?? createRequestValidator(), logBug);
  const serveStatic = createStaticHandler(options.rendererDir);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(WS_SUBPROTOCOL) ? WS_SUBPROTOCOL : false),
  });
  let live: WebSocket | null = null;
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
    const result = auth.check(presentedSecret(req.headers['sec-websocket-protocol']));
    if (!result.ok) return refuse('401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      live?.close(4001, 'replaced');
      live = ws;
      ws.on('close', () => {
        if (live === ws) live = null;
      });
      ws.on('error', () => ws.terminate());
      // The page keeps this to reconnect after a reload; the token is spent.
      ws.send(JSON.stringify({ event: WS_SESSION_EVENT, data: { resume: auth.resumeSecret } }));
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

  return {
    url: `${origin}/?token=${auth.pendingToken}`,
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
