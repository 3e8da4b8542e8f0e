/** A workshop export: the host saves it through Electron's dialog, or the page offers it as a download (browser). */
import type { RobokitApi } from '../../../shared/api';
import { download } from '../shell/download';

export async function exportFile(api: RobokitApi, fileName: string, text: string, failed: (e: unknown) => void): Promise<void> {
  try {
    const result = await api.exportWorkshopFile({ fileName, text });
    if (result.status === 'download') download(fileName, text, fileName.endsWith('.csv') ? 'text/csv;charset=utf-8' : 'application/json');
  } catch (e) {
    failed(e);
  }
}
