/**
 * The API over a WebSocket: `{id, method, params}` → `{id, result}` or `{id, error}`; events as
 * `{event, data}`. Messages are bounded in size and nesting (both ways: a reply too deep to
 * serialise becomes a `file-too-deep` error), malformed ones get a `bad-request` error, and the
 * socket is closed if a client floods requests.
 */
import type { RawData, WebSocket } from 'ws';
import type { RobokitApi } from '../../shared/api';
import { apiError, type ApiEnvelope } from '../../shared/api';
import { MESSAGE_NESTING } from '../../core/nesting';
import { jsonDepth } from '../../core/project/json-guard';
import { messageJson } from '../../shared/plain-data';
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
  /** False when the message nests too deeply to go out (one nesting limit, `core/nesting.ts`). */
  const sendJson = (message: unknown): boolean => {
    if (socket.readyState !== socket.OPEN) return true;
    const text = messageJson(message);
    if (text === undefined) return false;
    socket.send(text);
    return true;
  };
  const reply = (id: number | string | null, envelope: ApiEnvelope): void => {
    const sent = sendJson(envelope.ok ? { id, result: envelope.value } : { id, error: envelope.error });
    if (!sent) sendJson({ id, error: apiError('file-too-deep') });
  };

  const unsubscribe = forwardEvents(api, (event, data) => {
    if (DROPPABLE.has(event) && socket.bufferedAmount > DROPPABLE_BACKLOG) return;
    if (!sendJson({ event, data })) logBug(new Error(`event ${event} nests too deeply to send`));
  });
  socket.on('close', unsubscribe);

  const onMessage = (raw: RawData, isBinary: boolean): void => {
    const text = isBinary ? '' : raw.toString();
    if (!isBinary && jsonDepth(text, MESSAGE_NESTING) > MESSAGE_NESTING) {
      // Refused unparsed, with the sentence for a file that deep, to the id the page put first.
      reply(leadingId(text), { ok: false, error: apiError('file-too-deep') });
      return;
    }
    const request = isBinary ? undefined : parseRequest(text);
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

/** The `id` of a message that starts `{"id":…` (as the page's transport writes them), else null. */
function leadingId(text: string): number | string | null {
  const match = /^\s*\{\s*"id"\s*:\s*(?:(\d{1,15})|"([\w.:-]{0,64})")\s*,/.exec(text.slice(0, 100));
  if (!match) return null;
  return match[1] !== undefined ? Number(match[1]) : match[2]!;
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
