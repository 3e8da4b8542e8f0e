/**
 * One RoboKit at a time: a second launch (e.g. a double-clicked `.robokit` file) hands its files
 * to the first, which comes to the front. macOS delivers files through `open-file` instead.
 */
import type { App } from 'electron';

export const PROJECT_EXTENSION = '.robokit';

/** The project files named on a command line (options and other files ignored). */
export function projectFilesIn(argv: readonly string[]): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(PROJECT_EXTENSION));
}

export interface SingleInstanceHandlers {
  focus(): void;
  openFile(path: string): void;
}

/** False when another instance has the lock: this one quits. */
export function claimSingleInstance(app: App, handlers: SingleInstanceHandlers): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => {
    handlers.focus();
    for (const file of projectFilesIn(argv)) handlers.openFile(file);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    handlers.openFile(path);
  });
  return true;
}
