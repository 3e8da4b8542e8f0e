/** Zips a folder as a `.robokitpack` without checking it (for packs the builder would refuse). */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import yazl from 'yazl';

export async function zipFolder(dir: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else zip.addBuffer(await readFile(full), relative(dir, full).split('\\').join('/'));
    }
  };
  await walk(dir);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
