/**
 * The renderer in Chromium against `robokit serve` (issue #4 benchmarks), side by side in one run:
 *  - main screen interactive (page load → the app answers) with a 200-block project to restore;
 *  - opening a 500-block project in the app vs bare Blockly 12 (dist/renderer/bare.html: Blockly,
 *    French, RoboKit's block definitions, nothing else) opening the same file the same way;
 *  - input delay (pointer down → handler, and → next frame) while a `forever` loop without waits
 *    runs, against the same measure while idle;
 *  - renderer bundle size, gzip.
 * Each page load is cold (HTTP cache disabled). Prints medians; exits 1 when a goal is missed.
 * Run: npm run bench ui-   (or node scripts/bench.mjs ui-)
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { makeLargeWorkspace } from '../app/core/compiler';
import { forever, num, projectFile } from '../test/fixtures/project-file';
import { RENDERER_DIR, buildRenderer, openRig, type Rig } from '../test/e2e/harness';
import { median, percentile, report } from './stats';

const RUNS = 7;
const INPUTS = 25;

function projectText(project: object): Buffer {
  return Buffer.from(JSON.stringify(project));
}

/** A `sim` project holding makeLargeWorkspace's program of `blocks` blocks. */
const largeProject = (name: string, blocks: number): object => ({ ...projectFile({ name, profile: 'sim' }), workspace: makeLargeWorkspace(blocks) });

function countBlocks(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + countBlocks(x), 0);
  if (node === null || typeof node !== 'object') return 0;
  const record = node as Record<string, unknown>;
  const self = typeof record.type === 'string' && typeof record.id === 'string' ? 1 : 0;
  return self + Object.values(record).reduce((n: number, v) => n + countBlocks(v), 0);
}

/** A loop without waits that never ends and never moves the robot. */
const BUSY_LOOP = projectFile(
  { name: 'busy', profile: 'sim', variables: [{ name: 'compteur', id: 'v' }] },
  forever('loop', [{ type: 'math_change', id: 'change', fields: { VAR: { id: 'v' } }, inputs: { DELTA: num('one', 1) } }]),
);

/** A fresh load of the page, in front (a background tab's animation frames are throttled). */
async function coldReload(page: Page, ready: string): Promise<void> {
  await page.bringToFront();
  await page.reload();
  await page.waitForSelector(ready, { timeout: 30_000 });
}

async function upload(page: Page, selector: string, name: string, buffer: Buffer, viaButton: boolean): Promise<void> {
  if (viaButton) {
    const chooser = page.waitForEvent('filechooser');
    await page.locator(selector).click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer });
  } else {
    await page.locator(selector).setInputFiles({ name, mimeType: 'application/json', buffer });
  }
}

async function openMeasure(page: Page): Promise<number> {
  await page.waitForSelector('body[data-opened]', { timeout: 30_000 });
  return page.evaluate(() => performance.getEntriesByName('robokit-open', 'measure').at(-1)?.duration ?? NaN);
}

async function interactiveMs(rig: Rig): Promise<number[]> {
  // The 200-block project becomes the autosave the app restores at start.
  await upload(rig.page, '#open', 'p200.robokit', projectText(largeProject('p200', 200)), true);
  await rig.page.waitForSelector('body[data-opened]');
  await rig.page.waitForFunction(() => document.querySelector('#save-state')?.textContent?.length);
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await coldReload(rig.page, 'body[data-ready="true"]');
    const blocks = await rig.page.locator('#editor .blocklyBlockCanvas g.blocklyDraggable').count();
    if (blocks < 200) throw new Error(`restored ${blocks} blocks, expected 200`);
    out.push(await rig.page.evaluate(() => performance.getEntriesByName('robokit-ready')[0]?.startTime ?? NaN));
  }
  return out;
}

const STARTER = projectText(projectFile({ name: 'starter', profile: 'sim' }));

/** Makes the starter project the autosave, so the next load starts like a new project. */
async function resetToStarter(page: Page): Promise<void> {
  await coldReload(page, 'body[data-ready="true"]');
  await upload(page, '#open', 'starter.robokit', STARTER, true);
  await page.waitForSelector('body[data-opened]');
  await page.waitForFunction(() => document.querySelector('#save-state')?.textContent === 'Sauvegardé automatiquement');
}

async function openTimes(rig: Rig, file: Buffer): Promise<{ app: number[]; bare: number[] }> {
  const app: number[] = [];
  const bare: number[] = [];
  const barePage = await rig.context.newPage();
  await barePage.goto(`${rig.origin}/bare.html`);
  await barePage.waitForSelector('body[data-ready="true"]');
  for (let i = 0; i < RUNS; i++) {
    // Both pages start from one start block, freshly loaded: the app opens the file as a pupil does.
    await resetToStarter(rig.page);
    await coldReload(rig.page, 'body[data-ready="true"]');
    await upload(rig.page, '#open', 'p500.robokit', file, true);
    app.push(await openMeasure(rig.page));
    await coldReload(barePage, 'body[data-ready="true"]');
    await upload(barePage, '#file-input', 'p500.robokit', file, false);
    bare.push(await openMeasure(barePage));
  }
  await barePage.close();
  return { app, bare };
}

