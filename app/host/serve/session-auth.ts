/**
 * Who may open the API WebSocket of `robokit serve`.
 *
 * Policy: the printed URL carries a one-time token (128 random bits). The first WebSocket upgrade
 * that presents it consumes it and receives a resume secret (128 random bits) that the page keeps
 * in `sessionStorage`, so a reload of the same tab reconnects. The token itself never works again:
 * a second client with the same URL is refused. A connection that presents the resume secret
 * replaces the previous one (one live client at a time).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { WS_AUTH_PREFIX, WS_SUBPROTOCOL } from '../../shared/transport-protocol';

export function newSecret(): string {
  return randomBytes(16).toString('hex');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type AuthResult = { readonly ok: true; readonly firstUse: boolean } | { readonly ok: false };

export class SessionAuth {
  private token: string | null;
  readonly resumeSecret = newSecret();

  constructor(token: string = newSecret()) {
    this.token = token;
  }

  /** The one-time token, while it is unused. */
  get pendingToken(): string | null {
    return this.token;
  }

  /** `presented`: the secret from the `robokit.auth.<secret>` subprotocol. */
  check(presented: string | undefined): AuthResult {
    if (!presented) return { ok: false };
    if (this.token && same(presented, this.token)) {
      this.token = null;
      return { ok: true, firstUse: true };
    }
    if (this.token === null && same(presented, this.resumeSecret)) return { ok: true, firstUse: false };
    return { ok: false };
  }
}

/** Reads the secret out of the `Sec-WebSocket-Protocol` header; requires our protocol too. */
export function presentedSecret(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const protocols = header.split(',').map((p) => p.trim());
  if (!protocols.includes(WS_SUBPROTOCOL)) return undefined;
  const auth = protocols.find((p) => p.startsWith(WS_AUTH_PREFIX));
  return auth?.slice(WS_AUTH_PREFIX.length);
}
