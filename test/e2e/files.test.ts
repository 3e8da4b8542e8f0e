/**
 * Files as people expect them, clicking like a child: « Nouveau », « Ouvrir » that asks before
 * replacing unsaved work, and nothing of the old program left on screen (its trail, its ending).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RESULTS_DIR, buildRenderer, openApp, startRig, type Rig } from './harness';
import { box, dragMouse, flyoutBlock, openCategory, workspaceBlocks } from './blockly-page';
import { uploadProject } from './app-page';

let rig: Rig;

beforeAll(async () => {
  await mkdir(RESULTS_DIR, { recursive: true });
  await buildRenderer();
  rig = await startRig();
  await openApp(rig);
}, 90_000);

afterAll(async () => {
  await rig?.close();
});

const num = (id: string, value: number) => ({ shadow: { type: 'math_number', id, fields: { NUM: value } } });
/** Pen down, then forward 1 s: a 15 cm line. */
const DRAWING = {
  format: 'robokit-project',
  version: 1,
  name: 'Un trait',
  profile: 'sim',
  workspace: {
    blocks: {
      languageVersion: 0,
      blocks: [{
        type: 'robokit_start', id: 'start', x: 40, y: 40,
        next: { block: { type: 'robot_pen', id: 'pen', fields: { STATE: 'DOWN' }, next: { block: { type: 'robot_move', id: 'move', fields: { DIRECTION: 'FORWARD' }, inputs: { SPEED: num('v', 50), SECONDS: num('s', 1) } } } } },
      }],
    },
  },
};

describe('files (Chromium, robokit serve)', () => {
  test('Ouvrir asks before replacing unsaved work; the opened program starts clean; Nouveau starts over', async () => {
    const p = rig.page;
    const trailCm = async () => Number(await p.locator('#sim-panel').getAttribute('data-trail-cm'));
    const stacks = () => workspaceBlocks(p).count();
    const moves = () => workspaceBlocks(p).filter({ hasText: 'avancer' }).count();
    await uploadProject(p, 'trait.robokit', DRAWING);
    await expect.poll(moves).toBe(1);
    expect(await stacks()).toBe(1);
    await p.locator('#run').click();
    await expect.poll(() => p.locator('#run-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('ended');
    await expect.poll(trailCm).toBeGreaterThan(14);

    // The pupil adds a block: now there is unsaved work.
    const editor = await box(p.locator('#editor'));
    await openCategory(p, 'Mouvement');
    const stop = await box(flyoutBlock(p, 'arrêter'));
    await dragMouse(p, { x: stop.x + 10, y: stop.y + stop.height / 2 }, { x: editor.x + editor.width - 250, y: editor.y + 300 });
    await expect.poll(stacks).toBe(2);

    // Ouvrir asks; « Annuler » keeps everything as it was, and no file chooser opens.
    let chose = false;
    p.once('filechooser', () => (chose = true));
    await p.locator('#open').click();
    await expect.poll(() => p.locator('#ask').isVisible()).toBe(true);
    expect(await p.locator('#ask-title').textContent()).toBe('Ton programme n’est pas enregistré');
    await p.screenshot({ path: join(RESULTS_DIR, 'files-ask-before-replacing.png') });
    await p.locator('#ask-cancel').click();
    await expect.poll(() => p.locator('#ask').count()).toBe(0);
    expect(chose).toBe(false);
    expect(await stacks()).toBe(2);

    // Yes, replace: the new program, without the old trail or the old « Programme terminé ».
    await uploadProject(p, 'trait.robokit', { ...DRAWING, name: 'Encore' });
    await expect.poll(stacks).toBe(1);
    expect(await trailCm()).toBe(0);
    expect(await p.locator('#run-state').getAttribute('data-state')).toBe('idle');
    expect(await p.locator('#run-state').textContent()).toBe('Prêt');

    // Nothing changed since it was opened: Nouveau asks nothing and shows only the start block.
    await p.locator('#new-project').click();
    await expect.poll(moves).toBe(0);
    expect(await stacks()).toBe(1);
    expect(await p.locator('#ask').count()).toBe(0);
    expect(await p.locator('#save-state').textContent()).toBe('Nouveau projet.');
  }, 90_000);
});
