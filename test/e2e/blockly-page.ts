/**
 * Finding Blockly's blocks on the page and moving them with the mouse, as a child would: press on a
 * block, move in small steps, release. Only the DOM is read; nothing calls Blockly's API.
 */
import type { Locator, Page } from 'playwright-core';

/** Top-level blocks of the main workspace (not the flyout). */
export function workspaceBlocks(page: Page): Locator {
  return page.locator('#editor svg.blocklySvg .blocklyBlockCanvas > g.blocklyDraggable');
}

/** A block in the open flyout whose text contains `text`. */
export function flyoutBlock(page: Page, text: string): Locator {
  return page.locator('svg.blocklyFlyout .blocklyBlockCanvas > g.blocklyDraggable').filter({ hasText: text }).first();
}

export async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('block not on screen');
  return b;
}

export async function dragMouse(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 8, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.mouse.up();
}

/** Opens a toolbox category by clicking its name. */
export async function openCategory(page: Page, name: string): Promise<void> {
  await page.locator('.blocklyToolboxCategory', { hasText: name }).first().click();
  await page.locator('svg.blocklyFlyout .blocklyBlockCanvas > g.blocklyDraggable').first().waitFor({ state: 'visible' });
}
