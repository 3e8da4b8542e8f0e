/**
 * Hostile content in well-formed archives: pack.json, projects, worlds and steps. Each pack is
 * refused with a code and a sentence naming the file and JSON path; the store stays as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackMessageCode } from '../../../../app/core/i18n/pack-messages';
import { installPack } from '../../../../app/host/packs/pack-store';
import { expectRefused, MINI, miniManifest, miniWith, scratch, snapshot, zipOf, type Json, type Scratch } from './corpus-helpers';

const COULOIR = JSON.parse(readFileSync(join(MINI, 'worlds/couloir.json'), 'utf8')) as Record<string, Json>;

interface Case {
  readonly name: string;
  readonly files: () => Map<string, Buffer>;
  readonly code: PackMessageCode;
  readonly mentions?: string;
}

/** The mini pack with its manifest changed by `edit`. */
const manifest = (edit: (m: Json) => void) => () => {
  const m = miniManifest();
  edit(m);
  return miniWith({ 'pack.json': m });
};
const lesson = (edit: (l: Json) => void) => manifest((m) => edit(m.lessons[0]));
const challenge = (edit: (c: Json) => void) => lesson((l) => edit(l.challenge));
const packJson = (text: string) => () => miniWith({ 'pack.json': text });
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

const CASES: readonly Case[] = [
  { name: 'invalid JSON', files: packJson('{\n  "format": "robokit-pack",\n  "id": x\n}'), code: 'pack-json-invalid-at', mentions: 'pack.json' },
  { name: 'JSON cut short', files: packJson('{\n  "format": "robokit-pack",\n  "lessons": ['), code: 'pack-json-invalid-at', mentions: 'pack.json' },
  { name: 'trailing garbage after JSON', files: packJson('{"format":"robokit-pack"} trailing'), code: 'pack-json-invalid-at', mentions: '1' },
  { name: '100,000-deep arrays', files: packJson(deep(100_000)), code: 'pack-json-too-deep', mentions: 'pack.json' },
  { name: '100,000-deep objects inside a field', files: packJson(`{"format":"robokit-pack","x":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`), code: 'pack-json-too-deep' },
  { name: 'a JSON array', files: packJson('[]'), code: 'pack-wrong-format' },
  { name: 'JSON null', files: packJson('null'), code: 'pack-wrong-format' },
  { name: 'another format', files: manifest((m) => (m.format = 'robokit-project')), code: 'pack-wrong-format' },
  { name: 'a future version', files: manifest((m) => (m.version = 3)), code: 'pack-future-version', mentions: '3' },
  { name: 'version as text', files: manifest((m) => (m.version = '1')), code: 'pack-field-enum', mentions: 'pack.json → version' },
  { name: 'minutes as the text "NaN"', files: lesson((l) => (l.minutes = 'NaN')), code: 'pack-field-not-integer', mentions: 'pack.json → lessons[0].minutes' },
  { name: 'minutes 1e308', files: lesson((l) => (l.minutes = 1e308)), code: 'pack-field-int-range', mentions: 'lessons[0].minutes' },
  { name: 'minutes 1e999 (Infinity)', files: packJson(JSON.stringify(miniManifest()).replace('"minutes":15', '"minutes":1e999')), code: 'pack-field-not-integer', mentions: 'lessons[0].minutes' },
  { name: 'negative minutes', files: lesson((l) => (l.minutes = -5)), code: 'pack-field-int-range', mentions: 'lessons[0].minutes' },
  { name: 'fractional seed', files: challenge((c) => (c.seed = 0.5)), code: 'pack-field-not-integer', mentions: 'lessons[0].challenge.seed' },
  { name: 'followLine fraction 7', files: challenge((c) => (c.goal = { followLine: { fraction: 7 } })), code: 'pack-field-range', mentions: 'lessons[0].challenge.goal.followLine.fraction' },
  { name: 'title is a number', files: manifest((m) => (m.title = 5)), code: 'pack-field-not-object', mentions: 'pack.json → title' },
  { name: 'authors is a string', files: manifest((m) => (m.authors = 'Moi')), code: 'pack-field-not-array', mentions: 'authors' },
  { name: 'steps is a string', files: lesson((l) => (l.steps = 'steps/1.fr.md')), code: 'pack-field-not-array', mentions: 'lessons[0].steps' },
  { name: 'English title missing', files: manifest((m) => delete m.title.en), code: 'pack-field-missing', mentions: 'title.en' },
  { name: 'a misspelt field', files: lesson((l) => (l.minuts = 10)), code: 'pack-field-unknown', mentions: 'lessons[0].minuts' },
  { name: '__proto__ field', files: packJson(JSON.stringify(miniManifest()).replace('{', '{"__proto__":{"polluted":true},')), code: 'pack-field-unknown', mentions: '__proto__' },
  { name: 'a 10,000-character title', files: manifest((m) => (m.title.fr = 'é'.repeat(10_000))), code: 'pack-field-too-long', mentions: 'title.fr' },
  { name: 'empty lesson list', files: manifest((m) => (m.lessons = [])), code: 'pack-field-too-few', mentions: 'lessons' },
  { name: '500 tags', files: manifest((m) => (m.tags = Array.from({ length: 500 }, (_, i) => `t${i}`))), code: 'pack-field-too-many', mentions: 'tags' },
  { name: 'an unknown mode', files: lesson((l) => (l.mode = 'battle')), code: 'pack-field-enum', mentions: 'solo, pair, parent-child' },
  { name: 'ages the wrong way round', files: manifest((m) => (m.ages = [12, 8])), code: 'pack-ages-order', mentions: 'pack.json → ages' },
  { name: 'pack id that climbs out (../../etc)', files: manifest((m) => (m.id = '../../etc')), code: 'pack-field-pack-id', mentions: 'pack.json → id' },
  { name: 'pack id with a slash', files: manifest((m) => (m.id = 'fr.a/b')), code: 'pack-field-pack-id' },
  { name: 'starter outside the pack', files: lesson((l) => (l.starter = '../outside.robokit')), code: 'pack-field-path-project', mentions: 'lessons[0].starter' },
  { name: 'absolute starter', files: lesson((l) => (l.starter = '/etc/passwd.robokit')), code: 'pack-field-path-project' },
  { name: 'step as a Windows path', files: lesson((l) => (l.steps[0].file.fr = 'C:\\steps\\1.md')), code: 'pack-field-path-markdown', mentions: 'lessons[0].steps[0].file.fr' },
  { name: 'world as a URL', files: challenge((c) => (c.world = 'https://evil.example/w.json')), code: 'pack-field-path-world' },
  { name: 'an unknown block type', files: lesson((l) => l.toolbox.push('evil_eval')), code: 'pack-unknown-block', mentions: 'evil_eval' },
  { name: 'an unknown block inside a category', files: lesson((l) => l.toolbox[0].blocks.push('robot_fly')), code: 'pack-unknown-block', mentions: 'lessons[0].toolbox[0].blocks[3]' },
  { name: 'two lessons with one id', files: manifest((m) => m.lessons.push(structuredClone(m.lessons[0]))), code: 'pack-lesson-duplicate', mentions: 'lessons[1].id' },
  { name: 'stars the wrong way round', files: challenge((c) => (c.stars = { three: 9, two: 3 })), code: 'pack-stars-order', mentions: 'challenge.stars' },
  { name: 'an unknown goal condition', files: challenge((c) => (c.goal = { all: [{ fly: true }] })), code: 'pack-goal-unknown', mentions: 'goal.all[0].fly' },
  { name: 'a goal with two conditions in one object', files: challenge((c) => (c.goal = { reachZone: 'arrivee', neverTouchWall: true })), code: 'pack-goal-one-key', mentions: 'challenge.goal' },
  { name: 'an empty goal', files: challenge((c) => (c.goal = {})), code: 'pack-goal-one-key' },
  {
    name: 'goals nested 12 deep',
    files: challenge((c) => {
      let g: Json = { reachZone: 'arrivee' };
      for (let i = 0; i < 12; i++) g = { any: [g] };
      c.goal = g;
    }),
    code: 'pack-goal-too-deep',
  },
  { name: 'withinSeconds alone', files: challenge((c) => (c.goal = { withinSeconds: 5 })), code: 'pack-goal-within-placement', mentions: 'goal.withinSeconds' },
  { name: 'withinSeconds beyond the time limit', files: challenge((c) => (c.goal = { all: [{ reachZone: 'arrivee' }, { withinSeconds: 90 }] })), code: 'pack-goal-time-limit', mentions: '90' },
  { name: 'a goal naming a missing zone', files: challenge((c) => (c.goal = { visitZonesInOrder: ['arrivee', 'lune'] })), code: 'pack-goal-unknown-zone', mentions: 'lune' },
  { name: 'a missing starter file', files: () => miniWith({ 'projects/depart.robokit': null }), code: 'pack-file-missing', mentions: 'projects/depart.robokit' },
  { name: 'a missing step file', files: () => miniWith({ 'steps/2.en.md': null }), code: 'pack-file-missing', mentions: 'lessons[0].steps[1].file.en' },
  { name: 'a missing world', files: () => miniWith({ 'worlds/couloir.json': null }), code: 'pack-file-missing', mentions: 'worlds/couloir.json' },
  { name: 'a step image that is not in the pack', files: () => miniWith({ 'images/robot.png': null }), code: 'pack-md-image-missing', mentions: 'images/robot.png' },
  { name: 'a step image climbing out of the pack', files: () => miniWith({ 'steps/2.fr.md': '![x](../../../etc/passwd)' }), code: 'pack-md-image-missing' },
  { name: 'a starter that is not JSON', files: () => miniWith({ 'projects/depart.robokit': 'MZ\u0090\u0000binary' }), code: 'pack-json-invalid-at', mentions: 'projects/depart.robokit' },
  { name: 'a solution of the wrong format', files: () => miniWith({ 'projects/solution.robokit': { format: 'robokit-pack', version: 1 } }), code: 'pack-project-invalid', mentions: 'lessons[0].solution' },
  { name: 'a world without its fields', files: () => miniWith({ 'worlds/couloir.json': { format: 'robokit-world', version: 1, size: 'huge' } }), code: 'pack-field-missing', mentions: 'worlds/couloir.json' },
  { name: 'a world with a wrong type', files: () => miniWith({ 'worlds/couloir.json': { ...COULOIR, size: 'huge' } }), code: 'pack-field-not-object', mentions: 'worlds/couloir.json → size' },
  { name: 'a world zone with w and h', files: () => miniWith({ 'worlds/couloir.json': { ...COULOIR, zones: [{ type: 'rect', x: 150, y: 10, w: 40, h: 40, name: 'arrivee' }] } }), code: 'pack-field-missing', mentions: 'worlds/couloir.json → zones[0].width' },
  { name: 'a world zone with an unknown field', files: () => miniWith({ 'worlds/couloir.json': { ...COULOIR, zones: [{ type: 'rect', x: 150, y: 10, width: 40, height: 40, name: 'arrivee', colour: 'red' }] } }), code: 'pack-world-unknown-field', mentions: 'worlds/couloir.json → zones[0].colour' },
  { name: 'a 100,000-deep world', files: () => miniWith({ 'worlds/couloir.json': deep(100_000) }), code: 'pack-json-too-deep', mentions: 'worlds/couloir.json' },
  { name: 'a step that is not UTF-8', files: () => miniWith({ 'steps/1.fr.md': Buffer.from([0x23, 0x20, 0xe9, 0x74, 0xe9]) }), code: 'pack-file-not-utf8', mentions: 'steps/1.fr.md' },
  { name: 'a 300 KB step', files: () => miniWith({ 'steps/1.fr.md': 'a'.repeat(300 * 1024) }), code: 'pack-file-too-large', mentions: 'steps/1.fr.md' },
  { name: 'a 2 MB pack.json', files: manifest((m) => (m.padding = 'x'.repeat(2 * 1024 * 1024))), code: 'pack-file-too-large', mentions: 'pack.json' },
];

