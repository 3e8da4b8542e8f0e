/**
 * Teacher notes and printable lesson sheets in Chromium against `robokit serve`, as a teacher would:
 * - the notes are hidden from pupils, open in the teacher space behind the code, and are readable at
 *   1366×768;
 * - « Imprimer la fiche » and « Imprimer la carte élève » show the printable page and call
 *   window.print(); Chromium prints it to PDF (`page.pdf()`, the print style sheet applies), poppler's
 *   `pdftoppm` renders PNG pages (saved in test-results/ to look at) that must not be blank, and
 *   `pdftotext` must find the lesson's title and a drawn block's words;
 *   with ROBOKIT_UPDATE_SCREENS=1 the notes and the « Avancer » sheet and card are copied to docs/screens/
 *   for the README;
 * - every built-in lesson's sheet and card render, with every block drawn, without a page error.
 */
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPackFolder } from '../../app/host/packs';
import { axeSerious } from './axe';
import { REPO, RESULTS_DIR, buildRenderer, openApp, startRig, type Rig } from './harness';

const run = promisify(execFile);
const CODE = '2468';
const OUT = join(RESULTS_DIR, 'lesson-sheets');

interface BuiltIn {
  readonly key: string;
  readonly title: string;
  readonly steps: number;
}

let rig: Rig;
const builtIn: BuiltIn[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const lessonsDir = join(REPO, 'lessons');
  for (const dir of readdirSync(lessonsDir).filter((d) => statSync(join(lessonsDir, d)).isDirectory()).sort()) {
    const loaded = await loadPackFolder(join(lessonsDir, dir));
    if (!loaded.ok) throw new Error(`${dir} does not load`);
    for (const lesson of loaded.pack.manifest.lessons) builtIn.push({ key: `${loaded.pack.id}/${lesson.id}`, title: lesson.title.fr, steps: lesson.steps.length });
  }
  await buildRenderer();
  rig = await startRig();
  rig.page.on('pageerror', (e) => pageErrors.push(e.message));
  await openApp(rig);
  // The print dialog is the system's: the test counts the calls and prints with page.pdf() instead.
  await rig.page.evaluate(() => {
    const w = window as unknown as { prints: number };
    w.prints = 0;
    window.print = () => void w.prints++;
  });
}, 180_000);

afterAll(async () => {
  await rig?.close();
});

const page = () => rig.page;
const prints = (p: Page) => p.evaluate(() => (window as unknown as { prints: number }).prints);
const dialogOpen = (p: Page, id: string) => p.locator(`#${id}`).evaluate((d) => (d as HTMLDialogElement).open);

async function openLesson(p: Page, key: string): Promise<void> {
  await p.locator('#lessons-button').click();
  await expect.poll(() => dialogOpen(p, 'lesson-library')).toBe(true);
  await p.locator(`.lesson-card[data-lesson="${key}"] .card-start`).click();
  await expect.poll(() => p.locator('#lesson-panel').isVisible()).toBe(true);
}

/** Teacher space → code → « Notes pour l’enseignant ». */
async function openNotes(p: Page): Promise<void> {
  await p.locator('#teacher-mode').click();
  await expect.poll(() => p.locator('#ask').isVisible()).toBe(true);
  await p.locator('#ask-input').fill(CODE);
  await p.locator('#ask-ok').click();
  await expect.poll(() => p.locator('#show-teacher-notes').isVisible(), { timeout: 10_000 }).toBe(true);
  await p.locator('#show-teacher-notes').click();
  await expect.poll(() => dialogOpen(p, 'teacher-dialog'), { timeout: 10_000 }).toBe(true);
}

async function closeLesson(p: Page): Promise<void> {
  await p.locator('#teacher-close').click();
  await expect.poll(() => dialogOpen(p, 'teacher-dialog')).toBe(false);
  await p.locator('#teacher-mode').click();
  await p.locator('#lesson-close').click();
  await expect.poll(() => p.locator('#lesson-panel').isVisible()).toBe(false);
}

