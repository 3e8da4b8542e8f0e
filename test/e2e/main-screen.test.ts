/**
 * The main screen in Chromium against `robokit serve`, clicking like a child: drag blocks from the
 * toolbox with the mouse, press Lancer, watch the simulated robot, Stop, reload. Also: screenshots in
 * French, axe-core on the main screen, and no request to anything but the local server.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chain, forever, num, projectFile, type Block } from '../fixtures/project-file';
import { RESULTS_DIR, openRig, type Rig } from './harness';
import { box, dragMouse, flyoutBlock, openCategory, workspaceBlocks } from './blockly-page';
import { setDisplay, uploadProject } from './app-page';
import { axeSerious } from './axe';

let rig: Rig;

beforeAll(async () => {
  rig = await openRig();
}, 90_000);

afterAll(async () => {
  await rig?.close();
});

const page = () => rig.page;
const pose = () => page().locator('#sim-panel').getAttribute('data-pose');

/** A project with a speech block and a loop that keeps the motors on: long enough to Stop. */
const FOREVER_PROJECT = projectFile(
  { name: 'Tourne en rond', profile: 'sim' },
  chain([
    { type: 'robokit_say', id: 'say', inputs: { TEXT: { shadow: { type: 'text', id: 'say-text', fields: { TEXT: 'Bonjour\u202f!' } } } } },
    forever('loop', [
      { type: 'robot_motors', id: 'motors', inputs: { LEFT: num('l', 40), RIGHT: num('r', 30) } },
      { type: 'robokit_wait', id: 'wait', inputs: { SECONDS: num('s', 0.2) } },
    ]),
  ]),
);

const project = (first: Block | undefined) => projectFile({ name: 'Essai', profile: 'sim' }, first);
/** `avancer` with its speed taken out: a compile diagnostic on that block. */
const MISSING_SPEED = { type: 'robot_move', id: 'move', fields: { DIRECTION: 'FORWARD' }, inputs: { SECONDS: num('s', 1) } };
/** `dire (1 ÷ 0)`: a runtime error on the division block. */
const DIVIDE_BY_ZERO = {
  type: 'robokit_say',
  id: 'say',
  inputs: { TEXT: { block: { type: 'math_arithmetic', id: 'div', fields: { OP: 'DIVIDE' }, inputs: { A: num('a', 1), B: num('b', 0) } } } },
};
const sayText = (id: string, text: string): Block => ({ type: 'robokit_say', id, inputs: { TEXT: { shadow: { type: 'text', id: `${id}-t`, fields: { TEXT: text } } } } });
const TWO_SAYS = chain([sayText('say1', 'un'), sayText('say2', 'deux')]);

const upload = uploadProject;

