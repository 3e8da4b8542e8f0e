/**
 * Every built-in pack in `lessons/` is checked like a teacher's pack, with the real loader; then each
 * lesson: starter and solution compile using only the lesson's toolbox, every solution passes its
 * challenge, no starter does, and a solution gives the same verdict and time twice.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allowedBlockTypes, checkChallenge, surveyBlocks } from '../../app/core/challenge';
import { compile } from '../../app/core/compiler';
import type { Lesson } from '../../app/core/lessons/types';
import { findProfile } from '../../app/core/profiles';
import { buildPack, loadPackFolder, openPackForCheck, validatePack, type LoadedPack } from '../../app/host/packs';

const LESSONS_DIR = join(import.meta.dirname, '../../lessons');
const PACK_DIRS = readdirSync(LESSONS_DIR)
  .filter((name) => statSync(join(LESSONS_DIR, name)).isDirectory())
  .sort();

const loaded = new Map<string, LoadedPack>();
async function pack(dir: string): Promise<LoadedPack> {
  const cached = loaded.get(dir);
  if (cached) return cached;
  const result = await loadPackFolder(join(LESSONS_DIR, dir));
  if (!result.ok) throw new Error(`${dir}: ${JSON.stringify(result.errors.slice(0, 3))}`);
  loaded.set(dir, result.pack);
  return result.pack;
}

function project(p: LoadedPack, file: string) {
  const found = p.projects.get(file);
  if (!found) throw new Error(`${file} not loaded`);
  return found;
}

const scratch = mkdtempSync(join(tmpdir(), 'robokit-built-in-packs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the built-in packs', () => {
  it('are the ones the workshops need', () => {
    expect(PACK_DIRS).toEqual([
      'a-la-maison',
      'art-et-culture',
      'camion-parentalite',
      'college-cycle-4',
      'defis-parents-enfants',
      'girls-can-code-autonomie',
      'girls-can-code-robot-artiste',
      'le-robot-qui-decide',
      'premiers-pas',
      'sobriete-numerique',
    ]);
  });

  it.each(PACK_DIRS)('%s validates with no error and no warning', async (dir) => {
    const report = await validatePack(join(LESSONS_DIR, dir));
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it.each(PACK_DIRS)('%s builds into a .robokitpack that loads back the same', async (dir) => {
    const file = join(scratch, `${dir}.robokitpack`);
    const built = await buildPack(join(LESSONS_DIR, dir), file);
    expect(built.ok).toBe(true);
    const reopened = await openPackForCheck(file);
    if (!reopened.ok) throw new Error(JSON.stringify(reopened.errors));
    const original = await pack(dir);
    expect(reopened.pack.manifest).toEqual(original.manifest);
    expect([...reopened.pack.files.keys()].sort()).toEqual([...original.files.keys()].sort());
    expect(reopened.pack.steps).toEqual(original.steps);
  });
});

/** Every number typed in a project's blocks (shadows and number blocks). */
function numbersIn(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) value.forEach((v) => numbersIn(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.type === 'math_number' && o.fields && typeof (o.fields as { NUM?: unknown }).NUM === 'number') out.push((o.fields as { NUM: number }).NUM);
    Object.values(o).forEach((v) => numbersIn(v, out));
  }
  return out;
}

/** The index of the first lesson whose toolbox allows `type` (-1 when none does). */
const firstLessonWith = (lessons: readonly Lesson[], type: string) => lessons.findIndex((l) => allowedBlockTypes(l.toolbox).has(type));

