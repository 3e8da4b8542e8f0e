/**
 * Who may use `robokit serve`.
 *
 * Policy: the printed link carries a one-time token (128 random bits). The first page load that
 * presents it spends it and receives a session cookie (another 128 random bits) that is HttpOnly and
 * SameSite=Strict, named after the port. Every page, file and the API WebSocket then require that
 * cookie, so the same browser may open any number of tabs, close them and come back (the printed
 * link still works there: the cookie is presented with it), while another browser or process
 * holding the spent link gets nothing. `newLink()` issues a fresh one-time token (the terminal
 * prints it when asked), for a second browser or after the browser forgot its cookie; each token
 * spent makes its own session. Sessions live as long as the server process.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { WS_SUBPROTOCOL } from '../../shared/transport-protocol';

export function newSecret(): string {
  return randomBytes(16).toString('hex');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A day: the session itself ends with the server process anyway. */
const COOKIE_MAX_AGE_S = 24 * 60 * 60;

export class SessionAuth {
  private token: string | null;
  private readonly sessions: string[] = [];
  readonly cookieName: string;

  constructor(port: number, token: string = newSecret()) {
    this.token = token;
    // Cookies are shared by every port of a host: the name keeps two servers apart.
    this.cookieName = `robokit-session-${port}`;
  }

  /** The one-time token, while it is unused. */
  get pendingToken(): string | null {
    return this.token;
  }

  /** A fresh one-time token; an earlier unused one stops working. */
  newToken(): string {
    this.token = newSecret();
    return this.token;
  }

  /** Spends the token: a new session secret, or null if `presented` is not the pending token. */
  exchange(presented: string | null | undefined): string | null {
    if (!presented || !this.token || !same(presented, this.token)) return null;
    this.token = null;
    const session = newSecret();
    this.sessions.push(session);
    return session;
  }

  /** True when the request's Cookie header carries a live session. */
  hasSession(cookieHeader: string | undefined): boolean {
    const presented = readCookie(cookieHeader, this.cookieName);
    return presented !== undefined && this.sessions.some((s) => same(presented, s));
  }

  setCookieHeader(session: string): string {
    return `${this.cookieName}=${session}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE_S}`;
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** True when the `Sec-WebSocket-Protocol` header offers our protocol. */
export function offersProtocol(header: string | undefined): boolean {
  return !!header && header.split(',').some((p) => p.trim() === WS_SUBPROTOCOL);
}
