/**
 * A team's certificate (issue #15) printed to PDF by Chromium against `robokit serve`: the robot's
 * drawing comes from a real run in the simulator (the app's canvas, kept in the session as a small PNG
 * as the Atelier does), the PDF is rendered to pictures with poppler (`pdftoppm`) and read back as
 * text (`pdftotext`): the nickname is in it and the drawing's place on the page is inked — and blank
 * on the certificate of a team without a drawing.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { keepDrawing, recordTry, type Session } from '../../app/core/workshop/session';
import { callApi } from './api-call';
import { uploadProject } from './app-page';
import { RESULTS_DIR, buildRenderer, openApp, startRig, type Rig } from './harness';
import { ink, pdfPage } from './pdf-page';
import { AT, PACK, PEN_PROJECT, threeTeams } from './workshop-fixtures';

const run = promisify(execFile);
/** Inked pixels a drawing has at least (walls, robot, line: ~7,700 measured); a sentence in the empty frame has ~2,300. */
const INKED = 4000;
let rig: Rig;
let drawing: string;

beforeAll(async () => {
  await mkdir(RESULTS_DIR, { recursive: true });
  await buildRenderer();
  rig = await startRig();
  await openApp(rig);
}, 120_000);

afterAll(async () => {
  await rig?.close();
});

async function openCertificates(hash: string): Promise<Page> {
  const page = await rig.context.newPage();
  await page.setViewportSize({ width: 1123, height: 794 });
  await page.goto(`${rig.origin}/${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return page;
}

describe('the certificate, printed to PDF', () => {
  test('the robot draws in the simulator; its picture goes into the session with the team’s tries', async () => {
    const app = rig.page;
    await uploadProject(app, 'dessin.robokit', PEN_PROJECT);
    await expect.poll(() => app.locator('#editor g[data-id="move2"]').count()).toBe(1);
    await app.locator('#run').click();
    await expect.poll(() => app.locator('#run-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('ended');
    await expect.poll(async () => Number(await app.locator('#sim-panel').getAttribute('data-trail-cm'))).toBeGreaterThan(44);
    // As the Atelier keeps it: the simulator's canvas, scaled down to at most 360 px wide, as a PNG.
    drawing = await app.locator('#sim-canvas').evaluate((c: HTMLCanvasElement) => {
      const scale = Math.min(1, 360 / c.width);
      const small = document.createElement('canvas');
      small.width = Math.round(c.width * scale);
      small.height = Math.round(c.height * scale);
      small.getContext('2d')!.drawImage(c, 0, 0, small.width, small.height);
      return small.toDataURL('image/png');
    });
    expect(drawing.length).toBeLessThan(200_000);
    let session: Session = threeTeams();
    const done = { at: AT, seconds: 95, pilot: 'child', swaps: 0, passed: true } as const;
    session = recordTry(session, { ...done, team: 't2', pack: PACK, lesson: 'le-spectacle', outcome: 'checked', stars: 3 });
    session = recordTry(session, { ...done, team: 't2', pack: PACK, lesson: 'se-garer', outcome: 'manual', stars: 2 });
    session = keepDrawing(session, { team: 't2', pack: PACK, lesson: 'se-garer', png: drawing });
    await callApi(rig.page, 'saveWorkshop', { session });
  });

  test('one team’s certificate: its nickname, the day, its challenges and stars, and the drawing, on one A4 page', async () => {
    const page = await openCertificates('#diplome/t2');
    expect(await page.locator('.certificate').count()).toBe(1);
    expect(await page.locator('.certificate-nickname').innerText()).toBe('Lou et Papa');
    expect(await page.locator('.certificate-because').innerText()).toMatch(/le 1er décembre 2026\.$/);
    expect(await page.locator('.certificate-list li').allInnerTexts()).toEqual([
      'Défi 1\u00a0: le spectacle lumière et son ★★★',
      'Défi 2\u00a0: se garer ★★☆ (sur le vrai robot)',
    ]);
    await page.screenshot({ path: join(RESULTS_DIR, 'certificate-screen.png'), fullPage: true });
    const pdf = join(RESULTS_DIR, 'certificate-t2.pdf');
    await writeFile(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-']);
    expect(text.split('\f').filter((p) => p.trim() !== '')).toHaveLength(1);
    expect(text).toContain('Lou et Papa');
    expect(text).toContain('Diplôme de codeuse et de codeur');
    expect(text).toMatch(/se garer/);
    // Where the drawing sits on the printed page (print layout: 1 CSS px = 1 px at 96 dpi).
    await page.emulateMedia({ media: 'print' });
    const box = (await page.locator('#certificate-drawing-t2').boundingBox())!;
    expect(box.width).toBeGreaterThan(150);
    const printed = await pdfPage(pdf, 1, join(RESULTS_DIR, 'certificate-t2.png'));
    expect(printed.width).toBeGreaterThan(1100); // A4 landscape
    const drawn = ink(printed, box);
    console.log(`certificate: drawing ${Math.round(box.width)}×${Math.round(box.height)} px, ${drawn.inked} inked, ${drawn.pen} of the pen’s blue; PNG ${drawing.length} chars`);
    // The world's floor is nearly white: the walls, the robot and the pen's line are what is inked.
    expect(drawn.inked).toBeGreaterThan(INKED);
    expect(drawn.pen).toBeGreaterThan(50);
    await page.close();
  });

  test('every team’s certificates, one page each; a team without a drawing gets a kind note and a blank frame', async () => {
    const page = await openCertificates('#diplome');
    expect(await page.locator('.certificate-nickname').allInnerTexts()).toEqual(['Les Tigres', 'Lou et Papa', 'Les Fusées']);
    const pdf = join(RESULTS_DIR, 'certificate-all.pdf');
    await writeFile(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-']);
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('Les Tigres');
    expect(pages[0]).toContain('Pas de dessin cette fois-ci');
    expect(pages[2]).toContain('Les Fusées');
    // The same place on Les Tigres' page holds no drawing: the check above can fail.
    await page.emulateMedia({ media: 'print' });
    const frame = (await page.locator('.certificate[data-team="t1"] .certificate-no-drawing').boundingBox())!;
    const blank = ink(await pdfPage(pdf, 1, join(RESULTS_DIR, 'certificate-all-1.png')), frame);
    console.log(`certificate: no drawing, ${blank.inked} inked (its sentence), ${blank.pen} of the pen’s blue`);
    expect(blank.pen).toBe(0);
    expect(blank.inked).toBeLessThan(INKED);
    await page.close();
  });

  test('a team that is not in the workshop: one sentence, nothing to print', async () => {
    const page = await openCertificates('#diplome/t9');
    expect(await page.locator('.certificate-problem').innerText()).toBe('Cette équipe n’est pas dans l’atelier.');
    expect(await page.locator('#certificate-print').count()).toBe(0);
    await page.close();
    expect(rig.foreignRequests()).toEqual([]);
  });
});
