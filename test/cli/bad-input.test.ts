import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lines, robokit } from './robokit';

const square = readFileSync('examples/carre.robokit', 'utf8');
const project = JSON.parse(square) as Record<string, unknown>;

function randomBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

function deepNesting(depth: number): string {
  let block = '{"type":"robot_stop","id":"leaf"}';
  // Built iteratively: each level wraps the previous in a forever loop.
  const parts: string[] = [];
  for (let i = 0; i < depth; i++) parts.push(`{"type":"robokit_forever","id":"f${i}","inputs":{"DO":{"block":`);
  block = parts.join('') + block + '}}}'.repeat(depth);
  return JSON.stringify({ ...project, workspace: { blocks: { languageVersion: 0, blocks: [] } } }).replace(
    '"blocks":[]',
    `"blocks":[{"type":"robokit_start","id":"start","next":{"block":${block}}}]`,
  );
}

const cases: Record<string, string | Buffer> = {
  truncated: square.slice(0, Math.floor(square.length * 0.6)),
  empty: '',
  'random bytes': randomBytes(4096, 7),
  'wrong format (a world file)': JSON.stringify({ format: 'robokit-world', version: 1 }),
  'wrong format (a JSON array)': '[1, 2, 3]',
  'future version': JSON.stringify({ ...project, version: 99 }),
  'unknown block type': square.replace('"robot_turn"', '"robot_teleport"'),
  '100,000-deep nesting': deepNesting(100_000),
  'JSON 100,000 brackets deep': '['.repeat(100_000) + ']'.repeat(100_000),
  'a block nested 300 deep': deepNesting(300),
  'workspace is a string': JSON.stringify({ ...project, workspace: 'oops' }),
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'robokit-bad-'));
});

describe('robokit refuses bad project files with exit 2 and one clear message', () => {
  for (const [name, content] of Object.entries(cases)) {
    for (const command of ['run', 'compile']) {
      it(`${command}: ${name}`, async () => {
        const file = join(dir, `${name.replace(/\W+/g, '-')}.robokit`);
        writeFileSync(file, content);
        const r = await robokit([command, file]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        const said = lines(r.stderr);
        expect(said.length).toBeGreaterThan(0);
        expect(said.length).toBeLessThanOrEqual(4);
        expect(r.stderr).not.toMatch(/\n\s+at |Error:|node:internal|\.ts:\d+/);
        expect(r.stderr).toMatch(/^robokit : /m); // French first
      });
    }
  }

  it('a missing file', async () => {
    const r = await robokit(['run', join(dir, 'nope.robokit')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Impossible de lire le fichier «\u00a0nope.robokit\u00a0»/);
  });

  it('an unknown option', async () => {
    const r = await robokit(['run', 'examples/carre.robokit', '--vitesse', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Commande incorrecte/);
  });

  it('an unknown world file', async () => {
    const world = join(dir, 'world.json');
    writeFileSync(world, JSON.stringify({ format: 'robokit-world', version: 1, size: { width: 'big' } }));
    const r = await robokit(['run', 'examples/carre.robokit', '--world', world]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr).length).toBeLessThanOrEqual(4);
  });

  it('names the unknown block type', async () => {
    const file = join(dir, 'teleport.robokit');
    writeFileSync(file, cases['unknown block type']!);
    const r = await robokit(['compile', file]);
    expect(r.stderr).toMatch(/robot_teleport/);
  });
});
