/**
 * Serves the built renderer (dist/renderer/) read-only: GET and HEAD, known file types only, no
 * directory listing, no dot files, nothing outside the folder (`..`, encoded or not, and symbolic
 * links that point out are refused).
 */
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { withMetaCsp } from '../../shared/csp';

/** The file types served (by `robokit serve` and Electron's `app:` protocol); anything else is 404. */
export const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.cur': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

const NOT_BUILT = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>RoboKit</title>
<p>L’interface de RoboKit n’est pas encore construite : lance « npm run build ».</p>
<p lang="en">RoboKit’s interface is not built yet: run "npm run build".</p></html>`;

export type StaticHandler = (
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
) => Promise<void>;

/** Maps a request path to a file inside `root`, or null if it may not be served. */
export async function resolveStaticPath(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p !== '');
  if (parts.some((p) => p === '..' || p.startsWith('.'))) return null;
  const wanted = parts.length === 0 ? 'index.html' : parts.join(sep);
  let realRoot: string;
  let real: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(join(realRoot, wanted));
  } catch {
    return null;
  }
  const rel = relative(realRoot, real);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  const info = await stat(real).catch(() => null);
  return info?.isFile() ? real : null;
}

export function createStaticHandler(root: string): StaticHandler {
  return async (path, req, res, headers) => {
    const file = await resolveStaticPath(root, path);
    const type = file ? MIME[extname(file).toLowerCase()] : undefined;
    if (!file || !type) {
      if (path === '/' || path === '/index.html') return send(res, 200, NOT_BUILT, 'text/html; charset=utf-8', headers);
      return send(res, 404, 'Not found', 'text/plain; charset=utf-8', headers);
    }
    if (type.startsWith('text/html')) {
      // The page's CSP <meta> from the same policy as this response's header (one source).
      const csp = headers['Content-Security-Policy'];
      const html = await readFile(file, 'utf8');
      const body = csp ? withMetaCsp(html, csp) : html;
      res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const size = (await stat(file)).size;
    res.writeHead(200, {
      ...headers,
      'Content-Type': type,
      'Content-Length': String(size),
      'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };
}

export function send(
  res: ServerResponse,
  status: number,
  body: string,
  type: string,
  headers: Record<string, string>,
): void {
  res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}
