/**
 * Step HTML for the lesson panel: pack images become data: URIs only when their bytes are a raster
 * image of bounded size; anything else (an SVG named .png, a huge file, a link) keeps only its alt text.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtInLessonsDir, imageType, stepViews } from '../../../app/host/lessons';
import { loadPackFolder } from '../../../app/host/packs';
import { tempDir } from '../helpers';

const REPO = resolve(import.meta.dirname, '../../..');
const MINI = join(REPO, 'test/fixtures/packs/mini');

async function miniWithImage(bytes: Buffer) {
  const dir = join(await tempDir(), 'mini');
  await cp(MINI, dir, { recursive: true });
  await writeFile(join(dir, 'images/robot.png'), bytes);
  return dir;
}

const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>');

async function firstStep(dir: string, limits?: Parameters<typeof stepViews>[2]) {
  const loaded = await loadPackFolder(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return (await stepViews(loaded.pack, loaded.pack.manifest.lessons[0]!, limits))[0]!.html.fr;
}

describe('step views', () => {
  test('a real PNG is inlined', async () => {
    expect(await firstStep(MINI)).toMatch(/<img src="data:image\/png;base64,/);
  });

  test('an SVG with a script named .png keeps only its alt text (swapped in after the loader checked the pack)', async () => {
    const dir = await miniWithImage(await readFile(join(MINI, 'images/robot.png')));
    const loaded = await loadPackFolder(dir);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    await writeFile(join(dir, 'images/robot.png'), SVG);
    const html = (await stepViews(loaded.pack, loaded.pack.manifest.lessons[0]!))[0]!.html.fr;
    expect(html).not.toContain('data:');
    expect(html).not.toMatch(/svg|script|onload/i);
    expect(html).toContain('alt="Le robot"');
  });

  test('an image over the size limit is left out', async () => {
    const html = await firstStep(MINI, { maxImageBytes: 10, maxLessonImageBytes: 1000 });
    expect(html).not.toContain('data:');
  });

  test('image bytes are recognised by their signature', () => {
    expect(imageType(Buffer.from('GIF89a......'))).toBe('image/gif');
    expect(imageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(imageType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(imageType(Buffer.from('<svg/>'))).toBeNull();
  });

  test('the built-in lessons folder is found from the sources, or from ROBOKIT_LESSONS_DIR', () => {
    expect(builtInLessonsDir({})).toBe(join(REPO, 'lessons'));
    expect(builtInLessonsDir({ ROBOKIT_LESSONS_DIR: '/x/lessons' })).toBe('/x/lessons');
    expect(builtInLessonsDir({}, '/')).toBeNull();
  });
});
