/** Electron main entry (bundled to dist/electron/main.cjs). All the work is in `app.ts`. */
import { startElectronApp } from './app';

void startElectronApp();
