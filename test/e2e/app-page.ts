/** Driving RoboKit's own controls (not Blockly's) from the browser tests. */
import type { Page } from 'playwright-core';

/**
 * Clicks `selector`; if RoboKit asks first (the program on screen is not saved), answers yes.
 * Resolves once the click's action goes on (the question closed, or none was asked).
 */
export async function clickAndConfirm(page: Page, selector: string): Promise<void> {
  await page.locator(selector).click();
  const ok = page.locator('#ask-ok');
  if (await ok.isVisible()) await ok.click();
}

/** « Ouvrir » with a project file, as a pupil picks one in the file chooser (saying yes to replacing unsaved work). */
export async function uploadProject(page: Page, name: string, content: object): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await clickAndConfirm(page, '#open');
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) });
}

/** Ticks or unticks a display setting (#high-contrast, #large-text) in the « Affichage » menu. */
export async function setDisplay(page: Page, id: '#high-contrast' | '#large-text', on: boolean): Promise<void> {
  if (!(await page.locator(id).isVisible())) await page.locator('#display-button').click();
  await page.locator(id).setChecked(on);
  // A click elsewhere closes the menu (the status line: always there).
  await page.locator('#run-state').click();
}
