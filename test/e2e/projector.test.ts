/**
 * The projector view (issue #15) in Chromium against `robokit serve`: the app in one tab, the
 * projector in another (the same browser, the same session cookie). A change of the workshop session
 * through the API and a simulated run in the app's tab show on the projector within a second or two;
 * it stays readable (large type, nothing cut) at 1366×768 and 1920×1080.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { recordTry } from '../../app/core/workshop/session';
import { advance, startTurn, verify, withCurrent } from '../../app/core/workshop/turn';
import { callApi } from './api-call';
import { uploadProject } from './app-page';
import { axeSerious } from './axe';
import { RESULTS_DIR, buildRenderer, openApp, startRig, type Rig } from './harness';
import { AT, PACK, PEN_PROJECT, threeTeams } from './workshop-fixtures';

let rig: Rig;
let projector: Page;

beforeAll(async () => {
  await mkdir(RESULTS_DIR, { recursive: true });
  await buildRenderer();
  rig = await startRig({ viewport: { width: 1366, height: 768 } });
  await openApp(rig);
  projector = await rig.context.newPage();
  await projector.goto(`${rig.origin}/#projecteur`);
  await projector.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await rig?.close();
});

const text = (selector: string) => projector.locator(selector).innerText();
/** How long the projector took to show what the API changed, ms (printed; the poll's timeout is the bound). */
async function timed(change: () => Promise<unknown>, shown: () => Promise<void>): Promise<number> {
  const start = Date.now();
  await change();
  await shown();
  return Date.now() - start;
}