/** What the printable page shows: its title, steps, and its block placeholders drawn or not. */
async function printed(p: Page): Promise<{ kind: string; title: string; steps: number; placeholders: number; drawn: number; blockWords: string; splitSections: string[] }> {
  return p.evaluate(() => {
    const root = document.querySelector('#print-root') as HTMLElement;
    const spans = [...root.querySelectorAll('span.robokit-block')];
    const drawn = spans.filter((s) => {
      const svg = s.querySelector('svg.rk-block-picture');
      const r = svg?.getBoundingClientRect();
      return svg?.querySelector('path.blocklyPath') && r && r.width > 10 && r.height > 10;
    });
    const firstText = drawn[0]?.querySelector('svg text')?.textContent ?? '';
    return {
      kind: root.dataset.kind ?? '',
      title: root.querySelector('.print-title')?.textContent ?? '',
      steps: root.querySelectorAll('.print-step').length,
      placeholders: spans.length,
      drawn: drawn.length,
      blockWords: firstText.trim(),
      // Notes sections whose heading sits in one column and its text in the other (on screen, before printing).
      splitSections: [...root.querySelectorAll<HTMLElement>('.print-notes .notes-section')]
        .filter((s) => {
          const heading = s.querySelector('h3');
          const next = heading?.nextElementSibling;
          return heading && next && Math.abs(heading.getBoundingClientRect().left - next.getBoundingClientRect().left) > 1;
        })
        .map((s) => s.dataset.notes ?? ''),
    };
  });
}

/** « Imprimer la fiche » (or la carte): the preview shows, window.print() is called. */
async function printFromNotes(p: Page, kind: 'sheet' | 'card'): Promise<void> {
  const before = await prints(p);
  await p.locator(kind === 'sheet' ? '#print-sheet' : '#print-card').click();
  await expect.poll(() => p.locator('#print-root').isVisible()).toBe(true);
  await expect.poll(() => prints(p)).toBe(before + 1);
  expect(await dialogOpen(p, 'teacher-dialog')).toBe(false);
}

async function closePreview(p: Page): Promise<void> {
  await p.locator('#print-close').click();
  await expect.poll(() => p.locator('#print-root').isVisible()).toBe(false);
  // Back in the teacher space.
  await expect.poll(() => dialogOpen(p, 'teacher-dialog')).toBe(true);
}

/** Share of pixels that are not (nearly) white in a PNG, measured by Chromium's own decoder. */
async function inkShare(png: Buffer): Promise<number> {
  const scratch = await rig.context.newPage();
  try {
    return await scratch.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) ink++;
      return ink / (data.length / 4);
    }, png.toString('base64'));
  } finally {
    await scratch.close();
  }
}

/** Prints the page to PDF as the browser's print does, then PNG (first page) and text with poppler. */
async function toPdf(p: Page, name: string): Promise<{ text: string; pages: number; ink: number }> {
  const pdf = join(OUT, `${name}.pdf`);
  await writeFile(pdf, await p.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-']);
  const { stdout: info } = await run('pdfinfo', [pdf]);
  await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, join(OUT, name)]);
  const first = readdirSync(OUT).find((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))!;
  return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0), ink: await inkShare(await readFile(join(OUT, first))) };
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

/** The README's pictures (docs/screens/), refreshed on request like screens.test.ts's. */
async function toDocs(file: string, name: string): Promise<void> {
  if (process.env.ROBOKIT_UPDATE_SCREENS === '1') await copyFile(join(OUT, file), join(REPO, 'docs/screens', name));
}

