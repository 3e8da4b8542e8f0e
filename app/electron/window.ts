/**
 * The app's windows — the main one, and the workshop's projector view (the same page at `#projecteur`,
 * the same preload and the same locked-down preferences) — and the rules every web contents lives by:
 * no navigation away, no new windows.
 */
import { BrowserWindow, type WebContents } from 'electron';
import { APP_URL } from './app-protocol';
import { isAppUrl } from './app-url';

export interface WindowPaths {
  readonly preload: string;
  readonly indexHtml: string;
}

export type AppPage = 'main' | 'projector';

/** Each window's size, title and the page's route (the renderer reads the hash). */
const PAGES = {
  main: { width: 1280, height: 800, title: 'RoboKit', route: '' },
  projector: { width: 1366, height: 768, title: 'RoboKit — projecteur', route: '#projecteur' },
} as const satisfies Record<AppPage, { width: number; height: number; title: string; route: string }>;

export function createMainWindow(paths: WindowPaths, page: AppPage = 'main'): BrowserWindow {
  const shape = PAGES[page];
  const win = new BrowserWindow({
    width: shape.width,
    height: shape.height,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: shape.title,
    backgroundColor: '#ffffff',
    // Written out here (not spread from a constant) so the static scanner can check each value.
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      preload: paths.preload,
    },
  });
  win.once('ready-to-show', () => win.show());
  // From the app: protocol (app-protocol.ts), which serves the folder of paths.indexHtml only.
  void win.loadURL(`${APP_URL}${shape.route}`);
  return win;
}

/** Applied to every web contents the app creates (`web-contents-created`). */
export function hardenContents(contents: WebContents, appUrl: string): void {
  const stayHome = (event: { preventDefault(): void; url?: string }, url?: string) => {
    if (!isAppUrl(event.url ?? url ?? '', appUrl)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
