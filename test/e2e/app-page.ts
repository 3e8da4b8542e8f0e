/** Driving RoboKit's own controls (not Blockly's) from the browser tests. */
import type { Page } from 'playwright-core';

/** « Ouvrir » with a project file, as a pupil picks one in the file chooser. */
export async function uploadProject(page: Page, name: string, content: object): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.locator('#open').click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) });
}