describe('teacher notes and printable lesson sheets (Chromium)', () => {
  test('the notes are not shown to pupils; behind the code they are readable at 1366×768', async () => {
    const p = page();
    await openLesson(p, 'fr.robokit.premiers-pas/avancer');
    expect(await p.locator('#show-teacher-notes').isVisible()).toBe(false);
    expect(await p.locator('#lesson-panel').textContent()).not.toContain('Débranché');
    await openNotes(p);
    const dialog = p.locator('#teacher-dialog');
    expect(await p.locator('#teacher-title').textContent()).toMatch(/^Notes pour l’enseignant\s: Avancer$/);
    const objectives = dialog.locator('[data-notes="objectives"] li');
    expect(await objectives.count()).toBe(2);
    expect(await objectives.first().getAttribute('data-cycle')).toBe('2');
    expect(await objectives.first().textContent()).toMatch(/^Cycle 2 Espace et géométrie\s: se repérer/);
    expect(await dialog.locator('[data-notes="phases"] tbody tr').count()).toBe(4);
    expect(squash((await dialog.locator('[data-notes="phases"] tfoot').textContent()) ?? '')).toMatch(/En tout\s*30\smin/);
    for (const name of ['prerequisites', 'unplugged', 'mistakes', 'debrief', 'variants']) expect(await dialog.locator(`[data-notes="${name}"]`).count()).toBe(1);
    expect(await dialog.locator('.variant-harder').textContent()).toContain('marche arrière');
    // Readable on a school laptop: the dialog fits the window, text is at least 15 px, no sideways scroll.
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
    const fontPx = await dialog.locator('[data-notes="mistakes"] li').first().evaluate((li) => parseFloat(getComputedStyle(li).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(15);
    await p.screenshot({ path: join(OUT, 'teacher-notes-1366x768.png') });
    await toDocs('teacher-notes-1366x768.png', 'teacher-notes.png');
    expect(await axeSerious(p, '#teacher-dialog')).toEqual([]);
    // The print preview, as it shows on screen before the print dialog.
    await printFromNotes(p, 'sheet');
    await p.screenshot({ path: join(OUT, 'print-preview-1366x768.png') });
    expect(await axeSerious(p, '#print-root')).toEqual([]);
    await closePreview(p);
    await closeLesson(p);
  });

  test.each([
    ['fr.robokit.premiers-pas/avancer', 'Avancer'],
    ['fr.robokit.le-robot-qui-decide/une-variable', null],
    ['fr.robokit.camion-parentalite/flash-drapeau', null],
  ] as const)('%s: the lesson sheet and the pupil card print to PDF, not blank, with the title and a block', async (key, expected) => {
    const p = page();
    const lesson = builtIn.find((l) => l.key === key);
    expect(lesson, `${key} is a built-in lesson`).toBeDefined();
    const title = expected ?? lesson!.title;
    await openLesson(p, key);
    await openNotes(p);
    const name = key.replace(/^fr\.robokit\./, '').replace(/[^a-z0-9]+/g, '-');
    for (const kind of ['sheet', 'card'] as const) {
      await printFromNotes(p, kind);
      const shown = await printed(p);
      expect(shown).toMatchObject({ kind, title, steps: lesson!.steps });
      expect(shown.placeholders).toBeGreaterThan(0);
      expect(shown.drawn).toBe(shown.placeholders);
      const pdf = await toPdf(p, `${name}-${kind}`);
      const text = squash(pdf.text);
      expect(text).toContain(squash(title));
      expect(text).toContain(shown.blockWords.split(/\s/)[0]);
      // The print style sheet prints the page alone: none of the app's buttons.
      expect(text).not.toContain('Recommencer la leçon');
      expect(text).not.toContain('Espace enseignant');
      expect(text).not.toContain('Aperçu avant impression');
      expect(pdf.ink).toBeGreaterThan(0.01);
      expect(pdf.pages).toBeGreaterThanOrEqual(1);
      if (kind === 'sheet') for (const heading of ['Objectifs', 'Déroulement', 'Erreurs fréquentes', 'Questions pour le bilan', 'Plus difficile']) expect(text).toContain(heading);
      else expect(text).toMatch(/Ton défi|Les étapes/);
      // The challenge names its zone by the name pupils read.
      if (key === 'fr.robokit.premiers-pas/avancer') expect(text).toContain('Finir dans la zone « Arrivée »');
      if (key === 'fr.robokit.premiers-pas/avancer') await toDocs(`${name}-${kind}-1.png`, `lesson-${kind}.png`);
      await closePreview(p);
    }
    await closeLesson(p);
  }, 120_000);

  test('every built-in lesson: the sheet and the card render with every block drawn, without a page error', async () => {
    const p = page();
    const problems: string[] = [];
    const started = Date.now();
    for (const lesson of builtIn) {
      await openLesson(p, lesson.key);
      await openNotes(p);
      for (const kind of ['sheet', 'card'] as const) {
        await printFromNotes(p, kind);
        const shown = await printed(p);
        if (shown.title !== lesson.title || shown.steps !== lesson.steps || shown.drawn !== shown.placeholders || shown.splitSections.length > 0) problems.push(`${lesson.key} ${kind}: ${JSON.stringify(shown)}`);
        await closePreview(p);
      }
      await closeLesson(p);
    }
    console.log(`${builtIn.length} lessons, sheet and card each, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(builtIn.length).toBeGreaterThanOrEqual(46);
    expect(problems).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 600_000);
});
