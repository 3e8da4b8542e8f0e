import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describePackError, pointerToPath } from '../../../app/core/lessons/pack-error';
import { checkManifest, parseManifest } from '../../../app/core/lessons/validate-manifest';
import { checkGoal, goalZones } from '../../../app/core/lessons/goal-checks';
import type { Goal } from '../../../app/core/lessons/types';

const MINI_TEXT = readFileSync(new URL('../../fixtures/packs/mini/pack.json', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const mini = (): any => JSON.parse(MINI_TEXT);
const sentences = (data: unknown, locale: 'fr' | 'en' = 'fr') => {
  const result = checkManifest(data);
  return result.ok ? [] : result.errors.map((e) => describePackError(e, locale));
};

describe('pack.json validation', () => {
  it('accepts the mini pack', () => {
    const result = parseManifest(MINI_TEXT);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.manifest.lessons[0]?.challenge?.goal).toEqual({ all: [{ reachZone: 'arrivee' }, { neverTouchWall: true }, { withinSeconds: 10 }] });
  });

  it('names each wrong field by its path, in both languages', () => {
    const m = mini();
    m.lessons[0].minutes = 500;
    m.lessons[0].steps[0].file.en = 'steps/1.en.txt';
    delete m.license;
    expect(sentences(m)).toEqual([
      'pack.json → license\u00a0: ce champ est obligatoire.',
      'pack.json → lessons[0].minutes\u00a0: doit être un nombre entier entre 1 et 240.',
      'pack.json → lessons[0].steps[0].file.en\u00a0: doit être un chemin relatif dans le pack vers un fichier markdown, comme «\u00a0etapes/1.fr.md\u00a0».',
    ]);
    expect(sentences(m, 'en')[1]).toBe('pack.json → lessons[0].minutes: must be a whole number between 1 and 240.');
  });

  it('explains a toolbox item of the wrong shape by its own rule', () => {
    const m = mini();
    m.lessons[0].toolbox = ['robot move', { category: 'movement' }, 42];
    expect(sentences(m)).toEqual([
      'pack.json → lessons[0].toolbox[0]\u00a0: nom de bloc invalide (comme «\u00a0robot_move\u00a0»).',
      'pack.json → lessons[0].toolbox[1].blocks\u00a0: ce champ est obligatoire.',
      'pack.json → lessons[0].toolbox[2]\u00a0: doit être un objet { … }.',
    ]);
  });

  it('gives the line and column of a JSON syntax error', () => {
    const result = parseManifest('{\n  "format": "robokit-pack",\n  "id": "a"\n  "x": 1\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(describePackError(result.errors[0]!, 'fr')).toBe('pack.json\u00a0: JSON invalide à la ligne 4, colonne 3.');
  });

  it('refuses deep nesting before parsing', () => {
    const result = parseManifest(`{"a":${'['.repeat(100_000)}`);
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'pack-json-too-deep' }] });
  });

  it('shows names from the pack with control characters made visible', () => {
    const m = mini();
    m.lessons[0].toolbox.push('robot_\u202eevil');
    expect(sentences(m)[0]).toBe('pack.json → lessons[0].toolbox[4]\u00a0: nom de bloc invalide (comme «\u00a0robot_move\u00a0»).');
    m.lessons[0].toolbox[4] = 'robot_evil';
    expect(sentences(m)[0]).toBe('pack.json → lessons[0].toolbox[4]\u00a0: je ne connais pas le bloc «\u00a0robot_evil\u00a0».');
  });

  it('turns JSON pointers into readable paths', () => {
    expect(pointerToPath('/lessons/2/title/fr')).toBe('lessons[2].title.fr');
    expect(pointerToPath('/a~1b/c~0d')).toBe('["a/b"]["c~d"]');
    expect(pointerToPath('')).toBe('');
  });
});

describe('challenge goals', () => {
  const nested = (depth: number): Goal => (depth === 0 ? { reachZone: 'z' } : { all: [nested(depth - 1)] });

  it('allows six levels of all/any and refuses a seventh', () => {
    expect(checkGoal(nested(6), 'pack.json', 'goal')).toEqual([]);
    expect(checkGoal(nested(7), 'pack.json', 'goal').map((e) => e.code)).toEqual(['pack-goal-too-deep']);
  });

  it('refuses more than 200 conditions', () => {
    const wide: Goal = { all: Array.from({ length: 16 }, () => ({ any: Array.from({ length: 16 }, () => ({ neverTouchWall: true as const })) })) };
    expect(checkGoal(wide, 'pack.json', 'goal').map((e) => e.code)).toEqual(['pack-goal-too-big']);
  });

  it('keeps withinSeconds next to the conditions it times', () => {
    expect(checkGoal({ all: [{ reachZone: 'a' }, { withinSeconds: 5 }] }, 'pack.json', 'goal')).toEqual([]);
    const misplaced = checkGoal({ any: [{ reachZone: 'a' }, { withinSeconds: 5 }] }, 'pack.json', 'goal');
    expect(misplaced).toMatchObject([{ code: 'pack-goal-within-placement', path: 'goal.any[1].withinSeconds' }]);
  });

  it('lists the zones a goal names, with their paths', () => {
    const goal: Goal = { all: [{ reachZone: 'a' }, { any: [{ visitZonesInOrder: ['b', 'c'] }, { avoidZone: 'd' }, { endInZone: 'e' }] }] };
    expect(goalZones(goal, 'g')).toEqual([
      { zone: 'a', path: 'g.all[0].reachZone' },
      { zone: 'b', path: 'g.all[1].any[0].visitZonesInOrder[0]' },
      { zone: 'c', path: 'g.all[1].any[0].visitZonesInOrder[1]' },
      { zone: 'd', path: 'g.all[1].any[1].avoidZone' },
      { zone: 'e', path: 'g.all[1].any[2].endInZone' },
    ]);
  });

  it('accepts every kind of condition the schema describes', () => {
    const m = mini();
    m.lessons[0].challenge.goal = {
      all: [
        { reachZone: 'arrivee' },
        { endInZone: 'arrivee' },
        { avoidZone: 'arrivee' },
        { visitZonesInOrder: ['arrivee', 'arrivee'] },
        { neverTouchWall: true },
        { followLine: { fraction: 0.8 } },
        { drawShape: { points: [[0, 0], [10, 0], [10, 10]], toleranceCm: 2, closed: true } },
        { lightOnFor: { seconds: 2 } },
        { playTones: { atLeast: 3 } },
        { withinSeconds: 15 },
      ],
    };
    expect(checkManifest(m).ok).toBe(true);
  });
});
