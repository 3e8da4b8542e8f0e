/**
 * What `robokit check` or the app would refuse, `robokit pack validate` and `pack build` refuse first,
 * with one sentence to the pack's author naming the file (exit 2).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINI, miniManifest, miniWith, scratch, writeFolder, type Json, type Scratch } from '../host/packs/hostile/corpus-helpers';
import { robokit } from './robokit';

const project = (name: string) => JSON.parse(readFileSync(join(MINI, 'projects', name), 'utf8')) as Json;

/** The solution with its move block swapped for `type` (same inputs). */
function solutionWith(type: string): Json {
  const p = project('solution.robokit');
  p.workspace.blocks.blocks[0].next.block.type = type;
  return p;
}

let s: Scratch;
beforeAll(() => {
  s = scratch();
});
afterAll(() => s.cleanup());

async function validate(name: string, files: Map<string, Buffer>) {
  const dir = s.input(name);
  writeFolder(dir, files);
  const validated = await robokit(['pack', 'validate', dir]);
  const built = await robokit(['pack', 'build', dir, '-o', s.input(`${name}.robokitpack`)]);
  return { validated, built };
}

describe('robokit pack validate / build refuse what check or the app would refuse', () => {
  it('an SVG image shown by a step (the app could not show it)', async () => {
    const { validated, built } = await validate('svg', miniWith({
      'images/robot.svg': '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>',
      'steps/1.fr.md': '# Avancer\n\n![Le robot](../images/robot.svg)\n',
    }));
    expect(validated.code).toBe(2);
    expect(validated.stderr).toContain('steps/1.fr.md\u00a0: l’image «\u00a0images/robot.svg\u00a0» n’est ni PNG, ni JPEG, ni GIF, ni WebP (le SVG n’est pas accepté)');
    expect(validated.stderr).toContain('steps/1.fr.md: the image "images/robot.svg" is not PNG, JPEG, GIF or WebP');
    expect(built.code).toBe(2);
    expect(built.stderr).toContain('images/robot.svg');
  });

  it('a solution using a block that does not exist, said once with its count', async () => {
    const p = solutionWith('robot_dance');
    p.workspace.blocks.blocks.push({ type: 'robot_dance', id: 'again', x: 300, y: 40 });
    const { validated, built } = await validate('unknown', miniWith({ 'projects/solution.robokit': p }));
    expect(validated.code).toBe(2);
    expect(validated.stderr).toContain('projects/solution.robokit\u00a0: le bloc «\u00a0robot_dance\u00a0» n’existe pas dans RoboKit (2 fois)');
    expect(validated.stderr.split('robot_dance').length - 1).toBe(2); // one French sentence, one English
    expect(validated.stderr).not.toMatch(/Retire-le/);
    expect(built.code).toBe(2);
  });

  it('a starter using a block the lesson’s toolbox does not offer', async () => {
    const starter = project('depart.robokit');
    starter.workspace.blocks.blocks[0].next = { block: { type: 'robot_led', id: 'led', fields: { STATE: 'ON' } } };
    const { validated } = await validate('toolbox', miniWith({ 'projects/depart.robokit': starter }));
    expect(validated.code).toBe(2);
    expect(validated.stderr).toContain(
      'projects/depart.robokit\u00a0: le bloc «\u00a0robot_led\u00a0» n’est pas dans la boîte à outils de la leçon «\u00a0avancer\u00a0» (pack.json → lessons[0].toolbox). Ajoutez-le',
    );
  });

  it('a solution that cannot run (an empty input)', async () => {
    const p = solutionWith('robot_move');
    delete p.workspace.blocks.blocks[0].next.block.inputs.SECONDS;
    const { validated } = await validate('cannot-run', miniWith({ 'projects/solution.robokit': p }));
    expect(validated.code).toBe(2);
    expect(validated.stderr).toContain('projects/solution.robokit\u00a0: ce programme ne peut pas se lancer');
  });

  it('a JSON syntax error in a project, with its line and column', async () => {
    const text = readFileSync(join(MINI, 'projects/solution.robokit'), 'utf8').replace('"name": "Avancer (solution)",', '"name": "Avancer (solution)"');
    const { validated } = await validate('syntax', miniWith({ 'projects/solution.robokit': text }));
    expect(validated.code).toBe(2);
    expect(validated.stderr).toMatch(/projects\/solution\.robokit\u00a0: JSON invalide à la ligne 5, colonne \d+/);
  });

  it('the mini pack itself still passes, and a toolbox block from the catalog is accepted', async () => {
    const m = miniManifest();
    m.lessons[0].toolbox.push('robot_led');
    const starter = project('depart.robokit');
    starter.workspace.blocks.blocks[0].next = { block: { type: 'robot_led', id: 'led', fields: { STATE: 'ON' } } };
    const { validated } = await validate('ok', miniWith({ 'pack.json': m, 'projects/depart.robokit': starter }));
    expect(validated.stderr).toBe('');
    expect(validated.code).toBe(0);
  });
});
