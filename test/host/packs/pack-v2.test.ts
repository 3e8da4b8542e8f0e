/**
 * Pack format version 2: teacher notes required for every lesson, zones with display names, and the
 * blocks a lesson's texts show (`{{block:TYPE}}`) or name in words checked against the catalog and
 * the lesson's toolbox. Version 1 packs still load.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describePackError, type PackError } from '../../../app/core/lessons/pack-error';
import { loadPackFolder } from '../../../app/host/packs/load-pack';
import { validatePack } from '../../../app/host/packs/pack-commands';
import { MINI, miniManifest, miniWith, scratch, writeFolder, type Json, type Scratch } from './hostile/corpus-helpers';

const TEACHER = {
  objectives: [{ cycle: 2, text: { fr: 'Programmer un déplacement.', en: 'Program a move.' } }],
  prerequisites: [{ fr: 'Savoir lire un nombre.', en: 'Read a number.' }],
  phases: [
    { title: { fr: 'Échauffement débranché', en: 'Unplugged warm-up' }, minutes: 5 },
    { title: { fr: 'Défi', en: 'Challenge' }, minutes: 10 },
  ],
  unplugged: { fr: 'Un élève joue le robot.', en: 'A pupil plays the robot.' },
  debrief: [{ fr: 'Qu’a fait le bloc {{block:robot_move}}\u202f?', en: 'What did {{block:robot_move}} do?' }],
  mistakes: [{ fr: 'Oublier le bloc «\u00a0attendre\u00a0».', en: 'Forgetting the "wait" block.' }],
  easier: { fr: 'Une seule zone.', en: 'A single zone.' },
  harder: { fr: 'Revenir au départ.', en: 'Come back to the start.' },
};

function v2(): Json {
  const m = miniManifest();
  m.version = 2;
  m.lessons[0].teacher = structuredClone(TEACHER);
  return m;
}

const errorsOf = (problems: readonly PackError[]) => problems.filter((p) => p.severity === 'error');

describe('pack format version 2', () => {
  let s: Scratch;
  beforeEach(() => {
    s = scratch();
  });
  afterEach(() => s.cleanup());

  async function load(files: Record<string, unknown>) {
    const dir = s.input('pack');
    writeFolder(dir, miniWith(files));
    return loadPackFolder(dir);
  }

  it('loads a version 2 pack with teacher notes, and keeps them', async () => {
    const result = await load({ 'pack.json': v2() });
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) expect(result.pack.manifest.lessons[0]!.teacher?.objectives?.[0]?.cycle).toBe(2);
  });

  it('still loads a version 1 pack without teacher notes', async () => {
    expect((await loadPackFolder(MINI)).ok).toBe(true);
  });

  it('refuses a version 2 lesson without teacher notes, and names what is missing', async () => {
    const m = v2();
    delete m.lessons[0].teacher;
    const result = await load({ 'pack.json': m });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject([{ code: 'pack-teacher-missing', path: 'lessons[0].teacher' }]);
    expect(describePackError(result.errors[0]!, 'fr')).toMatch(/notes pour l’enseignant/);
  });

  it('refuses teacher notes without debrief questions or variants', async () => {
    const m = v2();
    delete m.lessons[0].teacher.debrief;
    delete m.lessons[0].teacher.harder;
    const result = await load({ 'pack.json': m });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(['lessons[0].teacher.debrief', 'lessons[0].teacher.harder']);
    expect(describePackError(result.errors[1]!, 'fr')).toContain('variante plus difficile');
  });

  it('refuses an unknown teacher field or a cycle that is not 2, 3 or 4, with the schema’s words', async () => {
    const m = v2();
    m.lessons[0].teacher.objectives[0].cycle = 5;
    m.lessons[0].teacher.notes = 'x';
    const result = await load({ 'pack.json': m });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.errors.map((e) => describePackError(e, 'fr'));
    expect(lines).toContain('pack.json → lessons[0].teacher.objectives[0].cycle\u00a0: doit être l’une de ces valeurs\u00a0: 2, 3, 4.');
    expect(result.errors.map((e) => e.path)).toContain('lessons[0].teacher.notes');
  });

  it('warns when the phases do not add up to the lesson’s minutes', async () => {
    const m = v2();
    m.lessons[0].teacher.phases[1].minutes = 20;
    const result = await load({ 'pack.json': m });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.pack.warnings).toMatchObject([{ code: 'pack-teacher-phases-minutes', params: { sum: 25, minutes: 15 } }]);
  });

  it('accepts a zone with a display name in both languages', async () => {
    const world = JSON.parse(miniWith({}).get('worlds/couloir.json')!.toString('utf8')) as Json;
    world.zones[0].label = { fr: 'Arrivée', en: 'Finish' };
    const result = await load({ 'pack.json': v2(), 'worlds/couloir.json': world });
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) expect(result.pack.worlds.get('worlds/couloir.json')?.zones[0]?.label).toEqual({ fr: 'Arrivée', en: 'Finish' });
  });
});

describe('blocks in a lesson’s texts', () => {
  let s: Scratch;
  beforeEach(() => {
    s = scratch();
  });
  afterEach(() => s.cleanup());

  async function validateWith(fr: string, manifest: Json = v2()) {
    const dir = s.input('pack');
    writeFolder(dir, miniWith({ 'pack.json': manifest, 'steps/1.fr.md': fr }));
    return validatePack(dir);
  }

  it('accepts blocks the lesson offers, shown by type or named by their label', async () => {
    const report = await validateWith(
      '# Avancer\n\nPrends {{block:robot_move}} puis le bloc «\u00a0répéter … fois\u00a0» et le bloc **avancer**. Le bloc suivant tourne\u00a0: {{block:robot_turn}}.',
    );
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('reports a step naming a block that does not exist', async () => {
    const report = await validateWith('# Avancer\n\nUtilise le bloc rouler, puis le bloc **bip**.');
    expect(report.ok).toBe(false);
    expect(errorsOf(report.errors).map((e) => [e.code, e.file, e.params.name])).toEqual([
      ['pack-step-block-name', 'steps/1.fr.md', 'rouler'],
      ['pack-step-block-name', 'steps/1.fr.md', 'bip'],
    ]);
    expect(describePackError(report.errors[0]!, 'fr')).toBe(
      'steps/1.fr.md\u00a0: le texte parle du bloc «\u00a0rouler\u00a0», mais aucun bloc ne s’appelle ainsi. Recopie l’étiquette du bloc telle que RoboKit l’affiche, ou montre-le avec {{block:TYPE}}.',
    );
  });

  it('reports a block type that does not exist, one the toolbox lacks, and a malformed reference', async () => {
    const report = await validateWith('# Avancer\n\n{{block:robot_fly}} {{block:robot_beep}} {{bloc:robot_move}}');
    expect(errorsOf(report.errors).map((e) => e.code).sort()).toEqual([
      'pack-step-block-not-in-toolbox',
      'pack-step-block-syntax',
      'pack-step-unknown-block',
    ]);
    const lacking = report.errors.find((e) => e.code === 'pack-step-block-not-in-toolbox')!;
    expect(describePackError(lacking, 'fr')).toContain('«\u00a0jouer … pendant … s\u00a0»');
  });

  it('checks hints and teacher notes too, where they are in pack.json', async () => {
    const m = v2();
    m.lessons[0].steps[0].hint.fr = 'Le bloc **bip** est dans Son.';
    m.lessons[0].teacher.mistakes[0].fr = 'Oublier {{block:robot_led}}.';
    const report = await validateWith('# Avancer', m);
    expect(errorsOf(report.errors).map((e) => [e.code, e.path])).toEqual([
      ['pack-step-block-name', 'lessons[0].steps[0].hint.fr'],
      ['pack-step-block-not-in-toolbox', 'lessons[0].teacher.mistakes[0].fr'],
    ]);
  });

  it('does not check block names in a version 1 pack (written before the labels changed)', async () => {
    const report = await validateWith('# Avancer\n\nLe bloc **bip**.', miniManifest());
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([]);
  });

  it('accepts the names of the lesson’s own variables and blocks', async () => {
    const m = v2();
    const dir = s.input('pack');
    const solution = JSON.parse(miniWith({}).get('projects/solution.robokit')!.toString('utf8')) as Json;
    solution.workspace.variables = [{ name: 'compteur', id: 'v1' }];
    solution.workspace.blocks.blocks.push({ type: 'procedures_defnoreturn', id: 'p1', x: 300, y: 20, fields: { NAME: 'contourner' } });
    writeFolder(dir, miniWith({ 'pack.json': m, 'projects/solution.robokit': solution, 'steps/1.fr.md': 'Le bloc «\u00a0contourner\u00a0» et le bloc **compteur**, pas le bloc **bip**.' }));
    const report = await validatePack(dir);
    expect(report.errors.filter((e) => e.code === 'pack-step-block-name').map((e) => e.params.name)).toEqual(['bip']);
  });
});
