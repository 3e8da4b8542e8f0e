/** The main window and the rules every web contents lives by: no navigation away, no new windows. */
import { BrowserWindow, type WebContents } from 'electron';
import { APP_URL } from './app-protocol';
import { isAppUrl } from './app-url';

export interface WindowPaths {
  readonly preload: string;
  readonly indexHtml: string;
}

export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'RoboKit',
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
  void win.loadURL(APP_URL);
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