describe('main screen (Chromium, robokit serve)', () => {
  test('opens in French with a start block, and passes axe-core without serious problems', async () => {
    const p = page();
    expect(await p.getAttribute('html', 'lang')).toBe('fr');
    await expect.poll(() => p.locator('#run').textContent()).toBe('▶ Lancer');
    expect(await p.locator('#stop').textContent()).toBe('■ Stop');
    expect(await p.locator('#step').textContent()).toBe('Pas à pas');
    expect(await workspaceBlocks(p).filter({ hasText: 'quand je démarre' }).count()).toBe(1);
    // At 1366×768 the robot panel fits under the simulator: the connection light and its words,
    // and the buttons below them, are on screen without scrolling.
    const side = await box(p.locator('.side'));
    for (const part of ['#connection', '#connect']) {
      const b = await box(p.locator(part));
      expect(b.y + b.height, part).toBeLessThanOrEqual(side.y + side.height);
    }
    await p.screenshot({ path: join(RESULTS_DIR, 'main-screen-fr.png') });

    const serious = await axeSerious(p);
    expect(serious).toEqual([]);
  });

  test('a child drags «\u00a0quand je démarre\u00a0» and «\u00a0avancer\u00a0» from the toolbox and snaps them', async () => {
    const p = page();
    // Start from an empty workspace: select the start block and delete it.
    await workspaceBlocks(p).first().click();
    await p.keyboard.press('Delete');
    await expect.poll(() => workspaceBlocks(p).count()).toBe(0);

    const editor = await box(p.locator('#editor'));
    await openCategory(p, 'Contrôle');
    const start = await box(flyoutBlock(p, 'quand je démarre'));
    await dragMouse(p, { x: start.x + 20, y: start.y + start.height - 8 }, { x: editor.x + 320, y: editor.y + 120 });
    await expect.poll(() => workspaceBlocks(p).count()).toBe(1);
    const placed = workspaceBlocks(p).first();
    const startId = await placed.getAttribute('data-id');

    await openCategory(p, 'Mouvement');
    const move = await box(flyoutBlock(p, 'avancer'));
    const hat = await box(placed);
    await dragMouse(p, { x: move.x + 10, y: move.y + 10 }, { x: hat.x + 14, y: hat.y + hat.height + 12 });
    // Snapped: the move block now lives inside the start block's group, and only one stack is left.
    const snapped = p.locator(`#editor g[data-id="${startId}"] > g.blocklyDraggable`).filter({ hasText: 'avancer' });
    await expect.poll(() => snapped.count()).toBe(1);
    expect(await workspaceBlocks(p).count()).toBe(1);
  });

  test('Lancer: the simulated robot moves and the running block is highlighted', async () => {
    const p = page();
    const before = await pose();
    // The move block snapped under the start block, on the workspace (the flyout, still in #editor,
    // has « avancer » blocks of its own).
    const moveBlock = workspaceBlocks(p).first().locator('g.blocklyDraggable').filter({ hasText: 'avancer' }).first();
    const moveId = await moveBlock.getAttribute('data-id');
    await p.locator('#run').click();
    await expect.poll(() => p.locator(`#editor g[data-id="${moveId}"].blocklyHighlighted, #editor g[data-id="${moveId}"] > .blocklyHighlighted`).count(), { timeout: 3000, interval: 50 }).toBeGreaterThan(0);
    await expect.poll(pose, { timeout: 5000 }).not.toBe(before);
    await expect.poll(() => p.locator('#run-state').getAttribute('data-state'), { timeout: 5000 }).toBe('ended');
    // robot_move: 50 % of 30 cm/s for 1 s, straight ahead from the world's start pose.
    const [x0, y0] = (before ?? '0,0').split(',').map(Number);
    const [x1, y1] = ((await pose()) ?? '0,0').split(',').map(Number);
    expect(Math.hypot(x1! - x0!, y1! - y0!)).toBeGreaterThan(10);
    expect(await p.locator('#run-state').textContent()).toBe('Programme terminé.');
  });

  test('reload: the workspace is still there', async () => {
    const p = page();
    await expect.poll(() => p.locator('#save-state').textContent(), { timeout: 5000 }).toBe('Sauvegardé automatiquement');
    await p.reload();
    await p.waitForSelector('body[data-ready="true"]');
    expect(await workspaceBlocks(p).count()).toBe(1);
    expect(await workspaceBlocks(p).first().locator('g.blocklyDraggable').filter({ hasText: 'avancer' }).count()).toBe(1);
  });

  test('open a project, Lancer: the robot speaks; Stop mid-run: motors 0', async () => {
    const p = page();
    await upload(p, 'tourne.robokit', FOREVER_PROJECT);
    await expect.poll(() => p.locator('#editor g[data-id="loop"]').count()).toBe(1);

    await p.locator('#run').click();
    await expect.poll(() => p.locator('#speech').textContent(), { timeout: 3000 }).toBe('Bonjour\u202f!');
    await expect.poll(() => p.locator('#run-state').getAttribute('data-motors'), { timeout: 3000 }).toBe('40,30');
    const moving = await pose();
    await expect.poll(pose, { timeout: 3000 }).not.toBe(moving);
    await p.screenshot({ path: join(RESULTS_DIR, 'main-screen-fr-running.png') });

    await p.locator('#stop').click();
    await expect.poll(() => p.locator('#run-state').getAttribute('data-motors'), { timeout: 2000 }).toBe('0,0');
    await expect.poll(() => p.locator('#run-state').getAttribute('data-state'), { timeout: 2000 }).toBe('ended');
    expect(await p.locator('#run-state').textContent()).toBe('Programme arrêté.');
    const stopped = await pose();
    await p.waitForTimeout(300);
    expect(await pose()).toBe(stopped);
  });

  test('the pen draws the whole line, not dots', async () => {
    const p = page();
    const pen = { type: 'robot_pen', id: 'pen', fields: { STATE: 'DOWN' } };
    const move = { type: 'robot_move', id: 'move', fields: { DIRECTION: 'FORWARD' }, inputs: { SPEED: num('v', 50), SECONDS: num('d', 1) } };
    await upload(p, 'stylo.robokit', project(chain([pen, move])));
    await expect.poll(() => p.locator('#editor g[data-id="pen"]').count()).toBe(1);
    const trailCm = async () => Number(await p.locator('#sim-panel').getAttribute('data-trail-cm'));
    await p.locator('#run').click();
    // 50 % of 30 cm/s for 1 s: the view holds a 15 cm trail.
    await expect.poll(trailCm, { timeout: 5000 }).toBeGreaterThan(14.5);
    await expect.poll(() => p.locator('#run-state').getAttribute('data-state'), { timeout: 5000 }).toBe('ended');
    expect(await trailCm()).toBeCloseTo(15, 0);
    await p.screenshot({ path: join(RESULTS_DIR, 'main-screen-fr-pen.png') });
  });

  test('a block that needs fixing is marked before running; a runtime error is explained on its block', async () => {
    const p = page();
    await upload(p, 'a-reparer.robokit', project(MISSING_SPEED));
    await expect.poll(() => p.locator('#editor g[data-id="move"]').count()).toBe(1);
    await p.locator('#run').click();
    await expect.poll(() => p.locator('#banner-text').textContent()).toBe('Certains blocs ont besoin d’être réparés avant de lancer. Regarde les triangles jaunes.');
    expect(await p.locator('#run-state').getAttribute('data-state')).not.toBe('running');
    // Blockly's warning icon on the faulty block.
    await expect.poll(() => p.locator('#editor g[data-id="move"] .blocklyIconGroup').count()).toBeGreaterThan(0);

    await upload(p, 'division.robokit', project(DIVIDE_BY_ZERO));
    await expect.poll(() => p.locator('#banner').isHidden()).toBe(true);
    await p.locator('#run').click();
    await expect.poll(() => p.locator('#banner-text').textContent(), { timeout: 3000 }).toBe('Division par zéro\u00a0: on ne peut pas diviser par 0.');
    await expect.poll(() => p.locator('#run-state').textContent()).toBe('Le programme s’est arrêté sur une erreur.');
    // The warning bubble is open on the block, in French, without a click.
    await expect.poll(() => p.locator('.blocklyBubble').filter({ hasText: 'Division par zéro' }).count()).toBeGreaterThan(0);
    await p.screenshot({ path: join(RESULTS_DIR, 'main-screen-fr-error.png') });
  });

  test('Pas à pas: starts paused, each press runs one block', async () => {
    const p = page();
    await upload(p, 'pas-a-pas.robokit', project(TWO_SAYS));
    await expect.poll(() => p.locator('#editor g[data-id="say2"]').count()).toBe(1);
    await p.locator('#step').click();
    await expect.poll(() => p.locator('#run-state').getAttribute('data-state')).toBe('paused');
    expect(await p.locator('#step').textContent()).toBe('Pas suivant');
    const said: string[] = [];
    for (let i = 0; i < 6 && !said.includes('deux'); i++) {
      await p.locator('#step').click();
      await p.waitForTimeout(150);
      const text = await p.locator('#speech').textContent();
      if (text && !said.includes(text)) said.push(text);
      if (said.length === 1) expect(await p.locator('#run-state').getAttribute('data-state')).toBe('paused');
    }
    expect(said).toEqual(['un', 'deux']);
    await p.locator('#stop').click();
    await expect.poll(() => p.locator('#run-state').getAttribute('data-state')).toBe('ended');
  });

  test('only plausible robot ports are offered; « Afficher tous les ports » shows the others', async () => {
    const p = page();
    await p.locator('#refresh-ports').click();
    const values = () => p.locator('#robot-select option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await expect.poll(() => p.locator('label[for="show-all-ports"]').textContent()).toMatch(/^Afficher tous les ports/);
    const before = await values();
    // A computer's own serial ports (/dev/ttyS0, listed on this machine) are not robots.
    expect(before.filter((v) => v.startsWith('/dev/ttyS'))).toEqual([]);
    const label = (await p.locator('label[for="show-all-ports"]').textContent()) ?? '';
    const hidden = Number(/\((\d+)\)/.exec(label)?.[1] ?? 0);
    await p.locator('#show-all-ports').check();
    const after = await values();
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after.length).toBe(before.length + hidden);
    await p.locator('#show-all-ports').uncheck();
    expect(await values()).toEqual(before);
  });

  test('Enregistrer asks for the name, then the browser downloads the project under it', async () => {
    const p = page();
    await p.locator('#save').click();
    await expect.poll(() => p.locator('#ask').isVisible()).toBe(true);
    expect(await p.locator('#ask-title').textContent()).toBe('Enregistrer le projet');
    // Cancelling saves nothing.
    await p.locator('#ask-cancel').click();
    await expect.poll(() => p.locator('#ask').count()).toBe(0);
    await p.locator('#save').click();
    await p.locator('#ask-input').fill('Deux mots');
    const download = p.waitForEvent('download');
    await p.locator('#ask-ok').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Deux mots.robokit');
    const saved = JSON.parse(await readFile((await file.path())!, 'utf8')) as { format: string; workspace: unknown };
    expect(saved.format).toBe('robokit-project');
    expect(JSON.stringify(saved.workspace)).toContain('"say2"');
    await expect.poll(() => p.locator('#save-state').textContent()).toBe('Projet enregistré.');
  });

  test('keyboard: Tab reaches Lancer first, and Enter presses it', async () => {
    const p = page();
    if (await p.locator('#banner').isVisible()) await p.locator('.banner-close').click();
    // Clicking the title puts the keyboard's starting point at the top of the page.
    await p.locator('.brand').click();
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('run');
    await p.keyboard.press('Enter');
    await expect.poll(() => p.locator('#run-state').getAttribute('data-state')).not.toBe('idle');
    await p.locator('#stop').click();
    await expect.poll(() => p.locator('#run-state').getAttribute('data-state')).toBe('ended');
  });

  test('English, high contrast and larger text are kept across a reload', async () => {
    const p = page();
    await p.locator('#language').selectOption('en');
    await expect.poll(() => p.locator('#run').textContent()).toBe('▶ Run');
    // The status line's last notice is said again in English.
    await expect.poll(() => p.locator('#save-state').textContent()).toMatch(/^(Project saved\.|Saved automatically)$/);
    await setDisplay(p, '#high-contrast', true);
    await setDisplay(p, '#large-text', true);
    await expect.poll(() => p.evaluate(() => document.body.className)).toContain('high-contrast');
    await p.reload();
    await p.waitForSelector('body[data-ready="true"]');
    expect(await p.getAttribute('html', 'lang')).toBe('en');
    expect(await p.locator('#run').textContent()).toBe('▶ Run');
    // The last opened project (then saved as a download) is what comes back.
    expect(await p.locator('#editor g[data-id="say2"]').count()).toBe(1);
    expect(await p.locator('#high-contrast').isChecked()).toBe(true);
    expect(await p.evaluate(() => document.body.className)).toContain('large-text');
    expect(await p.locator('.blocklyToolboxCategory', { hasText: 'Movement' }).count()).toBe(1);
    await p.screenshot({ path: join(RESULTS_DIR, 'main-screen-en-high-contrast-large.png') });
    await p.locator('#language').selectOption('fr');
    await setDisplay(p, '#high-contrast', false);
    await setDisplay(p, '#large-text', false);
    await expect.poll(() => p.locator('#run').textContent()).toBe('▶ Lancer');
  });

  test('no request left the computer; Blockly media came from the local server', () => {
    expect(rig.foreignRequests()).toEqual([]);
    expect(rig.requests.some((u) => u.startsWith(`${rig.origin}/media/`))).toBe(true);
    expect(rig.requests.some((u) => u.startsWith(rig.origin.replace('http:', 'ws:')))).toBe(true);
  });
});
