/**
 * A whole workshop in Chromium against `robokit serve`, as a facilitator runs it (issue #15):
 * prepared in a minute (two challenges, three teams by nickname, a leave code), locked to the
 * workshop, each team's turn with the roles (the child pilots first) and a swap with its banner,
 * tries counted, Vérifier with stars, a skip, done by hand on the robot, pause and extra time; after
 * each « Famille suivante » nothing of the previous family is in the page, the undo stack, the
 * autosave or the local storage, and the robot is stopped; the results exported as CSV and as a
 * session file; leaving needs the code.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseSession, type Session } from '../../app/core/workshop/session';
import { workspaceBlocks } from './blockly-page';
import { RESULTS_DIR, buildRenderer, openApp, startRig, type Rig } from './harness';
import { ink, pdfPage } from './pdf-page';
import { AVANCER, LUMIERE, answer, downloadFrom, dragForward, dragUnderStart, prepareWorkshop, startTurnOf, verifyAndWait } from './workshop-page';

const run = promisify(execFile);
let rig: Rig;
let dataDir: string;
/** The projector page, opened from the workshop's own button in a second tab. */
let projector: Page;
/** The session file as exported, for the merge. */
let exported = '';
const page = () => rig.page;
const shot = (name: string) => page().screenshot({ path: join(RESULTS_DIR, `workshop-${name}.png`) });

beforeAll(async () => {
  await mkdir(RESULTS_DIR, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'robokit-e2e-workshop-'));
  await buildRenderer();
  rig = await startRig({ dataDir });
  await openApp(rig);
}, 120_000);

