/** Reading a printed PDF back in the browser tests: a page as pixels (poppler's `pdftoppm`), and how inked a box of it is. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One page of a PDF at 96 dpi (1 px = 1 CSS px) as RGB pixels, through poppler; also kept as a PNG to look at. */
export async function pdfPage(pdf: string, n: number, png: string): Promise<{ width: number; height: number; rgb: Buffer }> {
  await run('pdftoppm', ['-r', '96', '-f', String(n), '-l', String(n), '-singlefile', '-png', pdf, png.replace(/\.png$/, '')]);
  const { stdout } = await run('pdftoppm', ['-r', '96', '-f', String(n), '-l', String(n), '-singlefile', pdf], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(stdout.subarray(0, 40).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), rgb: stdout.subarray(header[0].length) };
}

/** In a box of the page: pixels that are not paper (not near white), and pixels of the simulator's pen blue (#1565c0). */
export function ink(page: { width: number; rgb: Buffer }, box: { x: number; y: number; width: number; height: number }) {
  let inked = 0;
  let pen = 0;
  for (let y = Math.ceil(box.y) + 3; y < box.y + box.height - 3; y++) {
    for (let x = Math.ceil(box.x) + 3; x < box.x + box.width - 3; x++) {
      const i = (y * page.width + x) * 3;
      const [r, g, b] = [page.rgb[i]!, page.rgb[i + 1]!, page.rgb[i + 2]!];
      if (r + g + b < 3 * 235) inked++;
      if (Math.abs(r - 0x15) < 40 && Math.abs(g - 0x65) < 40 && Math.abs(b - 0xc0) < 40) pen++;
    }
  }
  return { inked, pen };
}

