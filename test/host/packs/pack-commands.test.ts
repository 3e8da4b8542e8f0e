import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPack, reportLines, validatePack } from '../../../app/host/packs/pack-commands';
import { installPack } from '../../../app/host/packs/pack-store';
import { MINI, miniManifest, miniWith, scratch, writeFolder, type Scratch } from './hostile/corpus-helpers';

describe('robokit pack validate / build', () => {
  let s: Scratch;
  beforeEach(() => {
    s = scratch();
  });
  afterEach(() => s.cleanup());

  it('validates a good folder', async () => {
    const report = await validatePack(MINI);
    expect(report).toMatchObject({ ok: true, packId: 'fr.robokit.test-mini', lessons: 1, errors: [], warnings: [] });
    expect(reportLines(report, 'fr')).toEqual([]);
  });

  it('reports a bad folder with one sentence a problem, errors first', async () => {
    const m = miniManifest();
    m.profiles.push('inconnu');
    m.lessons[0].toolbox.push('robot_fly');
    const dir = s.input('bad');
    writeFolder(dir, miniWith({ 'pack.json': m }));
    const report = await validatePack(dir);
    expect(report.ok).toBe(false);
    expect(reportLines(report, 'fr')).toEqual([
      '✗ pack.json → lessons[0].toolbox[4]\u00a0: je ne connais pas le bloc «\u00a0robot_fly\u00a0».',
      '! pack.json → profiles[2]\u00a0: je ne connais pas le robot «\u00a0inconnu\u00a0».',
    ]);
    expect(reportLines(report, 'en')).toEqual([
      '✗ pack.json → lessons[0].toolbox[4]: I do not know the block "robot_fly".',
      '! pack.json → profiles[2]: I do not know the robot "inconnu".',
    ]);
  });

  it('builds the same bytes twice, and the archive installs and validates', async () => {
    const a = s.input('a.robokitpack');
    const b = s.input('b.robokitpack');
    const first = await buildPack(MINI, a);
    const second = await buildPack(MINI, b);
    expect(first).toMatchObject({ ok: true, files: 9 });
    expect(second.ok).toBe(true);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    expect(await validatePack(a)).toMatchObject({ ok: true, packId: 'fr.robokit.test-mini' });
    const installed = await installPack(a, s.store);
    expect(installed.ok).toBe(true);
    expect(readdirSync(s.input('')).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('refuses to build a pack with errors, and writes nothing', async () => {
    const dir = s.input('bad');
    writeFolder(dir, miniWith({ 'steps/1.fr.md': null }));
    const out = s.input('bad.robokitpack');
    const result = await buildPack(dir, out);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.code)).toEqual(['pack-build-refused', 'pack-file-missing']);
      expect(result.errors[0]?.params).toMatchObject({ count: 1 });
    }
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to write the archive inside the folder it packs', async () => {
    const dir = s.input('pack');
    writeFolder(dir, miniWith({}));
    const result = await buildPack(dir, join(dir, 'pack.robokitpack'));
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'pack-build-output-inside' }] });
    expect(existsSync(join(dir, 'pack.robokitpack'))).toBe(false);
  });

  it('validates an archive that is not a zip', async () => {
    const input = s.input('fake.robokitpack');
    writeFileSync(input, 'hello');
    const report = await validatePack(input);
    expect(report.ok).toBe(false);
    expect(reportLines(report, 'fr')).toEqual(['✗ «\u00a0fake.robokitpack\u00a0» n’est pas un pack de leçons (.robokitpack)\u00a0: ce n’est pas une archive zip.']);
  });
});
