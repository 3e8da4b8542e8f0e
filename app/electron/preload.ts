/**
 * The preload (sandboxed): exposes the typed API bridge as `window.robokit`, and nothing else —
 * no ipcRenderer, no way to name a channel that is not an API method.
 */
import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import { isEventName, isMethodName } from '../shared/api';
import { IPC_EVENT_CHANNEL, IPC_METHOD_PREFIX, type PreloadBridge } from '../shared/transport-protocol';

export function createBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): PreloadBridge {
  return Object.freeze({
    invoke: (method, params) => {
      if (!isMethodName(method)) return Promise.reject(new Error('unknown method'));
      return ipc.invoke(`${IPC_METHOD_PREFIX}${method}`, params);
    },
    on: (event, listener) => {
      if (!isEventName(event)) throw new Error('unknown event');
      const handler = (_e: IpcRendererEvent, message: { event: string; data: unknown }) => {
        if (message?.event === event) listener(message.data);
      };
      ipc.on(IPC_EVENT_CHANNEL, handler);
      return () => {
        ipc.removeListener(IPC_EVENT_CHANNEL, handler);
      };
    },
  } satisfies PreloadBridge);
}

contextBridge.exposeInMainWorld('robokit', createBridge(ipcRenderer));
