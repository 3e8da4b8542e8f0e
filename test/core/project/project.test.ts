import { describe, expect, it } from 'vitest';
import { newProject, parseProject } from '../../../app/core/project/project';
import { jsonDepth } from '../../../app/core/project/json-guard';
import { message } from '../../../app/core/i18n/messages';
import { chainProjectText } from '../../fixtures/deep-project';

const valid = JSON.stringify(newProject('Mon carré'));

describe('parseProject', () => {
  it('accepts a valid project', () => {
    const result = parseProject(valid);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.project.name).toBe('Mon carré');
  });

  it.each([
    ['empty', '', 'file-empty'],
    ['blank', '  \n ', 'file-empty'],
    ['truncated', valid.slice(0, valid.length / 2), 'file-truncated'],
    ['truncated pretty-printed', JSON.stringify(newProject('x'), null, 2).slice(0, 60), 'file-truncated'],
    ['truncated inside a string', valid.slice(0, valid.indexOf('Mon') + 2), 'file-truncated'],
    ['random bytes', '\u0001\u0002\u00ff\u0000garbage', 'file-not-json'],
    ['not json', 'bonjour', 'file-not-json'],
    ['an array', '[1,2,3]', 'file-wrong-format'],
    ['another format', JSON.stringify({ format: 'scratch', version: 1 }), 'file-wrong-format'],
    ['future version', JSON.stringify({ ...newProject('x'), version: 7 }), 'file-future-version'],
    ['wrong types', JSON.stringify({ ...newProject('x'), name: 42 }), 'file-invalid'],
    ['missing workspace', JSON.stringify({ format: 'robokit-project', version: 1, name: 'a', profile: 'sim' }), 'file-invalid'],
    ['100,000-deep nesting', '['.repeat(100_000) + ']'.repeat(100_000), 'file-too-deep'],
  ])('refuses %s with a code', (_name, text, code) => {
    const result = parseProject(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('accepts a straight sequence of 490 blocks; refuses a 3,000-block chain with one sentence, before parsing it', () => {
    expect(parseProject(chainProjectText(490)).ok).toBe(true);
    const text = chainProjectText(3000);
    expect(text.length).toBeGreaterThan(150_000);
    const result = parseProject(text);
    expect(result).toEqual({ ok: false, error: { code: 'file-too-deep', params: {} } });
    if (!result.ok) {
      expect(message(result.error.code, 'fr')).toBe('Ce fichier est trop imbriqué pour être un projet RoboKit.');
      expect(message(result.error.code, 'en')).toBe('This file is nested too deeply to be a RoboKit project.');
    }
    // Just over the one limit is refused too; the limit itself is not.
    expect(jsonDepth(chainProjectText(498), 10_000)).toBe(1001);
    expect(parseProject(chainProjectText(498)).ok).toBe(false);
  });

  it('names the path of an invalid field', () => {
    const result = parseProject(JSON.stringify({ ...newProject('x'), profile: 'NOT VALID!' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.params.path).toBe('/profile');
  });

  it('says what is wrong in French and English words, not the validator’s', () => {
    const result = parseProject(JSON.stringify({ ...newProject('x'), name: 42 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.params.fr).toBe('projet → name\u00a0: doit être un texte.');
    expect(result.error.params.en).toBe('projet → name: must be a text.');
  });
});

describe('jsonDepth', () => {
  it('ignores brackets inside strings', () => {
    expect(jsonDepth('{"a":"[[[[{{{{\\"]]"}', 10)).toBe(1);
    expect(jsonDepth('[[[]],[{}]]', 10)).toBe(3);
  });
});
