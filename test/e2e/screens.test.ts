/**
 * The screens of issue #14's acceptance, at 1366 × 768 in French: the editor with a lesson open, the
 * simulator enlarged, and the results of « Vérifier ». Each is checked for what it must show, then
 * saved in test-results/ (and in docs/screens/, which the README shows, with ROBOKIT_UPDATE_SCREENS=1).
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO, RESULTS_DIR, buildRenderer, openApp, startRig, type Rig } from './harness';
import { setDisplay, uploadProject } from './app-page';

let rig: Rig;

beforeAll(async () => {
  await mkdir(RESULTS_DIR, { recursive: true });
  await buildRenderer();
  rig = await startRig({ viewport: { width: 1366, height: 768 } });
  await openApp(rig);
}, 90_000);

afterAll(async () => {
  await rig?.close();
});

async function shot(name: string): Promise<void> {
  const file = join(RESULTS_DIR, name);
  await rig.page.screenshot({ path: file });
  if (process.env.ROBOKIT_UPDATE_SCREENS === '1') await copyFile(file, join(REPO, 'docs/screens', name));
}

/** The bottom of `selector` is inside the window (nothing cut at 1366 × 768). */
async function onScreen(selector: string): Promise<boolean> {
  const b = await rig.page.locator(selector).boundingBox();
  return b !== null && b.y >= 0 && b.y + b.height <= 768 && b.x >= 0 && b.x + b.width <= 1366;
}

describe('acceptance screens at 1366 × 768', () => {
  test('a lesson open: its step, the blocks and the simulator with its legend; the toolbar on one line', async () => {
    const p = rig.page;
    const solution = JSON.parse(await readFile(join(REPO, 'lessons/premiers-pas/projects/avancer-solution.robokit'), 'utf8')) as object;
    await uploadProject(p, 'avancer.robokit', solution);
    await expect.poll(() => p.locator('#lesson-panel').isVisible(), { timeout: 15_000 }).toBe(true);
    const toolbar = await p.locator('.toolbar').boundingBox();
    expect(toolbar!.height).toBeLessThan(80);
    for (const part of ['#lesson-title', '#sim-canvas', '#sim-legend', '#sim-enlarge', '#language']) expect(await onScreen(part), part).toBe(true);
    await shot('editor-lesson.png');
  });

  test('the lesson folded and the simulator enlarged, after a run: the blocks keep their room', async () => {
    const p = rig.page;
    await p.locator('#lesson-fold').click();
    await p.locator('#sim-enlarge').click();
    await p.locator('#run').click();
    await expect.poll(() => p.locator('#run-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('ended');
    const canvas = await p.locator('#sim-canvas').boundingBox();
    expect(canvas!.width).toBeGreaterThan(700);
    expect(canvas!.height).toBeGreaterThan(450);
    const editor = await p.locator('#editor').boundingBox();
    expect(editor!.width).toBeGreaterThan(450);
    await shot('simulator-enlarged.png');
    await p.locator('#sim-enlarge').click();
    await p.locator('#lesson-unfold').click();
  });

  test('the results of « Vérifier »', async () => {
    const p = rig.page;
    // Every run state the status line shows from now on.
    await p.evaluate(() => {
      const w = window as unknown as { runStates: string[] };
      w.runStates = [];
      const el = document.getElementById('run-state')!;
      new MutationObserver(() => w.runStates.push(el.dataset.state ?? '')).observe(el, { attributes: true, attributeFilter: ['data-state'] });
    });
    await p.locator('#lesson-check').click();
    await expect.poll(() => p.locator('#lesson-verdict').textContent(), { timeout: 20_000 }).toMatch(/Défi réussi/);
    // One time: the headline's and the timed condition's agree.
    const text = (await p.locator('#lesson-verdict').textContent()) ?? '';
    const headline = /en ([\d,]+) s avec/.exec(text)?.[1];
    const done = /fait en ([\d,]+) s/.exec(text)?.[1];
    expect(headline).toBeDefined();
    expect(headline).toBe(done);
    // The judged run is played on the simulator.
    await expect.poll(() => p.evaluate(() => (window as unknown as { runStates: string[] }).runStates.join(' ')), { timeout: 15_000 }).toMatch(/running.*ended/);
    await p.locator('#lesson-verdict').scrollIntoViewIfNeeded();
    await shot('results.png');
  });
});

describe('at 1280 × 720, larger text included', () => {
  test('a lesson open: the toolbar stays on one line and nothing is cut', async () => {
    const small = await startRig({ viewport: { width: 1280, height: 720 } });
    try {
      await openApp(small);
      const p = small.page;
      const solution = JSON.parse(await readFile(join(REPO, 'lessons/premiers-pas/projects/avancer-solution.robokit'), 'utf8')) as object;
      await uploadProject(p, 'avancer.robokit', solution);
      await expect.poll(() => p.locator('#lesson-panel').isVisible(), { timeout: 15_000 }).toBe(true);
      for (const large of [false, true]) {
        await setDisplay(p, '#large-text', large);
        const toolbar = await p.locator('.toolbar').boundingBox();
        expect(toolbar!.height, `toolbar, large text ${large}`).toBeLessThan(80);
        for (const part of ['#run', '#stop', '#save', '#language', '#lesson-title', '#sim-canvas', '#sim-legend']) {
          const b = await p.locator(part).boundingBox();
          expect(b !== null && b.x >= 0 && b.x + b.width <= 1280 && b.y >= 0 && b.y + b.height <= 720, `${part}, large text ${large}`).toBe(true);
        }
        // The step's buttons stay inside its box (« Suivant ▶ » stuck out of it in larger text).
        const step = (await p.locator('.lesson-step').boundingBox())!;
        for (const id of ['#lesson-prev', '#lesson-next']) {
          const b = (await p.locator(id).boundingBox())!;
          expect(b.x + b.width, `${id}, large text ${large}`).toBeLessThanOrEqual(step.x + step.width);
        }
        await p.screenshot({ path: join(RESULTS_DIR, `lesson-1280${large ? '-large-text' : ''}.png`) });
      }
      await setDisplay(p, '#large-text', false);
    } finally {
      await small.close();
    }
  }, 120_000);
});
