/** Native open/save dialogs for `.robokit` projects and `.robokitpack` lesson packs (the host's FileDialogs seam). */
import { dialog, type BrowserWindow } from 'electron';
import type { Locale } from '../shared/api';
import type { FileDialogs } from '../host/seams';

const FILTER_NAME: Record<Locale, string> = { fr: 'Projet RoboKit', en: 'RoboKit project' };
const PACK_FILTER_NAME: Record<Locale, string> = { fr: 'Pack de leçons RoboKit', en: 'RoboKit lesson pack' };

export function electronDialogs(getWindow: () => BrowserWindow | null, getLocale: () => Locale): FileDialogs {
  const filters = () => [{ name: FILTER_NAME[getLocale()], extensions: ['robokit'] }];
  return {
    async chooseOpenPath() {
      const win = getWindow();
      const options = { filters: filters(), properties: ['openFile' as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSavePath(defaultName) {
      const win = getWindow();
      const options = { filters: filters(), defaultPath: defaultName };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async choosePackPath() {
      const win = getWindow();
      const options = { filters: [{ name: PACK_FILTER_NAME[getLocale()], extensions: ['robokitpack'] }], properties: ['openFile' as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
