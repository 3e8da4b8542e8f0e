/**
 * The workshop's projector view in its own window (Electron): at most one, fed the same host events
 * as the main window, forgotten when closed. The browser (`robokit serve`) opens `#projecteur` in a
 * tab instead.
 */
import type { BrowserWindow } from 'electron';
import type { ProjectorWindow } from '../host/seams';
import type { RobokitApi, Unsubscribe } from '../shared/api';

export type ForwardEvents = (api: RobokitApi, contents: BrowserWindow['webContents']) => Unsubscribe;

export class ProjectorWindows implements ProjectorWindow {
  private win: BrowserWindow | null = null;

  constructor(
    private readonly create: () => BrowserWindow,
    private readonly api: () => RobokitApi,
    private readonly forward: ForwardEvents,
  ) {}

  /** The open projector window, if any (IPC trusts it like the main window). */
  get window(): BrowserWindow | null {
    return this.win;
  }

  /** The main window closed: the projector goes with it (the app quits once no window is left). */
  close(): void {
    const open = this.win;
    if (open && !open.isDestroyed()) open.close();
  }

  open(): void {
    const open = this.win;
    if (open && !open.isDestroyed()) {
      if (open.isMinimized()) open.restore();
      open.focus();
      return;
    }
    const win = this.create();
    const stopForwarding = this.forward(this.api(), win.webContents);
    win.on('closed', () => {
      stopForwarding();
      if (this.win === win) this.win = null;
    });
    this.win = win;
  }
}