afterAll(async () => {
  await rig?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function autosavedSession(): Promise<Session> {
  const parsed = parseSession(await readFile(join(dataDir, 'workshop', 'current.robokitsession'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.code);
  return parsed.session;
}

const bar = (id: string) => page().locator(`#ws-${id}`);

/**
 * « Famille suivante », then: nothing of `nickname`'s family anywhere, and the robot stopped. A
 * family still on its route is asked about first (`midRoute`); one that finished it is not.
 */
async function nextFamilyLeavesNothingOf(nickname: string, { midRoute = false } = {}): Promise<number> {
  const p = page();
  await bar('next-family').click();
  if (midRoute) {
    await p.locator('#ask').waitFor({ state: 'visible' });
    expect(await p.locator('#ask-title').textContent()).toMatch(new RegExp(`^Finir le tour de ${nickname}\\s?\\?$`));
    await p.locator('#ask-ok').click();
  } else {
    expect(await p.locator('#ask').count()).toBe(0);
  }
  const clicked = Date.now();
  await p.locator('#ws-welcome[data-reset-ms]').waitFor({ state: 'attached', timeout: 5000 });
  const wall = Date.now() - clicked;
  const resetMs = Number(await p.locator('#ws-welcome').getAttribute('data-reset-ms'));
  console.log(`« Famille suivante »: ${resetMs} ms in the page (phases ${await p.locator('#ws-welcome').getAttribute('data-reset-phases')}), ${wall} ms from the click; session file ${(await readFile(join(dataDir, 'workshop', 'current.robokitsession'))).length} bytes`);
  expect(resetMs).toBeLessThan(2000);
  expect(wall).toBeLessThan(2000);
  expect(await p.locator('#ws-welcome').isVisible()).toBe(true);

  // The page: not the nickname, not a block of theirs, not their verdict, not their trail.
  const text = await p.evaluate(() => ({ inner: document.body.innerText, all: document.body.textContent ?? '' }));
  expect(text.inner).not.toContain(nickname);
  expect(text.all).not.toContain(nickname);
  expect(text.all).not.toContain('Défi réussi');
  expect(await workspaceBlocks(p).count()).toBe(1);
  const theirBlocks = () => p.locator('#editor svg.blocklySvg .blocklyBlockCanvas g.blocklyDraggable').filter({ hasText: /avancer|attendre/ }).count();
  expect(await theirBlocks()).toBe(0);
  expect(await p.locator('#lesson-panel').isVisible()).toBe(false);
  expect(await p.locator('#sim-panel').getAttribute('data-trail-cm')).toBe('0.0');
  // The undo stack: « Annuler » brings nothing back.
  await p.evaluate(() => {
    for (let i = 0; i < 8; i++) document.getElementById('undo')!.click();
  }, 90_000);
  expect(await workspaceBlocks(p).count()).toBe(1);
  expect(await theirBlocks()).toBe(0);
  // The browser's storage holds nothing of them.
  const storage = await p.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(storage).not.toContain(nickname);
  expect(storage).not.toContain('robot_move');
  // The host's autosave, its versions and the lessons' saved work hold nothing of them.
  const current = await readFile(join(dataDir, 'autosave', 'current.robokit'), 'utf8');
  expect(current).not.toContain('robot_move');
  expect(current).not.toContain('"lesson"');
  for (const version of await readdir(join(dataDir, 'autosave', 'versions')).catch(() => [])) {
    expect(await readFile(join(dataDir, 'autosave', 'versions', version), 'utf8')).not.toContain('robot_move');
  }
  const lessonWork = join(dataDir, 'lessons', 'fr.robokit.premiers-pas');
  expect(await readdir(lessonWork).catch(() => [])).toEqual([]);
  // The session keeps the results, and no turn under way.
  await expect.poll(async () => (await autosavedSession()).current).toBeUndefined();
  // The robot is stopped.
  expect(await p.locator('#run-state').getAttribute('data-state')).not.toBe('running');
  const motors = await p.locator('#run-state').getAttribute('data-motors');
  if (motors) expect(motors).toBe('0,0');
  return resetMs;
}

describe('a workshop, as a facilitator runs it', () => {
  test('prepared in a minute: two challenges, three teams by nickname only (said on screen), a leave code', async () => {
    const p = page();
    await prepareWorkshop(p, { title: 'Atelier du samedi', picks: [AVANCER, LUMIERE], teams: ['Les Tigres', 'Lou et papa', 'Zébulon'], code: 'abc' });
    // The ready routes through the parent–child pack, as its description promises.
    expect((await p.locator('label.ws-route').allInnerTexts()).map((t) => t.trim())).toEqual([
      expect.stringMatching(/^15 min\s: Défi 1\s: le spectacle lumière et son$/),
      expect.stringMatching(/^45 min\s: Défi 1.*, Défi 2\s: se garer, Défi 3\s: dessiner une maison$/),
      expect.stringMatching(/^90 min\s: .*Défi 5\s: le slalom \(bonus\s: Défi 6\s: suivre la ligne\)$/),
      'Je choisis les défis',
    ]);
    expect(await p.locator('#ws-picks input').count()).toBeGreaterThan(20);
    expect(await p.locator('#ws-privacy').textContent()).toMatch(/^Seulement un prénom ou un surnom par équipe\s: RoboKit ne garde aucune autre donnée personnelle/);
    expect(await p.locator('#ws-teams li').allTextContents()).toEqual(['Les Tigres×', 'Lou et papa×', 'Zébulon×']);
    // The same nickname twice, and a code too short: one sentence each, nothing lost.
    await p.locator('#ws-nickname').fill('les tigres');
    await p.locator('#ws-add-team').click();
    expect(await p.locator('#ws-problem').textContent()).toMatch(/^L’équipe\s«\sles tigres\s» existe déjà/);
    await p.locator('#ws-nickname').fill('');
    await p.locator('#ws-start').click();
    expect(await p.locator('#ws-problem').textContent()).toMatch(/^Choisissez un code d’au moins 4\scaractères pour quitter l’atelier\.$/);
    expect(await p.locator('#ws-code').evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await p.locator('#ws-teams li').count()).toBe(3);
    await p.locator('#ws-code').fill('lune42');
    // Mended: the sentence goes.
    expect(await p.locator('#ws-problem').textContent()).toBe('');
    // « Commencer l’atelier » is in view at 1366×768 without scrolling the long form.
    const start = await p.locator('#ws-start').boundingBox();
    expect(start!.y + start!.height).toBeLessThanOrEqual(768);
    await p.locator('#ws-setup').evaluate((d) => d.scrollTo(0, 0));
    const atTop = await p.locator('#ws-start').boundingBox();
    expect(atTop!.y + atTop!.height).toBeLessThanOrEqual(768);
    await shot('prepare-fr');
    await p.locator('#ws-start').click();
    await p.locator('#ws-welcome').waitFor({ state: 'visible' });
    expect(await p.locator('#ws-next-team option').allTextContents()).toEqual(['Les Tigres', 'Lou et papa', 'Zébulon']);
    await shot('welcome-fr');
    // The projector view, from the welcome screen's button, in a second tab to drag onto the wall.
    const opened = rig.context.waitForEvent('page');
    await p.locator('#ws-projector-welcome').click();
    projector = await opened;
    await projector.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    // The facilitator's window stays in front (a tab behind is throttled by the browser).
    await p.bringToFront();
    await expect.poll(() => projector.locator('#projector-table .projector-name').allInnerTexts(), { timeout: 5000 }).toEqual(['Les Tigres', 'Lou et papa', 'Zébulon']);
    expect(await projector.locator('#projector-turn').isHidden()).toBe(true);
    const session = await autosavedSession();
    expect(session.teams).toEqual([
      { id: 't1', nickname: 'Les Tigres' },
      { id: 't2', nickname: 'Lou et papa' },
      { id: 't3', nickname: 'Zébulon' },
    ]);
    expect(session.route.steps.map((s) => `${s.pack}/${s.lesson}`)).toEqual([AVANCER, LUMIERE]);
    expect(session.route.swapSeconds).toBe(180);
  }, 90_000);

  test('locked to the workshop: no settings, no library, no other lesson, no files', async () => {
    const p = page();
    // The page's clock is ours from now on (it runs on by itself; runFor jumps ahead): installed before the turn's clock starts.
    await p.clock.install();
    await startTurnOf(p, 'Les Tigres');
    for (const id of ['#display-menu', '#language', '#lessons-button', '#lesson-close', '#new-project', '#open', '#teacher-mode', '#workshop-button']) {
      expect(await p.locator(id).isVisible(), id).toBe(false);
    }
    expect(await p.locator('#sim-panel select').first().isDisabled()).toBe(true);
    // Even a click that reaches the hidden « Leçons » button opens nothing.
    await p.evaluate(() => document.getElementById('lessons-button')!.click());
    expect(await p.locator('#library').isVisible()).toBe(false);
  }, 90_000);

  test('team 1: the child pilots first; a swap at 3 min with its banner, a chime and the parent’s hint; tries counted; Vérifier with stars; a skip', async () => {
    const p = page();
    expect(await bar('team').textContent()).toBe('Équipe Les Tigres');
    expect(await bar('challenge').textContent()).toBe('Défi 1 sur 2 · Avancer');
    expect(await bar('pilot').getAttribute('data-pilot')).toBe('child');
    expect(await p.locator('#role-pilot strong').textContent()).toBe('Pilote\u00a0: Enfant');
    expect(await bar('tries').textContent()).toBe('0 essai');
    await expect.poll(() => projector.locator('#projector-nickname').innerText(), { timeout: 5000 }).toBe('Les Tigres');
    expect(await projector.locator('#projector-roles').getAttribute('data-pilot')).toBe('child');

    await p.clock.runFor(181_000);
    await p.locator('#ws-swap-banner').waitFor({ state: 'visible' });
    expect(await p.locator('#ws-swap-banner').getAttribute('data-message')).toBe('workshop-swap-to-parent');
    expect(await bar('pilot').getAttribute('data-pilot')).toBe('parent');
    expect(await p.locator('#role-pilot strong').textContent()).toBe('Pilote\u00a0: Parent');
    expect(Number(await p.locator('#ws-swap-banner').getAttribute('data-chimes'))).toBe(1);
    // The projector follows the swap (the session is saved at each swap).
    await expect.poll(() => projector.locator('#projector-roles').getAttribute('data-pilot'), { timeout: 5000 }).toBe('parent');
    await p.locator('#ws-swap-close').click();
    await p.clock.runFor(180_000);
    await p.locator('#ws-swap-banner').waitFor({ state: 'visible' });
    expect(await p.locator('#ws-swap-banner').getAttribute('data-message')).toBe('workshop-swap-to-child');
    expect(await p.locator('#ws-swap-text').textContent()).toMatch(/L’enfant pilote\. Parent\s: laisse-lui la souris et demande\s«\sQue va-t-il se passer\s\?\s»/);
    expect(await bar('pilot').getAttribute('data-pilot')).toBe('child');
    await shot('swap-banner-fr');
    await p.locator('#ws-swap-close').click();
    expect(Number(await bar('time').getAttribute('data-seconds'))).toBeGreaterThanOrEqual(361);

    await verifyAndWait(p, false);
    await expect.poll(() => bar('tries').textContent()).toBe('1 essai');
    await dragForward(p, '5');
    await verifyAndWait(p, true);
    await expect.poll(() => bar('notice').textContent()).toBe('Défi réussi\u202f! ★★★');
    expect(await bar('challenge').textContent()).toBe('Défi 1 sur 2 · Avancer');
    // The replay's picture is kept for the certificate.
    await expect.poll(async () => (await autosavedSession()).drawings.map((d) => d.lesson), { timeout: 15_000 }).toEqual(['avancer']);
    await shot('passed-fr');
    await expect.poll(() => projector.locator('#projector-table tbody tr').first().innerText(), { timeout: 5000 }).toMatch(/^1\s+Les Tigres\s+1\s+★ 3/);
    await bar('next-challenge').click();
    await expect.poll(() => bar('challenge').textContent()).toBe('Défi 2 sur 2 · Lumière et son');
    await expect.poll(() => p.locator('#lesson-title').textContent()).toBe('Lumière et son');
    expect(await bar('time').getAttribute('data-seconds')).toBe('0');
    expect(await bar('pilot').getAttribute('data-pilot')).toBe('child');
    await bar('skip').click();
    await expect.poll(() => bar('notice').textContent()).toMatch(/^Parcours terminé, bravo/);
    await expect.poll(async () => (await autosavedSession()).tries.length).toBe(3);
    const tries = (await autosavedSession()).tries.filter((t) => t.team === 't1');
    expect(tries.map((t) => [t.lesson, t.outcome, t.passed, t.stars])).toEqual([
      ['avancer', 'checked', false, 0],
      ['avancer', 'checked', true, 3],
      ['lumiere-et-son', 'skipped', false, 0],
    ]);
    expect(tries[1]!.swaps).toBe(2);
  }, 90_000);

  test('team 1’s certificate, printed to PDF: its nickname and the robot’s picture', async () => {
    const p = page();
    const opened = rig.context.waitForEvent('page');
    await bar('certificate').click();
    const certificate = await opened;
    await certificate.setViewportSize({ width: 1123, height: 794 });
    await certificate.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(await certificate.locator('.certificate-nickname').innerText()).toBe('Les Tigres');
    expect(await certificate.locator('.certificate-list li').allInnerTexts()).toEqual(['Avancer ★★★']);
    const pdf = join(RESULTS_DIR, 'workshop-certificate-t1.pdf');
    await writeFile(pdf, await certificate.pdf({ preferCSSPageSize: true, printBackground: true }));
    const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-']);
    expect(text).toContain('Les Tigres');
    expect(text).toContain('Avancer');
    await certificate.emulateMedia({ media: 'print' });
    const frame = (await certificate.locator('#certificate-drawing-t1').boundingBox())!;
    const printed = await pdfPage(pdf, 1, join(RESULTS_DIR, 'workshop-certificate-t1.png'));
    // The world's walls, its zone and the robot are inked (a frame with only a sentence has ~2,300).
    expect(ink(printed, frame).inked).toBeGreaterThan(4000);
    await certificate.close();
    await p.bringToFront();
  }, 90_000);

  test('« Famille suivante »: nothing of team 1 is left, in under 2 s', async () => {
    await nextFamilyLeavesNothingOf('Les Tigres');
    await expect.poll(() => projector.locator('#projector-turn').isHidden(), { timeout: 5000 }).toBe(true);
    expect(await page().locator('#ws-next-team option').allTextContents()).toEqual(['Lou et papa', 'Zébulon']);
    await shot('next-family-fr');
  }, 90_000);

  test('team 2: done by hand on the real robot; pause and extra time', async () => {
    const p = page();
    await startTurnOf(p, 'Lou et papa');
    expect(await workspaceBlocks(p).count()).toBe(1);
    expect(await bar('time').getAttribute('data-seconds')).toBe('0');
    await bar('done').click();
    await answer(p, '2');
    await expect.poll(() => bar('notice').textContent()).toBe('Défi réussi sur le robot\u202f! ★★☆');
    await bar('next-challenge').click();
    await expect.poll(() => p.locator('#lesson-title').textContent()).toBe('Lumière et son');
    await p.clock.runFor(10_000);
    await bar('pause').click();
    expect(await bar('pause').textContent()).toBe('▶ Reprendre');
    const paused = await bar('time').getAttribute('data-seconds');
    await p.clock.runFor(60_000);
    expect(await bar('time').getAttribute('data-seconds')).toBe(paused);
    await bar('pause').click();
    await bar('extra').click();
    await expect.poll(() => bar('time').textContent()).toMatch(/\/ 27:00$/);
    await shot('turn-fr');
    await bar('done').click();
    await answer(p, '3');
    await expect.poll(() => bar('notice').textContent()).toMatch(/^Défi réussi sur le robot\u202f! ★★★ Parcours terminé/);
    await nextFamilyLeavesNothingOf('Lou et papa');
  }, 90_000);

  test('team 3: Vérifier passes; the robot still runs when « Famille suivante » comes, and it stops', async () => {
    const p = page();
    await startTurnOf(p, 'Zébulon');
    await dragForward(p, '5');
    await verifyAndWait(p, true);
    await bar('next-challenge').click();
    await expect.poll(() => p.locator('#lesson-title').textContent()).toBe('Lumière et son');
    // The next challenge: a long wait in the program, and the family leaves while it runs.
    await dragUnderStart(p, 'Contrôle', 'attendre', 0, '30');
    await p.locator('#run').click();
    await expect.poll(() => p.locator('#run-state').getAttribute('data-state'), { timeout: 5000 }).toBe('running');
    // A click too soon on « Famille suivante » (next to « Réussi sur le robot »): asked, and « Continuer le tour » keeps everything.
    await bar('next-family').click();
    await p.locator('#ask-cancel').click();
    await p.locator('#ask').waitFor({ state: 'detached' });
    expect(await p.locator('#lesson-title').textContent()).toBe('Lumière et son');
    expect(await p.locator('#ws-welcome').isVisible()).toBe(false);
    await nextFamilyLeavesNothingOf('Zébulon', { midRoute: true });
    expect(await p.locator('#ws-all-played').textContent()).toBe('Toutes les équipes ont joué.');
  }, 90_000);

  test('the results as CSV and as a session file', async () => {
    const p = page();
    const csv = await downloadFrom(p, 'ws-export-csv');
    expect(csv.name).toMatch(/^atelier-\d{8}-\d{6}-[0-9a-f]{4}\.csv$/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('atelier,date,équipe,pack,défi,heure,secondes,résultat,réussi,étoiles,pilote,échanges');
    expect(lines.slice(1).map((l) => l.split(',').slice(2, 10).filter((_, i) => i !== 1 && i !== 3 && i !== 4).join(' '))).toEqual([
      'Les Tigres avancer vérifié non 0',
      'Les Tigres avancer vérifié oui 3',
      'Les Tigres lumiere-et-son passé non 0',
      'Lou et papa avancer fait à la main oui 2',
      'Lou et papa lumiere-et-son fait à la main oui 3',
      'Zébulon avancer vérifié oui 3',
    ]);
    const file = await downloadFrom(p, 'ws-export-session');
    expect(file.name).toMatch(/\.robokitsession$/);
    exported = file.text;
    const parsed = parseSession(file.text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.session.title).toBe('Atelier du samedi');
    expect(parsed.session.tries).toHaveLength(6);
    expect(parsed.session.drawings.map((d) => d.team).sort()).toEqual(['t1', 't3']);
    expect(parsed.session.current).toBeUndefined();
  }, 90_000);

  test('two session files merged into one scoreboard; a hostile or truncated file refused with one sentence', async () => {
    const p = page();
    // Another laptop's session: its own « Les Tigres » stays a team of its own.
    const other = parseSession(exported);
    if (!other.ok) throw new Error('the export does not parse');
    const laptop2 = {
      ...other.session,
      id: 'atelier-salle-2',
      title: 'Salle 2',
      createdAt: '2026-12-01T09:50:00.000Z',
      teams: [{ id: 't1', nickname: 'Les Tigres' }, { id: 't2', nickname: 'Capucine' }],
      tries: [
        { team: 't2', pack: 'fr.robokit.premiers-pas', lesson: 'avancer', at: '2026-12-01T10:00:00.000Z', seconds: 40, outcome: 'checked', passed: true, stars: 3, pilot: 'child', swaps: 0 },
        { team: 't2', pack: 'fr.robokit.premiers-pas', lesson: 'lumiere-et-son', at: '2026-12-01T10:10:00.000Z', seconds: 50, outcome: 'manual', passed: true, stars: 3, pilot: 'parent', swaps: 1 },
      ],
      drawings: [],
    };
    const hostile = { ...laptop2, id: 'espion', teams: [{ id: 't1', nickname: 'Lou', telephone: '0600000000' }] };
    await p.locator('#ws-show-scores-welcome').click();
    await p.locator('#ws-scoreboard').waitFor({ state: 'visible' });
    // Ranked by challenges done, then stars, then time.
    expect(await p.locator('#ws-scores tbody th').allInnerTexts()).toEqual(['Lou et papa', 'Zébulon', 'Les Tigres']);
    const chooser = p.waitForEvent('filechooser');
    await p.locator('#ws-import').click();
    const json = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await (await chooser).setFiles([
      json('ordinateur-1.robokitsession', exported),
      json('salle-2.robokitsession', JSON.stringify(laptop2)),
      json('coupe.robokitsession', exported.slice(0, Math.floor(exported.length / 2))),
      json('espion.robokitsession', JSON.stringify(hostile)),
    ]);
    await expect.poll(() => p.locator('#ws-import-status p').allInnerTexts()).toEqual([
      '2 fichiers ajoutés.',
      '«\u00a0coupe.robokitsession\u00a0»\u00a0: Ce fichier d’atelier semble coupé\u00a0: il n’est pas complet.',
      expect.stringMatching(/^«\u00a0espion\.robokitsession\u00a0»\u00a0: Cet atelier a un problème — .*telephone/),
    ]);
    // One scoreboard: this workshop once (its own file again counts once), and the other laptop's teams.
    const rows = await p.locator('#ws-scores tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText).join(' | ')));
    expect(rows).toEqual([
      '1 | Capucine | 2 | 6 ★ | 1:30 | Salle 2',
      expect.stringMatching(/^2 \| Lou et papa \| 2 \| 5 ★ \| \d+:\d\d \| Atelier du samedi$/),
      expect.stringMatching(/^3 \| Zébulon \| 1 \| 3 ★ \| \d+:\d\d \| Atelier du samedi$/),
      expect.stringMatching(/^4 \| Les Tigres \| 1 \| 3 ★ \| \d+:\d\d \| Atelier du samedi$/),
      '5 | Les Tigres | 0 | 0 ★ | 0:00 | Salle 2',
    ]);
    await shot('scoreboard-fr');
    const merged = await downloadFrom(p, 'ws-merged-csv');
    expect(merged.text.trimEnd().split('\r\n')).toHaveLength(1 + 6 + 2);
    expect(merged.text).toContain('Salle 2,2026-12-01T');
    await p.locator('#ws-scores-close').click();
  }, 90_000);

  test('leaving needs the facilitator’s code', async () => {
    const p = page();
    await p.locator('#ws-leave-welcome').click();
    await answer(p, 'soleil');
    await expect.poll(() => p.locator('#banner-text').textContent(), { timeout: 8000 }).toBe('Ce n’est pas le bon code\u00a0: l’atelier continue.');
    expect(await p.locator('#ws-welcome').isVisible()).toBe(true);
    expect(await p.locator('#banner').isVisible()).toBe(true);
    await shot('leave-wrong-code-fr');
    await p.locator('#ws-leave-welcome').click();
    await answer(p, 'lune42');
    await expect.poll(() => p.locator('#ws-welcome').isVisible(), { timeout: 8000 }).toBe(false);
    await expect.poll(() => p.locator('#workshop-button').isVisible()).toBe(true);
    expect(await p.locator('#lessons-button').isVisible()).toBe(true);
    expect(await p.locator('#display-menu').isVisible()).toBe(true);
    expect(await readdir(join(dataDir, 'workshop'))).toEqual([]);
    await shot('left-fr');
  }, 90_000);
});
