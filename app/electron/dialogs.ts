/** Native open/save dialogs for `.robokit` projects, `.robokitpack` lesson packs and `.robokitprofile` robots (the host's FileDialogs seam). */
import { dialog, type BrowserWindow } from 'electron';
import type { Locale } from '../shared/api';
import type { FileDialogs } from '../host/seams';

const FILTER_NAME: Record<Locale, string> = { fr: 'Projet RoboKit', en: 'RoboKit project' };
const PACK_FILTER_NAME: Record<Locale, string> = { fr: 'Pack de leçons RoboKit', en: 'RoboKit lesson pack' };
const PROFILE_FILTER_NAME: Record<Locale, string> = { fr: 'Robot RoboKit', en: 'RoboKit robot' };
const SESSION_FILTER_NAME: Record<Locale, string> = { fr: 'Atelier RoboKit', en: 'RoboKit workshop' };
const CSV_FILTER_NAME: Record<Locale, string> = { fr: 'Tableau CSV', en: 'CSV table' };

type Filter = { name: string; extensions: string[] };

export function electronDialogs(getWindow: () => BrowserWindow | null, getLocale: () => Locale): FileDialogs {
  const filter = (names: Record<Locale, string>, extension: string): Filter[] => [{ name: names[getLocale()], extensions: [extension] }];
  const openOne = async (filters: Filter[]): Promise<string | null> => {
    const win = getWindow();
    const options = { filters, properties: ['openFile' as const] };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  const saveTo = async (filters: Filter[], defaultName: string): Promise<string | null> => {
    const win = getWindow();
    const options = { filters, defaultPath: defaultName };
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  return {
    chooseOpenPath: () => openOne(filter(FILTER_NAME, 'robokit')),
    chooseSavePath: (defaultName) => saveTo(filter(FILTER_NAME, 'robokit'), defaultName),
    choosePackPath: () => openOne(filter(PACK_FILTER_NAME, 'robokitpack')),
    chooseProfileOpenPath: () => openOne(filter(PROFILE_FILTER_NAME, 'robokitprofile')),
    chooseProfileSavePath: (defaultName) => saveTo(filter(PROFILE_FILTER_NAME, 'robokitprofile'), defaultName),
    chooseWorkshopSavePath: (defaultName) =>
      saveTo(defaultName.endsWith('.csv') ? filter(CSV_FILTER_NAME, 'csv') : filter(SESSION_FILTER_NAME, 'robokitsession'), defaultName),
  };
}
