import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../app/host/packs';
import { checkCommandResult } from '../../app/host/packs/check';

const ROOT = join(import.meta.dirname, '../..');
const MINI = join(ROOT, 'test/fixtures/packs/mini');
const PREMIERS_PAS = join(ROOT, 'lessons/premiers-pas');
const scratch = mkdtempSync(join(tmpdir(), 'robokit-check-command-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('checkCommandResult', () => {
  it('exits 0 on a pass, saying the verdict and each condition in French then English', async () => {
    const r = await checkCommandResult(join(PREMIERS_PAS, 'projects/l-escalier-solution.robokit'), PREMIERS_PAS, 'l-escalier');
    expect(r.exitCode).toBe(0);
    expect(r.lines[0]).toBe('✓ Défi réussi\u202f! ★★★ en 16,2 s avec 5 blocs.');
    expect(r.lines[1]).toBe('✓ Challenge passed! ★★★ in 16.2 s with 5 blocks.');
    expect(r.lines.slice(2)).toHaveLength(8);
    expect(r.lines[8]).toBe('  ✓ Tout était fait en 16,2 s (25 s au plus). Rapide\u202f!');
    expect(r.lines[9]).toBe('  ✓ Everything was done in 16.2 s (25 s at most). Fast!');
    expect(r.json).toMatchObject({ type: 'check', passed: true, stars: 3, timeMs: 18_000, blockCount: 5, pack: 'fr.robokit.premiers-pas', lesson: 'l-escalier', errors: [] });
  });

  it('exits 1 on a fail, with what to try', async () => {
    const r = await checkCommandResult(join(MINI, 'projects/depart.robokit'), MINI, 'avancer');
    expect(r.exitCode).toBe(1);
    expect(r.lines[0]).toMatch(/^✗ Pas encore/);
    expect(r.lines.some((l) => l.includes('✗ Le robot n’est pas entré dans la zone «\u00a0Arrivée\u00a0»'))).toBe(true);
    expect(r.json.passed).toBe(false);
  });

  it('with --json keeps people’s lines for problems only; the JSON is the same bytes twice', async () => {
    const path = join(PREMIERS_PAS, 'projects/obstacle-solution.robokit');
    const a = await checkCommandResult(path, PREMIERS_PAS, 'obstacle', { json: true });
    const b = await checkCommandResult(path, PREMIERS_PAS, 'obstacle', { json: true });
    expect(a.exitCode).toBe(0);
    expect(a.lines).toEqual([]);
    expect(JSON.stringify(a.json)).toBe(JSON.stringify(b.json));
    expect(a.json.conditions.map((c) => c.kind)).toEqual(['endInZone', 'neverTouchWall', 'withinSeconds']);
  });

  it('checks against a .robokitpack archive as well as a folder', async () => {
    const file = join(scratch, 'premiers-pas.robokitpack');
    expect((await buildPack(PREMIERS_PAS, file)).ok).toBe(true);
    const r = await checkCommandResult(join(PREMIERS_PAS, 'projects/le-carre-solution.robokit'), file, 'le-carre');
    expect(r.exitCode).toBe(0);
    expect(r.json.pack).toBe('fr.robokit.premiers-pas');
  });

  it('exits 2 for an unknown lesson, listing the lessons', async () => {
    const r = await checkCommandResult(join(MINI, 'projects/solution.robokit'), MINI, 'voler');
    expect(r.exitCode).toBe(2);
    expect(r.lines).toEqual([
      'Je ne trouve pas la leçon «\u00a0voler\u00a0» dans le pack «\u00a0fr.robokit.test-mini\u00a0». Leçons\u00a0: avancer.',
      'Cannot find the lesson "voler" in the pack "fr.robokit.test-mini". Lessons: avancer.',
    ]);
    expect(r.json.errors.map((e) => e.code)).toEqual(['challenge-lesson-unknown']);
  });

  it('exits 2 for a lesson without a challenge', async () => {
    const pack = join(ROOT, 'lessons/girls-can-code-robot-artiste');
    const r = await checkCommandResult(join(pack, 'projects/ton-motif-solution.robokit'), pack, 'ton-motif');
    expect(r.exitCode).toBe(2);
    expect(r.json.errors.map((e) => e.code)).toEqual(['challenge-none']);
  });

  it('exits 2 for a missing or broken project, and for a missing pack', async () => {
    const missing = await checkCommandResult(join(scratch, 'nope.robokit'), MINI, 'avancer');
    expect(missing.exitCode).toBe(2);
    expect(missing.lines[0]).toBe('Impossible de lire le fichier «\u00a0nope.robokit\u00a0».');
    const broken = join(scratch, 'broken.robokit');
    writeFileSync(broken, '{"format":"robokit-project",');
    expect((await checkCommandResult(broken, MINI, 'avancer')).exitCode).toBe(2);
    const noPack = await checkCommandResult(join(MINI, 'projects/solution.robokit'), join(scratch, 'nowhere'), 'avancer');
    expect(noPack.exitCode).toBe(2);
    expect(noPack.json.errors[0]!.code).toBe('pack-not-found');
  });

  it('exits 2 when the program uses a block the lesson does not offer, naming the block', async () => {
    const project = JSON.parse(readFileSync(join(MINI, 'projects/solution.robokit'), 'utf8')) as { workspace: { blocks: { blocks: object[] } } };
    const start = project.workspace.blocks.blocks[0] as { next: { block: object } };
    start.next = { block: { type: 'robot_led', id: 'led', fields: { STATE: 'ON' }, next: start.next } };
    const file = join(scratch, 'led.robokit');
    writeFileSync(file, JSON.stringify(project));
    const r = await checkCommandResult(file, MINI, 'avancer');
    expect(r.exitCode).toBe(2);
    expect(r.lines).toEqual([
      'Le défi n’a pas pu être lancé\u00a0: corrige d’abord les blocs signalés.',
      'The challenge could not start: first fix the blocks shown.',
      '  ✗ Le bloc «\u00a0robot_led\u00a0» ne fait pas partie de cette leçon. Retire-le et utilise les blocs proposés.',
      '  ✗ The block "robot_led" is not part of this lesson. Remove it and use the blocks offered.',
    ]);
    expect(r.json.diagnostics).toEqual([expect.objectContaining({ code: 'challenge-block-not-allowed', blockId: 'led' })]);
  });
});
