/**
 * Lessons in Chromium against `robokit serve`, as a teacher and a pupil would: the library with its
 * filters, importing a built `.robokitpack` with the file picker, a hostile upload dropped on the
 * library, a lesson's steps and hint, the solution built by dragging blocks from the lesson's own
 * toolbox, "Vérifier" with stars, the teacher's solution view, a parent–child lesson's roles and
 * swap reminder, axe-core on the library and the panel, and no request leaving the computer.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPack } from '../../app/host/packs';
import { REPO, RESULTS_DIR, buildRenderer, openApp, startRig, type Rig } from './harness';
import { box, dragMouse, flyoutBlock, openCategory, workspaceBlocks } from './blockly-page';
import { setDisplay, uploadProject } from './app-page';
import { axeSerious } from './axe';

let rig: Rig;
let scratch: string;
let miniPack: Buffer;
let bigPack: Buffer;

beforeAll(async () => {
  await mkdir(RESULTS_DIR, { recursive: true });
  scratch = await mkdtemp(join(tmpdir(), 'robokit-e2e-packs-'));
  const built = await buildPack(join(REPO, 'test/fixtures/packs/mini'), join(scratch, 'mini.robokitpack'));
  if (!built.ok) throw new Error('the mini pack does not build');
  miniPack = await readFile(built.file);
  // The same pack with a 7 MB photo: its base64 (9.3 MB) is over the server's 8 MB message limit, which
  // would close the socket, so it can only arrive in parts.
  const big = join(scratch, 'gros');
  await cp(join(REPO, 'test/fixtures/packs/mini'), big, { recursive: true });
  const manifest = JSON.parse(await readFile(join(big, 'pack.json'), 'utf8')) as { id: string; title: { fr: string } };
  await writeFile(join(big, 'pack.json'), JSON.stringify({ ...manifest, id: 'fr.robokit.test-gros', title: { ...manifest.title, fr: 'Gros pack de test' } }));
  await writeFile(join(big, 'images/photo.png'), randomBytes(7 * 1024 * 1024));
  const builtBig = await buildPack(big, join(scratch, 'gros.robokitpack'));
  if (!builtBig.ok) throw new Error('the big pack does not build');
  bigPack = await readFile(builtBig.file);
  await buildRenderer();
  rig = await startRig();
  await openApp(rig);
}, 120_000);

afterAll(async () => {
  await rig?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const page = () => rig.page;
const MINI = 'fr.robokit.test-mini/avancer';

async function openLibrary(p: Page): Promise<void> {
  await p.locator('#lessons-button').click();
  await expect.poll(() => p.locator('#lesson-library').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
  await expect.poll(() => p.locator('.lesson-card').count()).toBeGreaterThan(0);
}

const verdict = () => page().locator('#lesson-verdict');

describe('lessons (Chromium, robokit serve)', () => {
  test('the library lists the built-in lessons with ages, minutes, mode and tags; filters narrow it', async () => {
    const p = page();
    expect(await p.locator('#lessons-button').textContent()).toBe('Leçons');
    await openLibrary(p);
    expect(await p.locator('#library-title').textContent()).toBe('Les leçons');
    const all = await p.locator('.lesson-card').count();
    expect(all).toBeGreaterThanOrEqual(17);
    const first = p.locator('.lesson-card[data-lesson="fr.robokit.premiers-pas/avancer"]');
    expect(await first.locator('.card-title').textContent()).toBe('Avancer');
    expect(await first.locator('.card-meta').textContent()).toMatch(/7–11 ans.*\d+ min.*En solo/);
    expect(await first.locator('.chip').allTextContents()).toContain('Premiers pas');

    await p.locator('#filter-tag').selectOption('parents-enfants');
    await expect.poll(() => p.locator('.lesson-card').count()).toBeGreaterThanOrEqual(6);
    expect(await p.locator('.lesson-card:not([data-mode="parent-child"])').count()).toBe(0);
    expect(await p.locator('.lesson-card .mode').first().textContent()).toBe('Parent et enfant');
    await p.locator('#filter-tag').selectOption('');
    await p.locator('#filter-robot').selectOption('servo-bot');
    await expect.poll(() => p.locator('.lesson-card').count()).toBeLessThan(all);
    expect(await p.locator('.pack-group').evaluateAll((groups) => groups.map((g) => g.getAttribute('data-pack')))).toEqual(['fr.robokit.premiers-pas']);
    await p.locator('#filter-robot').selectOption('');
    await p.locator('#filter-age').selectOption('16');
    await expect.poll(() => p.locator('.lesson-card').count()).toBeLessThan(all);
    await p.locator('#filter-age').selectOption('');
    await expect.poll(() => p.locator('.lesson-card').count()).toBe(all);

    await p.screenshot({ path: join(RESULTS_DIR, 'lessons-library-fr.png') });
    expect(await axeSerious(p, '#lesson-library')).toEqual([]);
  });

  test('Importer un pack: a built .robokitpack from the file picker appears in the library', async () => {
    const p = page();
    const chooser = p.waitForEvent('filechooser');
    await p.locator('#import-pack').click();
    await (await chooser).setFiles({ name: 'mini.robokitpack', mimeType: 'application/zip', buffer: miniPack });
    await expect.poll(() => p.locator('#library-status').textContent(), { timeout: 10_000 }).toBe('Pack «\u00a0Mini pack de test\u00a0» importé\u00a0: 1 leçon.');
    await expect.poll(() => p.locator(`.lesson-card[data-lesson="${MINI}"]`).count()).toBe(1);
    expect(await p.locator('.pack-group[data-pack="fr.robokit.test-mini"] .chip-installed').textContent()).toBe('importé');
  });

  test('a pack larger than one WebSocket message is sent in parts and installed', async () => {
    const p = page();
    expect(bigPack.length).toBeGreaterThan(7 * 1024 * 1024);
    const chooser = p.waitForEvent('filechooser');
    await p.locator('#import-pack').click();
    await (await chooser).setFiles({ name: 'gros.robokitpack', mimeType: 'application/zip', buffer: bigPack });
    await expect.poll(() => p.locator('#library-status').textContent(), { timeout: 30_000 }).toBe('Pack «\u00a0Gros pack de test\u00a0» importé\u00a0: 1 leçon.');
    await expect.poll(() => p.locator('.lesson-card[data-lesson="fr.robokit.test-gros/avancer"]').count()).toBe(1);
  });

  test('a hostile upload (random bytes dropped on the library): a clear French message, nothing breaks', async () => {
    const p = page();
    const before = await p.locator('.lesson-card').count();
    await p.locator('#lesson-library').evaluate((dialog) => {
      const bytes = new Uint8Array(5000);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'cadeau.robokitpack'));
      dialog.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      dialog.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    const status = p.locator('#library-status');
    await expect.poll(() => status.getAttribute('data-kind'), { timeout: 10_000 }).toBe('error');
    expect(await status.locator('p').textContent()).toBe('Ce pack n’a pas été importé (cadeau.robokitpack). Rien n’a changé. Voici pourquoi\u00a0:');
    expect(await status.locator('li').first().textContent()).toBe('«\u00a0cadeau.robokitpack\u00a0» n’est pas un pack de leçons (.robokitpack)\u00a0: ce n’est pas une archive zip.');
    expect(await status.locator('li').first().getAttribute('data-code')).toBe('pack-not-zip');
    await p.screenshot({ path: join(RESULTS_DIR, 'lessons-library-hostile-upload.png') });
    // Nothing changed, and the library still works.
    expect(await p.locator('.lesson-card').count()).toBe(before);
    await p.locator('#filter-tag').selectOption('girls-can-code');
    await expect.poll(() => p.locator('.lesson-card').count()).toBeLessThan(before);
    await p.locator('#filter-tag').selectOption('');
  });

  test('open a lesson: its steps with Suivant / Précédent, a hint on demand, its toolbox and world only', async () => {
    const p = page();
    await p.locator(`.lesson-card[data-lesson="${MINI}"] .card-start`).click();
    await expect.poll(() => p.locator('#lesson-panel').isVisible()).toBe(true);
    expect(await p.locator('#lesson-library').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await p.locator('#lesson-title').textContent()).toBe('Avancer jusqu’à l’arrivée');
    expect(await p.locator('#step-count').textContent()).toBe('Étape 1 sur 2');
    expect(await p.locator('#step-body h1').textContent()).toBe('Avancer');
    // The pack's image, inlined by the host and kept by the page's sanitiser.
    expect(await p.locator('#step-body img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await p.locator('#step-body img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await p.locator('#lesson-prev').isDisabled()).toBe(true);

    expect(await p.locator('#hint-box').isVisible()).toBe(false);
    await p.locator('#lesson-hint').click();
    expect(await p.locator('#hint-box').textContent()).toBe('Indice\u00a0: Le bloc «\u00a0avancer\u00a0» est dans Mouvement.');
    expect(await p.locator('#lesson-hint').getAttribute('aria-expanded')).toBe('true');

    await p.locator('#lesson-next').click();
    expect(await p.locator('#step-count').textContent()).toBe('Étape 2 sur 2');
    expect(await p.locator('#step-body').textContent()).toContain('Appuie sur «\u00a0Vérifier\u00a0»');
    expect(await p.locator('#step-body a').getAttribute('rel')).toBe('noopener noreferrer');
    expect(await p.locator('#hint-box').isVisible()).toBe(false);
    expect(await p.locator('#lesson-hint').isVisible()).toBe(false);
    expect(await p.locator('#lesson-next').isDisabled()).toBe(true);
    await p.locator('#lesson-prev').click();
    expect(await p.locator('#step-count').textContent()).toBe('Étape 1 sur 2');
    await p.locator('#lesson-next').click();

    // The lesson's toolbox only: movement and control, no sensors, light or sound.
    const categories = await p.locator('.blocklyToolboxCategory').allTextContents();
    expect(categories.map((c) => c.trim())).toEqual(['Mouvement', 'Contrôle', 'Maths']);
    await openCategory(p, 'Mouvement');
    const offered = await p.locator('svg.blocklyFlyout .blocklyBlockCanvas > g.blocklyDraggable').evaluateAll((blocks) => blocks.map((b) => b.classList[0]));
    expect(offered).toEqual(['robot_move', 'robot_turn', 'robot_stop']);
    // The starter: only the start block. The simulator shows the lesson's world.
    expect(await workspaceBlocks(p).count()).toBe(1);
    expect(await p.locator('#sim-panel select option:checked').textContent()).toBe('Couloir');
    expect(await p.locator('#challenge-summary').textContent()).toBe('Atteindre la zone «\u00a0Arrivée\u00a0», sans toucher les murs, en 10 s au plus. ★★★ avec 2 blocs ou moins.');
  });

  test('Vérifier on the starter: not yet, with a kind word per condition', async () => {
    const p = page();
    await p.locator('#lesson-check').click();
    await expect.poll(() => verdict().getAttribute('data-passed'), { timeout: 10_000 }).toBe('false');
    expect(await verdict().locator('.verdict-text').textContent()).toBe('Pas encore\u00a0: le défi n’est pas réussi. Lis les conseils et essaie encore\u202f!');
    expect(await verdict().locator('li[data-kind="reachZone"]').getAttribute('data-passed')).toBe('false');
    expect(await verdict().locator('li[data-kind="neverTouchWall"]').getAttribute('data-passed')).toBe('true');
    expect(await verdict().locator('.stars').count()).toBe(0);
  });

  test('the pupil drags « avancer » from the lesson toolbox, sets 9 s, and Vérifier passes with ★★★', async () => {
    const p = page();
    await openCategory(p, 'Mouvement');
    // The open flyout covers « Atelier », not the other way round (the corner buttons hid the end of its first block).
    const flyout = await box(p.locator('svg.blocklyFlyout:visible'));
    const corner = await box(p.locator('#workshop-button'));
    const x = (Math.max(flyout.x, corner.x) + Math.min(flyout.x + flyout.width, corner.x + corner.width)) / 2;
    expect(x, 'the flyout reaches under « Atelier »').toBeGreaterThan(corner.x);
    expect(await p.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.closest('.blocklyFlyout') !== null, [x, corner.y + corner.height / 2])).toBe(true);
    const move = await box(flyoutBlock(p, 'avancer'));
    const hat = await box(workspaceBlocks(p).first());
    await dragMouse(p, { x: move.x + 10, y: move.y + 10 }, { x: hat.x + 14, y: hat.y + hat.height + 12 });
    const snapped = p.locator('#editor .blocklyBlockCanvas > g.blocklyDraggable g.blocklyDraggable').filter({ hasText: 'avancer' });
    await expect.poll(() => snapped.count()).toBe(1);
    expect(await workspaceBlocks(p).count()).toBe(1);

    // Its seconds: the block's second number. Click it and type, as a child would.
    const seconds = snapped.locator('.blocklyNumberField').nth(1);
    expect((await seconds.textContent())?.trim()).toBe('2');
    await seconds.click();
    const input = p.locator('.blocklyHtmlInput');
    await input.waitFor({ state: 'visible' });
    await input.fill('9');
    await p.keyboard.press('Enter');
    await expect.poll(async () => (await seconds.textContent())?.trim()).toBe('9');

    await p.locator('#lesson-check').click();
    await expect.poll(() => verdict().getAttribute('data-passed'), { timeout: 10_000 }).toBe('true');
    expect(await verdict().locator('.stars').textContent()).toBe('★★★');
    expect(await verdict().locator('.stars').getAttribute('aria-label')).toBe('3 étoiles sur 3');
    // 9 s of driving, in the zone at 8,7 s: the verdict says one time, the one the timed condition says.
    expect(await verdict().locator('.verdict-text').textContent()).toBe('Défi réussi\u202f! ★★★ en 8,7 s avec 1 bloc.');
    expect(await verdict().textContent()).toContain('fait en 8,7 s');
    expect(await verdict().locator('li[data-passed="false"]').count()).toBe(0);
    await p.screenshot({ path: join(RESULTS_DIR, 'lessons-panel-passed-fr.png') });
    expect(await axeSerious(p, '#lesson-panel')).toEqual([]);
  });

  test('the teacher space opens only with the code the adult chose, and shows the solution read-only', async () => {
    const p = page();
    expect(await p.locator('#show-solution').isVisible()).toBe(false);
    // The first time, the adult chooses the code.
    await p.locator('#teacher-mode').click();
    await expect.poll(() => p.locator('#ask').isVisible()).toBe(true);
    expect(await p.locator('#ask-message').textContent()).toMatch(/Adulte\s: choisissez un code/);
    expect(await p.locator('#ask-input').getAttribute('type')).toBe('password');
    await p.locator('#ask-input').fill('4821');
    await p.locator('#ask-ok').click();
    await expect.poll(() => p.locator('#show-solution').isVisible()).toBe(true);
    // Closed again, a pupil who tries a wrong code gets nothing.
    await p.locator('#teacher-mode').click();
    expect(await p.locator('#show-solution').isVisible()).toBe(false);
    await p.locator('#teacher-mode').click();
    await p.locator('#ask-input').fill('0000');
    await p.locator('#ask-ok').click();
    await expect.poll(() => p.locator('#banner-text').textContent(), { timeout: 10_000 }).toBe('Ce n’est pas le bon code.');
    expect(await p.locator('#show-solution').isVisible()).toBe(false);
    // The right code opens it.
    await p.locator('#teacher-mode').click();
    await p.locator('#ask-input').fill('4821');
    await p.locator('#ask-ok').click();
    await expect.poll(() => p.locator('#show-solution').isVisible(), { timeout: 10_000 }).toBe(true);
    await p.locator('#show-solution').click();
    const dialog = p.locator('#solution-dialog');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await expect.poll(() => dialog.locator('.blocklyBlockCanvas g.robot_move').count()).toBe(1);
    // Read only: nothing can be dragged or edited there.
    expect(await dialog.locator('.blocklyDraggable, .blocklyEditableField').count()).toBe(0);
    expect(await dialog.locator('.blocklyToolbox, .blocklyToolboxDiv').count()).toBe(0);
    await p.screenshot({ path: join(RESULTS_DIR, 'lessons-solution-fr.png') });
    await p.locator('#solution-close').click();
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    const seconds = workspaceBlocks(p).locator('g.robot_move .blocklyNumberField').nth(1);
    expect((await seconds.textContent())?.trim()).toBe('9');
    await p.locator('#teacher-mode').click();
  });

  test('in English, the panel and the verdict speak English', async () => {
    const p = page();
    await p.locator('#language').selectOption('en');
    await expect.poll(() => p.locator('#lesson-check').textContent()).toBe('✔ Check');
    expect(await p.locator('#step-count').textContent()).toBe('Step 2 of 2');
    expect(await p.locator('#step-body h1').textContent()).toBe('Check');
    expect(await verdict().locator('.verdict-text').textContent()).toBe('Challenge passed! ★★★ in 8.7 s with 1 block.');
    await setDisplay(p, '#high-contrast', true);
    await expect.poll(() => p.evaluate(() => document.body.className)).toContain('high-contrast');
    await p.screenshot({ path: join(RESULTS_DIR, 'lessons-panel-en-high-contrast.png') });
    expect(await axeSerious(p, '#lesson-panel')).toEqual([]);
    await setDisplay(p, '#high-contrast', false);
    await p.locator('#language').selectOption('fr');
    await expect.poll(() => p.locator('#lesson-check').textContent()).toBe('✔ Vérifier');
  });

  test('reload: the lesson comes back with the pupil’s work', async () => {
    const p = page();
    // The last autosave may have been announced while the page spoke English.
    await expect.poll(() => p.locator('#save-state').textContent(), { timeout: 5000 }).toMatch(/^(Sauvegardé automatiquement|Saved automatically)$/);
    await p.reload();
    await p.waitForSelector('body[data-ready="true"]');
    await expect.poll(() => p.locator('#lesson-panel').isVisible()).toBe(true);
    expect(await p.locator('#lesson-title').textContent()).toBe('Avancer jusqu’à l’arrivée');
    expect(await p.locator('#editor .blocklyBlockCanvas g.blocklyDraggable').filter({ hasText: 'avancer' }).count()).toBeGreaterThan(0);
    expect((await p.locator('.blocklyToolboxCategory').allTextContents()).map((c) => c.trim())).toEqual(['Mouvement', 'Contrôle', 'Maths']);
  });

  test('leaving the lesson gives the whole toolbox back', async () => {
    const p = page();
    await p.locator('#lesson-close').click();
    await expect.poll(() => p.locator('#lesson-panel').isVisible()).toBe(false);
    await expect.poll(async () => (await p.locator('.blocklyToolboxCategory').allTextContents()).length).toBeGreaterThan(3);
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('lessons-button');
  });

  test('opening a pupil’s project file brings its lesson back; a plain project leaves it', async () => {
    const p = page();
    const upload = (name: string, project: object) => uploadProject(p, name, project);
    const workspace = { blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', x: 40, y: 40 }] } };
    const base = { format: 'robokit-project', version: 1, name: 'Travail de Léa', profile: 'sim', workspace };
    await upload('lea.robokit', { ...base, lesson: { pack: 'fr.robokit.test-mini', lesson: 'avancer' } });
    await expect.poll(() => p.locator('#lesson-panel').isVisible()).toBe(true);
    expect(await p.locator('#lesson-title').textContent()).toBe('Avancer jusqu’à l’arrivée');
    await upload('libre.robokit', base);
    await expect.poll(() => p.locator('#lesson-panel').isVisible()).toBe(false);
    await expect.poll(async () => (await p.locator('.blocklyToolboxCategory').allTextContents()).length).toBeGreaterThan(3);
  });

  test('a parent–child lesson: pilote and copilote, a timer, and a reminder to swap roles', async () => {
    const p = page();
    await p.clock.install();
    await openLibrary(p);
    await p.locator('#filter-tag').selectOption('parents-enfants');
    await p.locator('.lesson-card[data-mode="parent-child"] .card-start').first().click();
    await expect.poll(() => p.locator('#lesson-panel').isVisible()).toBe(true);
    expect(await p.locator('#lesson-meta .mode').textContent()).toBe('Parent et enfant');
    expect(await p.locator('#role-pilot strong').textContent()).toBe('Pilote\u00a0: Enfant');
    expect(await p.locator('#role-copilot strong').textContent()).toBe('Copilote\u00a0: Parent');
    expect(await p.locator('#pair-time').textContent()).toBe('Chrono 0:00');
    expect(await p.locator('#pair-next').textContent()).toBe('Échange des rôles dans 3:00');
    await p.locator('#pair-timer').click();
    expect(await p.locator('#pair-timer').textContent()).toBe('❚❚ Pause');
    await p.clock.runFor(61_000);
    expect(await p.locator('#pair-time').textContent()).toBe('Chrono 1:01');
    expect(await p.locator('#swap-now').textContent()).toBe('');
    await p.clock.runFor(120_000);
    expect(await p.locator('#swap-now').textContent()).toBe('C’est l’heure d’échanger les rôles\u202f!');
    expect(await p.locator('#role-pilot strong').textContent()).toBe('Pilote\u00a0: Parent');
    expect(await p.locator('#role-copilot strong').textContent()).toBe('Copilote\u00a0: Enfant');
    expect(await p.locator('#pair-next').textContent()).toBe('Échange des rôles dans 2:59');
    await p.locator('#pair-timer').click();
    expect(await p.locator('#pair-timer').textContent()).toBe('▶ Démarrer le chrono');
    await p.screenshot({ path: join(RESULTS_DIR, 'lessons-panel-parent-child-fr.png') });
    expect(await axeSerious(p, '#lesson-panel')).toEqual([]);
  });

  test('no request left the computer', () => {
    expect(rig.foreignRequests()).toEqual([]);
  });
});