describe('what each pack promises', () => {
  it('Premiers pas: at least 6 lessons, for every built-in robot, the square before the staircase', async () => {
    const p = await pack('premiers-pas');
    expect(p.manifest.lessons.length).toBeGreaterThanOrEqual(6);
    expect(p.manifest.profiles).toEqual(['sim', 'arduino-2wd', 'servo-bot']);
    const ids = p.manifest.lessons.map((l) => l.id);
    expect(ids.indexOf('le-carre')).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf('le-carre')).toBeLessThan(ids.indexOf('l-escalier'));
    expect(firstLessonWith(p.manifest.lessons, 'controls_repeat_ext')).toBe(ids.indexOf('le-carre'));
  });

  it('Packs for the youngest: whole numbers only in every project (no 1,67 s, no √2)', async () => {
    for (const dir of ['premiers-pas', 'le-robot-qui-decide', 'camion-parentalite', 'a-la-maison']) {
      const p = await pack(dir);
      for (const [file, project] of p.projects) expect(numbersIn(project.workspace).filter((n) => !Number.isInteger(n)), `${dir}/${file}`).toEqual([]);
    }
  });

  it('Le robot qui décide: si/sinon, then the sensor in a loop, a variable, my own blocks, then events', async () => {
    const p = await pack('le-robot-qui-decide');
    const lessons = p.manifest.lessons;
    const order = ['controls_if', 'robokit_forever', 'variables_set', 'procedures_defnoreturn', 'robokit_wait_until'].map((t) => firstLessonWith(lessons, t));
    expect(order).toEqual([0, 1, 2, 3, 4]);
    const ifElse = JSON.stringify(p.projects.get(lessons[0]!.solution!)!.workspace);
    expect(ifElse).toContain('"hasElse":true');
    expect(ifElse).toContain('robot_distance');
  });

  it('Art et culture: Vera Molnár, the Bourges rose window and a festival show, each drawing or show checked', async () => {
    const p = await pack('art-et-culture');
    const text = (l: Lesson) => l.steps.map((s) => p.steps.get(s.file.fr)).join('\n');
    const lessons = p.manifest.lessons;
    expect(lessons.filter((l) => /Vera Molnár/.test(text(l)) && l.challenge && 'all' in l.challenge.goal && l.challenge.goal.all.some((g) => 'drawShape' in g)).length).toBeGreaterThanOrEqual(2);
    expect(lessons.some((l) => /Bourges/.test(text(l)) && /rosace/i.test(l.title.fr))).toBe(true);
    const show = lessons.find((l) => /festival/i.test(l.title.fr));
    expect(JSON.stringify(show?.challenge?.goal)).toMatch(/lightOnFor.*playTones/);
  });

  it('À la maison: simulator only, weekly challenges, and a project handed in as a file through the ENT', async () => {
    const p = await pack('a-la-maison');
    expect(p.manifest.profiles).toEqual(['sim']);
    for (const project of p.projects.values()) expect(project.profile).toBe('sim');
    expect(p.manifest.lessons.length).toBeGreaterThanOrEqual(4);
    expect(p.manifest.lessons.every((l, i) => l.title.fr.startsWith(`Semaine ${i + 1}`))).toBe(true);
    const last = p.manifest.lessons.at(-1)!;
    const steps = last.steps.map((s) => p.steps.get(s.file.fr)).join('\n');
    expect(steps).toMatch(/ENT/);
    expect(steps).toMatch(/\.robokit/);
    expect(steps).toMatch(/Enregistrer/);
  });

  it('Camion parentalité: 10–15 minute family flash challenges told in pictograms, with few words', async () => {
    const p = await pack('camion-parentalite');
    expect(p.manifest.lessons.length).toBeGreaterThanOrEqual(4);
    for (const lesson of p.manifest.lessons) {
      expect(lesson.mode).toBe('parent-child');
      expect(lesson.minutes).toBeGreaterThanOrEqual(10);
      expect(lesson.minutes).toBeLessThanOrEqual(15);
      for (const step of lesson.steps) {
        const md = p.steps.get(step.file.fr)!;
        expect(md.match(/!\[[^\]]*\]\([^)]+\.png\)/g)?.length ?? 0, step.file.fr).toBeGreaterThanOrEqual(2);
        const words = md.replace(/!\[[^\]]*\]\([^)]*\)|\{\{block:[a-z_]+\}\}|«[^»]*»/g, ' ').match(/\p{L}{2,}/gu) ?? [];
        expect(words.length, step.file.fr).toBeLessThanOrEqual(25);
      }
    }
  });

  it('Girls can code: at least 5 lessons, tagged for the programme, with the pen', async () => {
    const p = await pack('girls-can-code-robot-artiste');
    expect(p.manifest.lessons.length).toBeGreaterThanOrEqual(5);
    expect(p.manifest.tags).toEqual(expect.arrayContaining(['girls-can-code', 'filles-et-numerique']));
    for (const lesson of p.manifest.lessons) expect(allowedBlockTypes(lesson.toolbox).has('robot_pen')).toBe(true);
  });

  it('Girls can code, autonomie: sensors, a robot that decides, and Ada Lovelace, Margaret Hamilton and Vera Molnár', async () => {
    const p = await pack('girls-can-code-autonomie');
    const lessons = p.manifest.lessons;
    expect(p.manifest.tags).toEqual(expect.arrayContaining(['girls-can-code', 'filles-et-numerique']));
    const text = lessons.flatMap((l) => l.steps.map((s) => p.steps.get(s.file.fr))).join('\n');
    for (const woman of ['Ada Lovelace', 'Margaret Hamilton', 'Vera Molnár']) expect(text).toContain(woman);
    const sensed = lessons.filter((l) => ['robot_distance', 'robot_light', 'robot_line'].some((t) => allowedBlockTypes(l.toolbox).has(t)));
    expect(sensed.length).toBe(lessons.length);
    expect(lessons.filter((l) => allowedBlockTypes(l.toolbox).has('controls_if')).length).toBeGreaterThanOrEqual(3);
  });

  it('Collège cycle 4: variables, events and a robot that counts', async () => {
    const p = await pack('college-cycle-4');
    const lessons = p.manifest.lessons;
    expect(p.manifest.ages[0]).toBeGreaterThanOrEqual(12);
    for (const lesson of lessons) expect(lesson.teacher?.objectives?.some((o) => o.cycle === 4), lesson.id).toBe(true);
    expect(lessons.filter((l) => allowedBlockTypes(l.toolbox).has('math_change')).length).toBe(lessons.length);
    const counting = JSON.stringify(p.projects.get(lessons.find((l) => l.id === 'compter-les-lignes')!.solution!)!.workspace);
    expect(counting).toContain('math_change');
    expect(counting).toContain('robot_line');
  });

  it('Sobriété numérique: every challenge has a stopwatch only the thrifty program beats', async () => {
    const p = await pack('sobriete-numerique');
    expect(p.manifest.lessons.length).toBeGreaterThanOrEqual(3);
    for (const lesson of p.manifest.lessons) expect(JSON.stringify(lesson.challenge?.goal), lesson.id).toContain('withinSeconds');
  });

  it('Défis parents-enfants: at least 6 timed pair challenges with pilote and copilote roles', async () => {
    const p = await pack('defis-parents-enfants');
    expect(p.manifest.lessons.length).toBeGreaterThanOrEqual(6);
    for (const lesson of p.manifest.lessons) {
      expect(lesson.mode).toBe('parent-child');
      expect(lesson.challenge?.timeLimitSeconds).toBeGreaterThan(0);
      const steps = lesson.steps.map((s) => `${p.steps.get(s.file.fr)}\n${p.steps.get(s.file.en)}`).join('\n');
      expect(steps, lesson.id).toMatch(/pilote/i);
      expect(steps, lesson.id).toMatch(/copilote/i);
      expect(steps, lesson.id).toMatch(/co-?pilot\b/i);
    }
  });

  it('Défis parents-enfants: easiest first, the parents’ card first, and 15, 45 and 90-minute routes that add up', async () => {
    const p = await pack('defis-parents-enfants');
    const lessons = p.manifest.lessons;
    const minutes = lessons.map((l) => l.minutes);
    expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
    expect(p.steps.get(lessons[0]!.steps[0]!.file.fr)).toMatch(/^# La carte des parents/);
    const upTo = (n: number) => minutes.slice(0, n).reduce((a, b) => a + b, 0);
    expect([upTo(1), upTo(3), upTo(5)]).toEqual([15, 45, 90]);
    for (const route of [/15\s+minutes/, /45\s+minutes/, /90\s+minutes/]) expect(p.manifest.description.fr).toMatch(route);
    for (const [file, project] of p.projects) expect(numbersIn(project.workspace).filter((n) => !Number.isInteger(n)), file).toEqual([]);
  });
});