describe('the projector page follows the workshop live', () => {
  test('before any session: it waits, saying so', async () => {
    await expect.poll(() => text('#projector-waiting')).toContain('L’atelier va commencer');
    expect(await projector.locator('#projector-turn').isHidden()).toBe(true);
    expect(await projector.title()).toBe('RoboKit — projecteur');
  });

  test('a session saved through the API shows at once: team, challenge, clock, roles, scoreboard', async () => {
    let session = threeTeams();
    session = recordTry(session, { team: 't1', pack: PACK, lesson: 'le-spectacle', at: AT, seconds: 95, outcome: 'checked', passed: true, stars: 3, pilot: 'child', swaps: 0 });
    // Lou et Papa, 200 s into the first challenge: the parent pilots since 180 s.
    session = withCurrent(session, advance(session, startTurn('t2'), 200).turn);
    const ms = await timed(
      () => callApi(rig.page, 'saveWorkshop', { session }),
      () => expect.poll(() => text('#projector-nickname'), { timeout: 2000 }).toBe('Lou et Papa'),
    );
    console.log(`projector: session change shown ${ms} ms after saveWorkshop returned`);
    expect(await text('#projector-challenge')).toMatch(/^Étape 1 sur 3\s:\sDéfi 1\s:\sle spectacle lumière et son$/);
    expect(await text('#projector-roles')).toMatch(/Pilote\s+le parent\s+Copilote\s+l’enfant/);
    // 15 min − 200 s = 11:40, and the clock runs on between saves.
    await expect.poll(() => text('#projector-clock'), { timeout: 2000 }).toMatch(/^11:(40|3\d)$/);
    await expect.poll(() => text('#projector-clock'), { timeout: 3000 }).not.toBe('11:40');
    const rows = await projector.locator('#projector-table tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/^1\s+Les Tigres\s+1\s+★ 3\s+1:35$/);
    expect(rows).toHaveLength(3);
    await projector.screenshot({ path: join(RESULTS_DIR, 'projector-1366-turn.png') });
    expect(await axeSerious(projector)).toEqual([]);
  });

  test('the roles swap on the projector’s own clock between two saves, with the banner', async () => {
    let session = threeTeams();
    // Les Fusées, 1.5 s before the first swap (every 180 s): the child pilots.
    session = withCurrent(session, advance(session, startTurn('t3'), 178.5).turn);
    await callApi(rig.page, 'saveWorkshop', { session });
    await expect.poll(() => text('#projector-nickname'), { timeout: 2000 }).toBe('Les Fusées');
    await expect.poll(() => projector.locator('#projector-banner').isVisible(), { timeout: 5000 }).toBe(true);
    expect(await text('#projector-banner')).toMatch(/^On change\s! Le parent pilote/);
    expect(await projector.locator('#projector-roles').getAttribute('data-pilot')).toBe('parent');
    await projector.screenshot({ path: join(RESULTS_DIR, 'projector-1366-swap.png') });
  });

  test('the next save (a pass, a pause) updates the scoreboard and stops the clock', async () => {
    let session = threeTeams();
    const turn = advance(session, startTurn('t2'), 300).turn;
    session = verify(session, turn, true, 2, AT).session;
    session = withCurrent(session, { ...advance(session, startTurn('t2', 1), 42).turn, paused: true });
    const ms = await timed(
      () => callApi(rig.page, 'saveWorkshop', { session }),
      () => expect.poll(() => projector.locator('#projector-clock').getAttribute('data-state'), { timeout: 2000 }).toBe('paused'),
    );
    console.log(`projector: pause shown ${ms} ms after saveWorkshop returned`);
    // The last test's swap banner (Les Fusées) does not stay over Lou et Papa's turn.
    expect(await projector.locator('#projector-banner').isHidden()).toBe(true);
    expect(await text('#projector-clock')).toBe('14:18');
    expect(await text('#projector-clock-label')).toBe('En pause');
    expect(await text('#projector-challenge-title')).toBe('Défi 2\u00a0: se garer');
    expect((await projector.locator('#projector-table tbody tr').allInnerTexts())[0]).toMatch(/^1\s+Lou et Papa\s+1\s+★ 2\s+5:00$/);
  });

  test('a run in the app’s tab moves the robot on the projector, pen trail and all, within a second or two', async () => {
    const app = rig.page;
    await uploadProject(app, 'dessin.robokit', PEN_PROJECT);
    await expect.poll(() => app.locator('#editor g[data-id="move2"]').count()).toBe(1);
    const before = await projector.locator('#projector-sim').getAttribute('data-run');
    await app.locator('#run').click();
    await expect.poll(() => app.locator('#run-state').getAttribute('data-state'), { timeout: 5000 }).toBe('running');
    // While the app still runs (3 s of moves and a turn, paced to the wall clock), the projector
    // already draws part of the trail: seen between 3 and 40 of its 45 cm.
    await expect.poll(() => projector.locator('#projector-sim').getAttribute('data-run'), { timeout: 2000 }).not.toBe(before);
    const partial = await projector.locator('#projector-sim').evaluate(
      (el) =>
        new Promise<number>((resolve, reject) => {
          const seen = () => Number(el.getAttribute('data-trail-cm'));
          const timer = setTimeout(() => reject(new Error(`trail ${seen()} cm after 2 s`)), 2000);
          new MutationObserver(() => {
            if (seen() > 3) {
              clearTimeout(timer);
              resolve(seen());
            }
          }).observe(el, { attributes: true, attributeFilter: ['data-trail-cm'] });
        }),
    );
    expect(partial).toBeLessThan(40);
    expect(await projector.locator('#projector-sim').getAttribute('data-world')).toBeTruthy();
    await projector.screenshot({ path: join(RESULTS_DIR, 'projector-1366-running.png') });
    await expect.poll(() => app.locator('#run-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('ended');
    // Both tabs end on the same pose and the same 45 cm of trail (30 cm, a turn, 15 cm).
    const appPose = await app.locator('#sim-panel').getAttribute('data-pose');
    await expect.poll(() => projector.locator('#projector-sim').getAttribute('data-pose'), { timeout: 2000 }).toBe(appPose);
    expect(Number(await projector.locator('#projector-sim').getAttribute('data-trail-cm'))).toBeCloseTo(45, 0);
    expect(await app.locator('#sim-panel').getAttribute('data-trail-cm')).toBe(await projector.locator('#projector-sim').getAttribute('data-trail-cm'));
    // The canvas shows it (not blank).
    const inked = await projector.locator('#projector-canvas').evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 300) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(200);
  });

  test.each([
    [1366, 768],
    [1920, 1080],
  ])('large type and nothing cut at %i×%i, with eight teams and a 40-character nickname', async (width, height) => {
    let session = threeTeams();
    const more = ['Les Castors', 'Les Étoiles filantes', 'Maya et Mamie', 'Les Pirates', 'Zoé, Jules et leur papa Karim'];
    session = { ...session, teams: [...session.teams, ...more.map((nickname, i) => ({ id: `t${i + 4}`, nickname }))] };
    expect(session.teams[7]!.nickname.length).toBeLessThanOrEqual(40);
    session = withCurrent(session, { ...advance(session, startTurn('t8', 1), 42).turn, paused: true });
    await callApi(rig.page, 'saveWorkshop', { session });
    await expect.poll(() => projector.locator('#projector-table tbody tr').count(), { timeout: 2000 }).toBe(8);
    await projector.setViewportSize({ width, height });
    await projector.screenshot({ path: join(RESULTS_DIR, `projector-${width}.png`) });
    const px = (selector: string) => projector.locator(selector).evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    // From the back of a room: the clock ~1/6 of the height, the team's name ~1/16, table rows ~1/28.
    expect(await px('#projector-clock')).toBeGreaterThanOrEqual(height * 0.16);
    expect(await px('#projector-team')).toBeGreaterThanOrEqual(height * 0.06);
    expect(await px('#projector-table td.projector-name >> nth=0')).toBeGreaterThanOrEqual(Math.min(27, height * 0.035));
    const fits = await projector.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight && document.documentElement.scrollWidth <= window.innerWidth);
    expect(fits).toBe(true);
    const canvas = await projector.locator('#projector-canvas').boundingBox();
    expect(canvas!.height).toBeGreaterThan(height * 0.3);
  });

  test('the workshop ended: the projector goes back to waiting', async () => {
    await projector.setViewportSize({ width: 1366, height: 768 });
    await callApi(rig.page, 'endWorkshop', { code: '' });
    await expect.poll(() => projector.locator('#projector-waiting').isVisible(), { timeout: 2000 }).toBe(true);
    expect(await projector.locator('#projector-turn').isHidden()).toBe(true);
    expect(await projector.locator('#projector-table').count()).toBe(0);
    expect(rig.foreignRequests()).toEqual([]);
  });

  test('the host goes away: the projector says so', async () => {
    await rig.killHost();
    await expect.poll(() => projector.locator('#banner').isVisible(), { timeout: 5000 }).toBe(true);
    expect(await text('#banner-text')).toContain('RoboKit');
  });
});