describe('hostile pack contents are refused with the JSON path', () => {
  let s: Scratch;
  beforeAll(() => {
    s = scratch();
  });
  afterAll(() => s.cleanup());

  for (const c of CASES) {
    it(c.name, async () => {
      const input = s.input('input.robokitpack');
      writeFileSync(input, zipOf(c.files()));
      const before = snapshot(s.root);
      const result = await installPack(input, s.store);
      expect(result.ok).toBe(false);
      if (!result.ok) expectRefused(result.errors, c.code, c.mentions);
      expect(snapshot(s.root)).toEqual(before);
    });
  }

  it('says the field, the rule and the bounds in French and English', async () => {
    const input = s.input('minutes.robokitpack');
    writeFileSync(input, zipOf(lesson((l) => (l.minutes = 500))()));
    const result = await installPack(input, s.store);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = expectRefused(result.errors, 'pack-field-int-range');
    expect(error).toMatchObject({ file: 'pack.json', path: 'lessons[0].minutes' });
    const { describePackError } = await import('../../../../app/core/lessons/pack-error');
    expect(describePackError(error, 'fr')).toBe('pack.json → lessons[0].minutes\u00a0: doit être un nombre entier entre 1 et 240.');
    expect(describePackError(error, 'en')).toBe('pack.json → lessons[0].minutes: must be a whole number between 1 and 240.');
  });

  it('caps a flood of errors and says how many were left out', async () => {
    const input = s.input('flood.robokitpack');
    const files = manifest((m) => {
      m.lessons = Array.from({ length: 100 }, (_, i) => ({ ...structuredClone(m.lessons[0]), id: `l${i}`, minutes: 0, mode: 'x' }));
    })();
    writeFileSync(input, zipOf(files));
    const result = await installPack(input, s.store);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.length).toBe(51);
    expectRefused(result.errors, 'pack-too-many-errors', '150');
  });
});
