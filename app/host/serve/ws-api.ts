/**
 * The API over a WebSocket: `{id, method, params}` → `{id, result}` or `{id, error}`; events as
 * `{event, data}`. Messages are bounded in size, malformed ones get a `bad-request` error, and the
 * socket is closed if a client floods requests.
 */
import type { RawData, WebSocket } from 'ws';
import type { RobokitApi } from '../../shared/api';
import { apiError, type ApiEnvelope } from '../../shared/api';
import { forwardEvents, type Dispatch } from '../dispatch';

export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
const MAX_IN_FLIGHT = 64;
/** Past this much unsent data, simulator frames and sensor readings are dropped (the next ones follow). */
const DROPPABLE_BACKLOG = 1024 * 1024;
const DROPPABLE = new Set(['didUpdateSimulation', 'didReadSensors']);

export function serveApiOn(
  socket: WebSocket,
  api: RobokitApi,
  dispatch: Dispatch,
  logBug: (error: unknown) => void = (e) => console.error(e),
): void {
  let inFlight = 0;
  const sendJson = (message: unknown): boolean => {
    if (socket.readyState !== socket.OPEN) return true;
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch (error) {
      logBug(error);
      return false;
    }
    socket.send(text);
    return true;
  };
  const reply = (id: number | string | null, envelope: ApiEnvelope): void => {
    const sent = sendJson(envelope.ok ? { id, result: envelope.value } : { id, error: envelope.error });
    if (!sent) sendJson({ id, error: apiError('internal-error') });
  };

  const unsubscribe = forwardEvents(api, (event, data) => {
    if (DROPPABLE.has(event) && socket.bufferedAmount > DROPPABLE_BACKLOG) return;
    sendJson({ event, data });
  });
  socket.on('close', unsubscribe);

  const onMessage = (raw: RawData, isBinary: boolean): void => {
    const request = isBinary ? undefined : parseRequest(raw.toString());
    if (!request) {
      reply(null, { ok: false, error: apiError('bad-request', { method: '' }) });
      return;
    }
    if (++inFlight > MAX_IN_FLIGHT) {
      socket.close(1008, 'too many requests');
      return;
    }
    dispatch(request.method, request.params)
      .then((envelope) => {
        inFlight--;
        reply(request.id, envelope);
      })
      .catch((error: unknown) => {
        logBug(error);
        socket.terminate();
      });
  };
  socket.on('message', (raw, isBinary) => {
    try {
      onMessage(raw, isBinary);
    } catch (error) {
      logBug(error);
      socket.terminate();
    }
  });
}

interface Request {
  readonly id: number | string;
  readonly method: unknown;
  readonly params: unknown;
}

function parseRequest(text: string): Request | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const { id, method, params } = data as Record<string, unknown>;
  const idOk = (typeof id === 'number' && Number.isSafeInteger(id)) || (typeof id === 'string' && id.length <= 64);
  if (!idOk || typeof method !== 'string') return undefined;
  return { id: id as number | string, method, params };
}
