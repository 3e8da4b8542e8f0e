/** Driving the workshop (« Atelier ») from the browser tests, as a facilitator would. */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';
import { box, dragMouse, flyoutBlock, openCategory, workspaceBlocks } from './blockly-page';

export const AVANCER = 'fr.robokit.premiers-pas/avancer';
export const LUMIERE = 'fr.robokit.premiers-pas/lumiere-et-son';

/** Prepares a workshop with picked challenges, the teams and the leave code. */
export async function prepareWorkshop(page: Page, options: { title: string; picks: readonly string[]; teams: readonly string[]; code: string; swapSeconds?: number }): Promise<void> {
  await page.locator('#workshop-button').click();
  await page.locator('#ws-setup').waitFor({ state: 'visible' });
  await page.locator('#ws-title').fill(options.title);
  await page.locator('#ws-route-custom').check();
  for (const pick of options.picks) await page.locator(`#ws-picks input[value="${pick}"]`).check();
  if (options.swapSeconds !== undefined) await page.locator('#ws-swap').selectOption(String(options.swapSeconds));
  for (const team of options.teams) {
    await page.locator('#ws-nickname').fill(team);
    await page.locator('#ws-add-team').click();
  }
  await page.locator('#ws-code').fill(options.code);
}

export async function startTurnOf(page: Page, nickname: string): Promise<void> {
  await page.locator('#ws-welcome').waitFor({ state: 'visible' });
  const value = await page.locator('#ws-next-team option', { hasText: nickname }).getAttribute('value');
  await page.locator('#ws-next-team').selectOption(value!);
  await page.locator('#ws-start-turn').click();
  await page.locator('#ws-bar').waitFor({ state: 'visible' });
  await expect.poll(() => page.locator('#lesson-panel').isVisible(), { timeout: 10_000 }).toBe(true);
}

/** A block from `category` dropped under the start block, its `field`-th number set to `value` (a child's drag and typing). */
export async function dragUnderStart(page: Page, category: string, text: string, field: number, value: string): Promise<void> {
  await openCategory(page, category);
  const block = await box(flyoutBlock(page, text));
  const hat = await box(workspaceBlocks(page).first());
  await dragMouse(page, { x: block.x + 10, y: block.y + 10 }, { x: hat.x + 14, y: hat.y + hat.height + 12 });
  const snapped = page.locator('#editor .blocklyBlockCanvas > g.blocklyDraggable g.blocklyDraggable').filter({ hasText: text });
  await expect.poll(() => snapped.count()).toBeGreaterThan(0);
  const number = snapped.first().locator('.blocklyNumberField').nth(field);
  await number.click();
  const input = page.locator('.blocklyHtmlInput');
  await input.waitFor({ state: 'visible' });
  await input.fill(value);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await number.textContent())?.trim()).toBe(value);
}

/** « avancer » under the start block for `seconds`. */
export const dragForward = (page: Page, seconds: string) => dragUnderStart(page, 'Mouvement', 'avancer', 1, seconds);

export async function verifyAndWait(page: Page, passed: boolean): Promise<void> {
  await page.locator('#lesson-check').click();
  await expect.poll(() => page.locator('#lesson-verdict').getAttribute('data-passed'), { timeout: 15_000 }).toBe(String(passed));
}

/** Answers the page's own question (ask dialog) with `text`. */
export async function answer(page: Page, text: string): Promise<void> {
  await page.locator('#ask-input').waitFor({ state: 'visible' });
  await page.locator('#ask-input').fill(text);
  await page.locator('#ask-ok').click();
  await page.locator('#ask').waitFor({ state: 'detached' });
}

/** Clicks a workshop menu entry (the bar's menu, or the welcome screen's button) and returns the download. */
export async function downloadFrom(page: Page, id: 'ws-export-session' | 'ws-export-csv' | 'ws-merged-csv'): Promise<{ name: string; text: string }> {
  const waiting = page.waitForEvent('download');
  if (id === 'ws-merged-csv') await page.locator('#ws-merged-csv').click();
  else if (await page.locator('#ws-welcome').isVisible()) await page.locator(`#${id}-welcome`).click();
  else {
    await page.locator('#ws-menu-button').click();
    await page.locator(`#${id}`).click();
  }
  const download: Download = await waiting;
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}
