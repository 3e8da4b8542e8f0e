import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, robokit } from './robokit';

const dir = mkdtempSync(join(tmpdir(), 'robokit-pack-cli-'));

describe('robokit pack', () => {
  it('validates a good pack folder (exit 0)', async () => {
    const r = await robokit(['pack', 'validate', 'test/fixtures/packs/mini']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/fr\.robokit\.test-mini/);
  });

  it('builds a .robokitpack that validates in turn', async () => {
    const file = join(dir, 'mini.robokitpack');
    const built = await robokit(['pack', 'build', 'test/fixtures/packs/mini', '-o', file]);
    expect(built.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const checked = await robokit(['pack', 'validate', file]);
    expect(checked.code).toBe(0);
  });

  it('refuses random bytes with exit 2 and a clear sentence', async () => {
    const file = join(dir, 'bad.robokitpack');
    writeFileSync(file, Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)));
    const r = await robokit(['pack', 'validate', file]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr).length).toBeLessThanOrEqual(4);
    expect(r.stderr).toMatch(/zip/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('asks for -o when building', async () => {
    const r = await robokit(['pack', 'build', 'test/fixtures/packs/mini']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Commande incorrecte/);
  });
});

describe('robokit ports', () => {
  it('lists ports as JSON with a board guess for each (exit 0)', async () => {
    const r = await robokit(['ports', '--json']);
    expect(r.code).toBe(0);
    const ports = JSON.parse(r.stdout) as { path: string; board: { kind: string; label: { fr: string } } }[];
    expect(Array.isArray(ports)).toBe(true);
    for (const p of ports) {
      expect(typeof p.path).toBe('string');
      expect(p.board.label.fr.length).toBeGreaterThan(0);
    }
  });
});
