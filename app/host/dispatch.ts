/**
 * What both transports do with a request: validate it, call the host, and turn any failure into
 * plain `ApiErrorData` (an AppError keeps its code; anything else is logged and becomes
 * `internal-error`, never a stack trace for the pupil).
 */
import { AppError } from '../core/errors';
import {
  EVENT_NAMES,
  eventMethodName,
  type ApiEnvelope,
  type EventName,
  type RobokitApi,
  type Unsubscribe,
} from '../shared/api';
import type { RequestValidator } from '../shared/api-validate';
import { toApiError } from './to-api-error';

export type Dispatch = (method: unknown, params: unknown) => Promise<ApiEnvelope>;

export function createDispatcher(
  api: RobokitApi,
  validate: RequestValidator,
  logBug: (error: unknown) => void = (e) => console.error(e),
): Dispatch {
  return async (method, params) => {
    const request = validate(method, params);
    if (!request.ok) return { ok: false, error: request.error };
    try {
      const fn = api[request.method] as (p?: unknown) => Promise<unknown>;
      const value = await fn.call(api, request.params);
      return { ok: true, value: value ?? null };
    } catch (e) {
      if (!(e instanceof AppError)) logBug(e);
      return { ok: false, error: toApiError(e) };
    }
  };
}

/** Subscribes to every event of the API; returns one function that unsubscribes them all. */
export function forwardEvents(api: RobokitApi, send: (event: EventName, data: unknown) => void): Unsubscribe {
  const subscriptions = EVENT_NAMES.map((event) => {
    const subscribe = api[eventMethodName(event)] as (listener: (data: unknown) => void) => Unsubscribe;
    return subscribe.call(api, (data) => send(event, data));
  });
  return () => {
    for (const unsubscribe of subscriptions) unsubscribe();
  };
}
