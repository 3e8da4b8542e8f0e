/**
 * Builds the typed `RobokitApi` over any transport that can call a method by name and subscribe to
 * an event by name. Both transports (Electron IPC, loopback WebSocket) are a few lines on top.
 */
import {
  EVENT_NAMES,
  METHOD_NAMES,
  eventMethodName,
  type EventName,
  type MethodName,
  type RobokitApi,
  type Unsubscribe,
} from './api';

export interface ApiTransport {
  /** Resolves with the result, or rejects with an `ApiError`. */
  call(method: MethodName, params: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (data: unknown) => void): Unsubscribe;
}

export function createApiClient(transport: ApiTransport): RobokitApi {
  const client: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    client[method] = (params?: unknown) => transport.call(method, params);
  }
  for (const event of EVENT_NAMES) {
    client[eventMethodName(event)] = (listener: (data: unknown) => void) => transport.subscribe(event, listener);
  }
  return client as unknown as RobokitApi;
}
