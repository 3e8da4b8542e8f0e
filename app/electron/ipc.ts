/**
 * One `ipcMain.handle` per API method. Each checks who sends (one of our windows' top frame, showing our
 * renderer page) and what (the method's schema), then calls the host. Events go to the window.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { forwardEvents, createDispatcher } from '../host/dispatch';
import { METHOD_NAMES, apiError, type ApiEnvelope, type RobokitApi, type Unsubscribe } from '../shared/api';
import type { RequestValidator } from '../shared/api-validate';
import { fitsMessage } from '../shared/plain-data';
import { IPC_EVENT_CHANNEL, IPC_METHOD_PREFIX } from '../shared/transport-protocol';
import { isAppUrl } from './app-url';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** `getWindows`: the app's own windows (the main one, the projector view when open). */
export function trustedSender(getWindows: () => readonly (BrowserWindow | null)[], appUrl: string): SenderCheck {
  return (event) => {
    const win = getWindows().find((w) => w !== null && !w.isDestroyed() && event.sender === w.webContents);
    const frame = event.senderFrame;
    if (!win) return false;
    if (!frame || frame.parent !== null) return false;
    return isAppUrl(frame.url, appUrl);
  };
}

export function registerIpc(
  ipcMain: IpcMain,
  api: RobokitApi,
  isTrusted: SenderCheck,
  validate: RequestValidator,
  log: (message: string, error?: unknown) => void = (m, e) => console.error(m, e ?? ''),
): Unsubscribe {
  const dispatch = createDispatcher(api, validate, (e) => log('RoboKit host error', e));
  for (const method of METHOD_NAMES) {
    ipcMain.handle(`${IPC_METHOD_PREFIX}${method}`, (event, ...args: unknown[]): Promise<ApiEnvelope> => {
      if (!isTrusted(event)) {
        log(`IPC ${method} refused: untrusted sender ${event.senderFrame?.url ?? '(no frame)'}`);
        return Promise.reject(new Error('refused'));
      }
      if (args.length > 1) return Promise.resolve({ ok: false, error: apiError('bad-request', { method }) });
      // Structured clone overflows on a deep enough reply: checked first (one nesting limit).
      return dispatch(method, args[0]).then((envelope) =>
        fitsMessage(envelope) ? envelope : { ok: false as const, error: apiError('file-too-deep') },
      );
    });
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(`${IPC_METHOD_PREFIX}${method}`);
  };
}

export function forwardEventsTo(
  api: RobokitApi,
  contents: WebContents,
  log: (message: string) => void = (m) => console.error(m),
): Unsubscribe {
  return forwardEvents(api, (event, data) => {
    const message = { event, data };
    if (!fitsMessage(message)) return log(`event ${event} nests too deeply to send`);
    if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, message);
  });
}
