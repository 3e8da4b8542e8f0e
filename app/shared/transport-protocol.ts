/** Names both sides of each transport agree on. */
import type { ApiEnvelope, EventName, MethodName } from './api';

/** WebSocket (`robokit serve`): our subprotocol, and the one that carries the secret. */
export const WS_SUBPROTOCOL = 'robokit.v1';
export const WS_AUTH_PREFIX = 'robokit.auth.';
/** First message on a new connection: `{event: '$session', data: {resume}}`. */
export const WS_SESSION_EVENT = '$session';

/** Electron IPC: one channel per method, one for all events. */
export const IPC_METHOD_PREFIX = 'robokit:';
export const IPC_EVENT_CHANNEL = 'robokit:event';

/** What `app/electron/preload.ts` exposes to the renderer as `window.robokit`, and nothing else. */
export interface PreloadBridge {
  invoke(method: MethodName, params: unknown): Promise<ApiEnvelope>;
  on(event: EventName, listener: (data: unknown) => void): () => void;
}
