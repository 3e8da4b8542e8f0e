/**
 * Hand-written fakes of the parts of Electron RoboKit's main process and preload use. A fresh set
 * per test (`createFakeElectron()` + `vi.doMock('electron', …)`), so no state leaks between tests.
 */
type Listener = (...args: unknown[]) => unknown;

class Events {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
}

export class FakeWebContents extends Events {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: { channel: string; data: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, data: unknown): void {
    this.sent.push({ channel, data });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** A navigation-like event: `preventDefault` is recorded. */
export function fakeEvent(url?: string) {
  return { url, prevented: false, preventDefault() { this.prevented = true; } };
}

export function createFakeElectron(options: { lock?: boolean } = {}) {
  const windows: FakeBrowserWindow[] = [];
  const handlers = new Map<string, Listener>();
  const exposed: Record<string, unknown> = {};
  const menus: unknown[] = [];
  const quits: number[] = [];

  class FakeBrowserWindow extends Events {
    readonly webContents = new FakeWebContents();
    loaded: string | null = null;
    focused = 0;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loaded = url;
      return Promise.resolve();
    }
    loadFile(file: string): Promise<void> {
      this.loaded = `file:${file}`;
      return Promise.resolve();
    }
    show(): void {}
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {
      this.focused++;
    }
    close(): void {
      this.closed = true;
      this.emit('closed');
    }
    closed = false;
  }

  const app = Object.assign(new Events(), {
    requestSingleInstanceLock: () => options.lock ?? true,
    quit: () => void quits.push(1),
    whenReady: () => Promise.resolve(),
    getVersion: () => '0.1.0-test',
  });

  const permission = {
    request: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
    check: null as null | ((...args: unknown[]) => boolean),
    device: null as null | ((...args: unknown[]) => boolean),
  };
  const webRequest = {
    beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    headersReceived: null as null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void),
  };
  const defaultSession = Object.assign(new Events(), {
    setPermissionRequestHandler: (h: typeof permission.request) => void (permission.request = h),
    setPermissionCheckHandler: (h: typeof permission.check) => void (permission.check = h),
    setDevicePermissionHandler: (h: typeof permission.device) => void (permission.device = h),
    webRequest: {
      onBeforeRequest: (h: typeof webRequest.beforeRequest) => void (webRequest.beforeRequest = h),
      onHeadersReceived: (h: typeof webRequest.headersReceived) => void (webRequest.headersReceived = h),
    },
  });

  /** `protocol`: schemes registered as privileged (before ready) and the handlers installed. */
  const protocols = {
    privileged: [] as unknown[],
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
  };

  const ipcRendererListeners = new Events();
  const invoked: { channel: string; args: unknown[] }[] = [];

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: Listener) => void handlers.set(channel, handler),
      removeHandler: (channel: string) => void handlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => void menus.push(menu),
    },
    session: { defaultSession },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void protocols.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void protocols.handlers.set(scheme, handler),
    },
    dialog: {
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
      showMessageBox: () => Promise.resolve({ response: 0 }),
      showErrorBox: () => {},
    },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return Promise.resolve({ ok: true, value: null });
      },
      on: (channel: string, l: Listener) => ipcRendererListeners.on(channel, l),
      removeListener: (channel: string, l: Listener) => {
        const list = ipcRendererListeners.listeners.get(channel) ?? [];
        ipcRendererListeners.listeners.set(channel, list.filter((x) => x !== l));
      },
    },
  };
  return { electron, windows, handlers, exposed, menus, quits, permission, webRequest, defaultSession, app, invoked, ipcRendererListeners, protocols };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