describe('every built-in pack', () => {
  it('is a version 2 pack whose every lesson has teacher notes', async () => {
    for (const dir of PACK_DIRS) {
      const p = await pack(dir);
      expect(p.manifest.version, dir).toBe(2);
      for (const lesson of p.manifest.lessons) {
        const notes = lesson.teacher;
        expect(notes?.objectives?.length, `${dir} › ${lesson.id}`).toBeGreaterThan(0);
        expect(notes?.phases?.reduce((sum, phase) => sum + phase.minutes, 0), `${dir} › ${lesson.id}`).toBe(lesson.minutes);
        expect(notes?.unplugged?.fr.length, `${dir} › ${lesson.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('adds up to at least 35 lessons in at least 6 packs', async () => {
    const counts = await Promise.all(PACK_DIRS.map(async (dir) => (await pack(dir)).manifest.lessons.length));
    expect(PACK_DIRS.length).toBeGreaterThanOrEqual(6);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(35);
  });
});

interface LessonCase {
  readonly dir: string;
  readonly lesson: Lesson;
}

const CASES: LessonCase[] = [];
for (const dir of PACK_DIRS) {
  const result = await loadPackFolder(join(LESSONS_DIR, dir));
  if (result.ok) for (const lesson of result.pack.manifest.lessons) CASES.push({ dir, lesson });
}
const named = CASES.map((c) => [`${c.dir} › ${c.lesson.id}`, c] as const);

/** Free creation has nothing to judge; every other lesson is checked by what the robot does. */
const FREE_LESSONS = ['girls-can-code-robot-artiste › ton-motif'];

it('every lesson has a challenge except the free-creation ones', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(17);
  expect(named.filter(([, c]) => !c.lesson.challenge).map(([name]) => name)).toEqual(FREE_LESSONS);
});

describe.each(named)('%s', (_name, { dir, lesson }) => {
  const profileOf = (file: string, p: LoadedPack) => {
    const profile = findProfile(project(p, file).profile);
    if (!profile) throw new Error(`unknown profile in ${file}`);
    return profile;
  };

  it('starter and solution compile, cleanly, with only the lesson’s blocks', async () => {
    const p = await pack(dir);
    expect(lesson.solution).toBeDefined();
    for (const file of [lesson.starter, lesson.solution!]) {
      const { workspace } = project(p, file);
      expect(surveyBlocks(workspace, allowedBlockTypes(lesson.toolbox)).notAllowed, file).toEqual([]);
      const compiled = compile(workspace, { profile: profileOf(file, p) });
      expect(compiled.diagnostics, file).toEqual([]);
      expect(compiled.program, file).not.toBeNull();
      expect(project(p, file).lesson).toEqual({ pack: p.id, lesson: lesson.id });
    }
  });

  if (!lesson.challenge) return;

  it('the solution passes the challenge, the starter does not', async () => {
    const p = await pack(dir);
    const world = p.worlds.get(lesson.challenge!.world)!;
    const solution = await checkChallenge(project(p, lesson.solution!).workspace, lesson, world, profileOf(lesson.solution!, p));
    expect(solution.diagnostics).toEqual([]);
    expect(solution.conditions.filter((c) => !c.passed).map((c) => c.detail.en)).toEqual([]);
    expect(solution.passed).toBe(true);
    if (lesson.challenge!.stars) expect(solution.stars).toBe(3);

    const starter = await checkChallenge(project(p, lesson.starter).workspace, lesson, world, profileOf(lesson.starter, p));
    expect(starter.diagnostics).toEqual([]);
    expect(starter.passed).toBe(false);
    expect(starter.stars).toBe(0);
  });

  it('the solution’s verdict and time are the same twice', async () => {
    const p = await pack(dir);
    const world = p.worlds.get(lesson.challenge!.world)!;
    const profile = profileOf(lesson.solution!, p);
    const { workspace } = project(p, lesson.solution!);
    const first = await checkChallenge(workspace, lesson, world, profile);
    const second = await checkChallenge(workspace, lesson, world, profile);
    expect(second).toEqual(first);
  });
});
