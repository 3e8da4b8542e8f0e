/**
 * The Electron composition root: security rules first, then host services (plain Node, shared
 * with `robokit serve`), IPC, the window and the menu. Quitting stops the program and leaves the
 * robot safe; so does a failure of this process (`last-gasp.ts`).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { delimiter, dirname, join } from 'node:path';
import { AppError } from '../core/errors';
import { message } from '../core/i18n/messages';
import { createHostService } from '../host/create-host';
import { defaultDataDir } from '../host/data-dir';
import { defaultSeams } from '../host/default-seams';
import { installLastGasp, type LastGaspProcess } from '../host/last-gasp';
import { robotPortsFromEnv, withExtraPorts } from '../host/robot-manager';
import type { HostService } from '../host/host-service';
import type { Locale } from '../shared/api';
import { createRequestValidator } from '../shared/api-validate';
import { electronDialogs } from './dialogs';
import { forwardEventsTo, registerIpc, trustedSender } from './ipc';
import { buildMenuTemplate } from './menu';
import { APP_URL, registerAppScheme, serveAppProtocol } from './app-protocol';
import { ELECTRON_CSP, secureSession } from './session-security';
import { claimSingleInstance, projectFilesIn } from './single-instance';
import { createMainWindow, hardenContents, type WindowPaths } from './window';
import { ProjectorWindows } from './projector-window';

export interface ElectronAppOptions {
  /** Defaults: next to the bundled main (dist/electron/preload.cjs, dist/renderer/index.html). */
  readonly paths?: WindowPaths;
  readonly dataDir?: string;
  readonly argv?: readonly string[];
  /** For tests: the process the last-gasp handlers attach to (default: this one). */
  readonly process?: LastGaspProcess;
}

export interface RunningApp {
  readonly host: HostService;
  readonly window: () => BrowserWindow | null;
  /** The workshop's projector window, when open. */
  readonly projector: () => BrowserWindow | null;
}

export function defaultPaths(dir: string = __dirname): WindowPaths {
  return { preload: join(dir, 'preload.cjs'), indexHtml: join(dir, '..', 'renderer', 'index.html') };
}

export async function startElectronApp(options: ElectronAppOptions = {}): Promise<RunningApp | null> {
  const paths = options.paths ?? defaultPaths();
  const appUrl = APP_URL;
  let win: BrowserWindow | null = null;
  let locale: Locale = 'fr';
  let host: HostService | null = null;

  const pendingFiles: string[] = projectFilesIn(options.argv ?? process.argv.slice(1));
  const openFile = (path: string) => {
    if (!host) return void pendingFiles.push(path);
    host.openFromOs(path).catch((e: unknown) => showOpenError(e, locale));
  };
  const owns = claimSingleInstance(app, {
    focus: () => {
      if (!win) return;
      if (win.isMinimized()) win.restore();
      win.focus();
    },
    openFile,
  });
  if (!owns) return null;

  app.on('web-contents-created', (_event, contents) => hardenContents(contents, appUrl));
  registerAppScheme(protocol);
  await app.whenReady();
  secureSession(session.defaultSession);
  serveAppProtocol(protocol, dirname(paths.indexHtml), ELECTRON_CSP);

  const projector = new ProjectorWindows(() => createMainWindow(paths, 'projector'), () => running, forwardEventsTo);
  host = createHostService({
    dataDir: options.dataDir ?? defaultDataDir(),
    info: { version: app.getVersion(), host: 'electron', fileDialogs: true },
    seams: { ...desktopSeams(electronDialogs(() => win, () => locale)), projector },
  });
  const running = host;
  // Whatever ends this process without a quit (a bug, a signal), the robot is stopped first.
  installLastGasp({
    stop: () => running.lastGasp(),
    signals: ['SIGINT', 'SIGTERM', 'SIGHUP'],
    ...(options.process ? { process: options.process } : {}),
  });
  for (const file of pendingFiles.splice(0)) openFile(file);

  registerIpc(ipcMain, running, trustedSender(() => [win, projector.window], appUrl), createRequestValidator());
  win = createMainWindow(paths);
  const stopForwarding = forwardEventsTo(running, win.webContents);
  win.on('closed', () => {
    stopForwarding();
    win = null;
    projector.close();
  });

  const setMenu = (next: Locale) => {
    locale = next;
    const template = buildMenuTemplate(next, {
      command: (command) => running.requestCommand(command),
      projector: () => projector.open(),
      about: () => void dialog.showMessageBox({ message: `RoboKit ${app.getVersion()}`, type: 'info' }),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  setMenu((await running.getSettings()).locale);
  running.onDidChangeSettings((settings) => settings.locale !== locale && setMenu(settings.locale));

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    void running.shutdown().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
  return { host: running, window: () => win, projector: () => projector.window };
}

/** The host's seams for the desktop: native dialogs, and any robot ports named in the environment. */
function desktopSeams(dialogs: ReturnType<typeof electronDialogs>) {
  const seams = defaultSeams();
  const extra = robotPortsFromEnv(process.env, delimiter);
  const robots = seams.robots && extra.length > 0 ? withExtraPorts(seams.robots, extra) : seams.robots;
  return { ...seams, ...(robots ? { robots } : {}), dialogs };
}

function showOpenError(e: unknown, locale: Locale): void {
  const text = e instanceof AppError ? message(e.code, locale, e.params) : message('internal-error', locale);
  dialog.showErrorBox('RoboKit', text);
}
