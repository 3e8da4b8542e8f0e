/**
 * The renderer is served from `app://robokit/`, a privileged standard scheme, never from file://
 * (where `'self'` in the CSP would match every file on the disk). The handler serves only the
 * built renderer folder — the same path rules as `robokit serve` (no `..`, no dot files, no link
 * out of the folder, known file types only) — with the session's CSP as a header and in the page's
 * `<meta>`, from the same source.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Protocol } from 'electron';
import { withMetaCsp } from '../shared/csp';
import { MIME, resolveStaticPath } from '../host/serve/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'robokit';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Before the app is ready: `app:` is standard (relative URLs, origin) and secure; fetch works on it. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Answers one `app:` request from `rendererDir` only; anything else is 404 (or 405). */
export function appProtocolHandler(rendererDir: string, csp: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' };
    const notFound = () => new Response('Not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain' } });
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
    const file = await resolveStaticPath(rendererDir, url.pathname);
    const type = file ? MIME[extname(file).toLowerCase()] : undefined;
    if (!file || !type) return notFound();
    const bytes = await readFile(file);
    const body = type.startsWith('text/html') ? withMetaCsp(bytes.toString('utf8'), csp) : bytes;
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { ...headers, 'Content-Type': type } });
  };
}

/** After the app is ready: the handler on the default session's protocol. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir, csp));
}
