import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPackFolder } from '../../../app/host/packs/load-pack';
import { installPack, openPackForCheck } from '../../../app/host/packs/pack-store';
import { MINI, miniManifest, miniWith, scratch, snapshot, writeFolder, zipOf, type Scratch } from './hostile/corpus-helpers';
import { rawZip } from './hostile/raw-zip';

describe('loading the mini pack', () => {
  it('gives the manifest, files, parsed projects, worlds and step sources', async () => {
    const result = await loadPackFolder(MINI);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { pack } = result;
    expect(pack.id).toBe('fr.robokit.test-mini');
    expect(pack.root).toBe(MINI);
    expect(pack.manifest.lessons.map((l) => l.id)).toEqual(['avancer']);
    expect([...pack.files.keys()].sort()).toContain('images/robot.png');
    expect(pack.projects.get('projects/solution.robokit')?.name).toBe('Avancer (solution)');
    expect(pack.worlds.get('worlds/couloir.json')?.zones.map((z) => z.name)).toEqual(['arrivee']);
    expect(pack.steps.get('steps/1.fr.md')).toContain('# Avancer');
    expect(pack.warnings).toEqual([]);
  });

  it('warns about a robot RoboKit does not know, and still loads', async () => {
    const s = scratch();
    try {
      const m = miniManifest();
      m.profiles.push('robot-du-futur');
      const dir = s.input('pack');
      writeFolder(dir, miniWith({ 'pack.json': m }));
      const result = await loadPackFolder(dir);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.pack.warnings).toMatchObject([{ code: 'pack-unknown-profile', severity: 'warning', path: 'profiles[2]' }]);
    } finally {
      s.cleanup();
    }
  });

  it('accepts block types from an injected catalog', async () => {
    const s = scratch();
    try {
      const m = miniManifest();
      m.lessons[0].toolbox.push('robot_dance');
      const dir = s.input('pack');
      writeFolder(dir, miniWith({ 'pack.json': m }));
      expect((await loadPackFolder(dir)).ok).toBe(false);
      const types = new Set(['robot_move', 'robot_turn', 'robot_stop', 'robokit_wait', 'controls_repeat_ext', 'math_number', 'robot_dance']);
      expect((await loadPackFolder(dir, { checkers: { blockTypes: types } })).ok).toBe(true);
    } finally {
      s.cleanup();
    }
  });
});

describe('installing into the pack store', () => {
  let s: Scratch;
  beforeEach(() => {
    s = scratch();
  });
  afterEach(() => s.cleanup());

  it('unpacks an archive into store/<pack id> and leaves no temporary folder', async () => {
    const input = s.input('mini.robokitpack');
    writeFileSync(input, zipOf(miniWith({})));
    const result = await installPack(input, s.store);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.root).toBe(join(s.store, 'fr.robokit.test-mini'));
    expect(readdirSync(s.store)).toEqual(['fr.robokit.test-mini']);
    expect(readFileSync(join(result.pack.root, 'steps/1.fr.md'), 'utf8')).toBe(readFileSync(join(MINI, 'steps/1.fr.md'), 'utf8'));
  });

  it('finds pack.json inside the archive’s only folder (a zipped folder)', async () => {
    const input = s.input('zipped-folder.robokitpack');
    writeFileSync(input, rawZip([...miniWith({})].map(([name, data]) => ({ name: `mini/${name}`, data }))));
    const result = await installPack(input, s.store);
    expect(result.ok).toBe(true);
    if (result.ok) expect(existsSync(join(result.pack.root, 'pack.json'))).toBe(true);
    expect(readdirSync(s.store)).toEqual(['fr.robokit.test-mini']);
  });

  it('copies a folder and replaces an older copy of the same pack', async () => {
    const first = await installPack(MINI, s.store);
    expect(first.ok).toBe(true);
    const m = miniManifest();
    m.title.fr = 'Nouvelle version';
    const input = s.input('v2.robokitpack');
    writeFileSync(input, zipOf(miniWith({ 'pack.json': m })));
    const second = await installPack(input, s.store);
    expect(second.ok).toBe(true);
    if (second.ok) expect(second.pack.manifest.title.fr).toBe('Nouvelle version');
    expect(readdirSync(s.store)).toEqual(['fr.robokit.test-mini']);
    expect(JSON.parse(readFileSync(join(s.store, 'fr.robokit.test-mini/pack.json'), 'utf8')).title.fr).toBe('Nouvelle version');
  });

  it('keeps the installed copy when a broken update is refused', async () => {
    await installPack(MINI, s.store);
    const before = snapshot(s.store);
    const input = s.input('broken.robokitpack');
    writeFileSync(input, zipOf(miniWith({ 'projects/depart.robokit': null })));
    const result = await installPack(input, s.store);
    expect(result.ok).toBe(false);
    expect(before).toContain(`fr.robokit.test-mini/pack.json ${readFileSync(join(MINI, 'pack.json')).length}`);
    expect(snapshot(s.store)).toEqual(before);
  });

  it('checks an archive without installing it', async () => {
    const input = s.input('mini.robokitpack');
    writeFileSync(input, zipOf(miniWith({})));
    const before = snapshot(s.root);
    const result = await openPackForCheck(input);
    expect(result.ok).toBe(true);
    expect(snapshot(s.root)).toEqual(before);
  });

  it('says when the pack does not exist', async () => {
    const result = await openPackForCheck(s.input('nope.robokitpack'));
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'pack-not-found' }] });
  });
});

describe('loading one lesson of a pack (robokit check)', () => {
  it('reads only that lesson’s projects and world, and still checks the manifest', async () => {
    const pack = 'lessons/premiers-pas';
    const whole = await loadPackFolder(pack);
    const one = await loadPackFolder(pack, { lesson: 'le-carre' });
    expect(whole.ok && one.ok).toBe(true);
    if (!whole.ok || !one.ok) return;
    expect([...one.pack.projects.keys()].sort()).toEqual(['projects/le-carre-depart.robokit', 'projects/le-carre-solution.robokit']);
    expect([...one.pack.worlds.keys()]).toEqual(['worlds/jardin.json']);
    expect(one.pack.steps.size).toBe(0);
    expect(whole.pack.steps.size).toBeGreaterThan(0);
    expect(whole.pack.projects.size).toBeGreaterThan(one.pack.projects.size);
    expect(one.pack.manifest).toEqual(whole.pack.manifest);
  });
});