/** Pointer-down input delay and delay to the next frame, `INPUTS` times, in ms. */
async function inputDelays(page: Page): Promise<{ delay: number[]; frame: number[] }> {
  await page.evaluate(() => {
    const w = window as unknown as { __delays: number[]; __frames: number[] };
    w.__delays = [];
    w.__frames = [];
    document.querySelector('.status-bar')!.addEventListener('pointerdown', (e) => {
      w.__delays.push(performance.now() - e.timeStamp);
      requestAnimationFrame(() => w.__frames.push(performance.now() - e.timeStamp));
    });
  });
  const bar = (await page.locator('.status-bar').boundingBox())!;
  for (let i = 0; i < INPUTS; i++) {
    await page.mouse.click(bar.x + bar.width / 2, bar.y + bar.height / 2);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(100);
  return page.evaluate(() => {
    const w = window as unknown as { __delays: number[]; __frames: number[] };
    return { delay: w.__delays, frame: w.__frames };
  });
}

async function bundleSizes(): Promise<{ app: number; bare: number }> {
  const html = async (name: string) => readFile(join(RENDERER_DIR, name), 'utf8');
  const gz = async (file: string) => gzipSync(await readFile(join(RENDERER_DIR, file)), { level: 9 }).length;
  const assetsOf = (page: string) => [...page.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const all = new Set(await readdir(join(RENDERER_DIR, 'assets')));
  const sum = async (files: string[]) => (await Promise.all(files.filter((f) => all.has(f.slice(7))).map(gz))).reduce((a, b) => a + b, 0);
  return { app: await sum(assetsOf(await html('index.html'))), bare: await sum(assetsOf(await html('bare.html'))) };
}

async function main(): Promise<number> {
  await buildRenderer();
  const sizes = await bundleSizes();
  const rig = await openRig({ viewport: { width: 1366, height: 768 } });
  try {
    const cdp = await rig.context.newCDPSession(rig.page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const p500 = projectText(largeProject('p500', 500));
    const opened = await openTimes(rig, p500);
    const n500 = countBlocks(JSON.parse(p500.toString()).workspace);
    const ready = await interactiveMs(rig);

    await resetToStarter(rig.page);
    await rig.page.bringToFront();
    const idle = await inputDelays(rig.page);
    await upload(rig.page, '#open', 'busy.robokit', projectText(BUSY_LOOP), true);
    await rig.page.waitForSelector('body[data-opened]');
    await rig.page.locator('#run').click();
    await rig.page.waitForSelector('#run-state[data-state="running"]');
    await rig.page.waitForTimeout(500);
    const busy = await inputDelays(rig.page);
    const stillRunning = (await rig.page.locator('#run-state').getAttribute('data-state')) === 'running';
    await rig.page.locator('#stop').click();

    const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    const ratio = median(opened.app) / median(opened.bare);
    console.log(`runs: ${RUNS} cold page loads each; ${INPUTS} clicks per input-delay sample`);
    console.log(`interactive, 200-block project restored: median ${ms(median(ready))} [${ready.map(ms).join(', ')}]`);
    console.log(`open ${n500}-block project: app median ${ms(median(opened.app))} [${opened.app.map(ms).join(', ')}]`);
    console.log(`open ${n500}-block project: bare Blockly 12 median ${ms(median(opened.bare))} [${opened.bare.map(ms).join(', ')}]`);
    console.log(`input delay idle: median ${median(idle.delay).toFixed(1)} ms, p95 ${percentile(idle.delay, 95).toFixed(1)} ms; to next frame median ${median(idle.frame).toFixed(1)} ms`);
    console.log(`input delay, forever loop without waits: median ${median(busy.delay).toFixed(1)} ms, p95 ${percentile(busy.delay, 95).toFixed(1)} ms; to next frame median ${median(busy.frame).toFixed(1)} ms, p95 ${percentile(busy.frame, 95).toFixed(1)} ms`);
    console.log(`bundle gzip: app ${kib(sizes.app)} (JS + CSS of index.html), bare Blockly page ${kib(sizes.bare)}`);
    return report('Renderer (Chromium, robokit serve)', [
      { name: 'main screen interactive with 200 blocks', ok: median(ready) <= 1500, figure: ms(median(ready)), target: '≤ 1.5 s', quiet: true },
      { name: `open ${n500} blocks, app vs bare Blockly`, ok: ratio <= 1.2, figure: ms(median(opened.app)), baseline: `bare Blockly ${ms(median(opened.bare))}`, ratio: `${ratio.toFixed(2)}×`, target: '≤ 1.2×', quiet: true },
      {
        name: 'input delay while a loop without waits runs',
        ok: stillRunning && percentile(busy.frame, 95) < 100,
        figure: `p95 to next frame ${percentile(busy.frame, 95).toFixed(1)} ms${stillRunning ? '' : ' (the loop had stopped!)'}`,
        target: '< 100 ms',
      },
    ]);
  } finally {
    await rig.close();
  }
}

process.exitCode = await main();
