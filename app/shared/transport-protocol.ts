/** Names both sides of each transport agree on. */
import type { ApiEnvelope, EventName, MethodName } from './api';

/** WebSocket (`robokit serve`): our subprotocol (the session itself is a cookie). */
export const WS_SUBPROTOCOL = 'robokit.v1';

/** Electron IPC: one channel per method, one for all events. */
export const IPC_METHOD_PREFIX = 'robokit:';
export const IPC_EVENT_CHANNEL = 'robokit:event';

/** What `app/electron/preload.ts` exposes to the renderer as `window.robokit`, and nothing else. */
export interface PreloadBridge {
  invoke(method: MethodName, params: unknown): Promise<ApiEnvelope>;
  on(event: EventName, listener: (data: unknown) => void): () => void;
}
