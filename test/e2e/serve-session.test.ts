/**
 * The printed link in a real browser: the same browser may open RoboKit in any number of tabs,
 * close them all and reopen the printed link; a stranger (another browser, a script) with the spent
 * link gets nothing, and a fresh link from `robokit serve` lets a second browser in.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS, RESULTS_DIR, buildRenderer, startRig, type Rig } from './harness';

let rig: Rig;

beforeAll(async () => {
  await mkdir(RESULTS_DIR, { recursive: true });
  await buildRenderer();
  rig = await startRig();
}, 90_000);

afterAll(async () => {
  await rig?.close();
});

/** The page is up and talks to the host: the settings it reads come back through the API. */
async function expectWorking(page: Page, address: string): Promise<void> {
  await page.goto(address);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  await expect.poll(() => page.locator('#banner').isHidden()).toBe(true);
}

describe('robokit serve in the browser: one link, many tabs', () => {
  test('two tabs, both closed, the printed link reopened: all three work', async () => {
    const first = rig.page;
    await expectWorking(first, rig.url);
    const second = await rig.context.newPage();
    await expectWorking(second, rig.url);
    await first.close();
    await second.close();
    const third = await rig.context.newPage();
    await expectWorking(third, rig.url);
    // Still connected after a reload too.
    await third.reload();
    await third.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await third.screenshot({ path: join(RESULTS_DIR, 'serve-reopened-link.png') });
  }, 120_000);

  test('a request without the session or the token is refused; another browser needs a fresh link', async () => {
    expect((await fetch(`${rig.origin}/`)).status).toBe(401);
    expect((await fetch(rig.url, { redirect: 'manual' })).status).toBe(401);
    const profile = await mkdtemp(join(tmpdir(), 'robokit-e2e-stranger-'));
    const stranger = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 720 },
      locale: 'fr-FR',
    });
    try {
      const page = stranger.pages()[0] ?? (await stranger.newPage());
      const response = await page.goto(rig.url);
      expect(response?.status()).toBe(401);
      await expect.poll(() => page.locator('body').innerText()).toContain('appuie sur Entrée');
      await page.screenshot({ path: join(RESULTS_DIR, 'serve-spent-link.png') });
      await expectWorking(page, await rig.newLink());
    } finally {
      await stranger.close();
      await rm(profile, { recursive: true, force: true });
    }
  }, 120_000);
});
