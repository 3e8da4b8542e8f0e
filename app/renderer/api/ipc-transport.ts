/**
 * The typed API over Electron IPC, through the object the preload exposes as `window.robokit`.
 * The preload returns envelopes (`{ok, value}` / `{ok: false, error}`) because an error thrown
 * across IPC loses its data; here they become resolved values or `ApiError` rejections.
 */
import { ApiError, type RobokitApi } from '../../shared/api';
import { createApiClient } from '../../shared/api-client';
import type { PreloadBridge } from '../../shared/transport-protocol';

export type { PreloadBridge };

declare global {
  interface Window {
    readonly robokit?: PreloadBridge;
  }
}

export function createIpcApi(bridge: PreloadBridge): RobokitApi {
  return createApiClient({
    call: async (method, params) => {
      const envelope = await bridge.invoke(method, params);
      if (envelope.ok) return envelope.value;
      throw new ApiError(envelope.error);
    },
    subscribe: (event, listener) => bridge.on(event, listener),
  });
}
