import { describe, expect, it } from 'vitest';
import { newProject } from '../../app/core/project/project';
import { METHOD_NAMES } from '../../app/shared/api';
import { PARAMS_SCHEMAS } from '../../app/shared/api-schemas';
import { createRequestValidator } from '../../app/shared/api-validate';
import { checkPlainData } from '../../app/shared/plain-data';

const validate = createRequestValidator();

describe('request validation', () => {
  it('has a schema for every method', () => {
    expect(Object.keys(PARAMS_SCHEMAS).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it.each([
    ['listPorts', undefined],
    ['connect', { port: '/dev/ttyACM0', profile: 'arduino-2wd' }],
    ['run', { workspace: newProject('x').workspace, profile: 'sim', target: 'sim', world: 'line-track' }],
    ['openProject', { from: 'dialog' }],
    ['openProject', { from: 'text', text: '{}', fileName: 'a.robokit' }],
    ['autosave', { project: newProject('x') }],
    ['setSettings', { world: null, largeText: true }],
    ['restoreVersion', { id: '20261128-090000000' }],
  ])('accepts %s %j', (method, params) => {
    expect(validate(method, params).ok).toBe(true);
  });

  it.each([
    ['unknown method', 'eval', undefined],
    ['prototype key', 'constructor', undefined],
    ['params where none are taken', 'stop', { now: true }],
    ['missing field', 'connect', { port: '/dev/ttyACM0' }],
    ['extra field', 'connect', { port: 'COM3', profile: 'sim', baud: 9600 }],
    ['wrong type', 'run', { workspace: 'blocks', profile: 'sim', target: 'sim' }],
    ['bad target', 'run', { workspace: {}, profile: 'sim', target: 'mars' }],
    ['path in an id', 'getWorld', { id: '../secret' }],
    ['not a project', 'autosave', { project: { name: 'x' } }],
    ['open from a path', 'openProject', { from: 'path', path: '/etc/passwd' }],
    ['a Map', 'run', { workspace: new Map(), profile: 'sim', target: 'sim' }],
    ['a Date', 'setSettings', { world: new Date() }],
    ['NaN', 'setSettings', { highContrast: Number.NaN }],
    ['an array for params', 'connect', ['COM3', 'sim']],
  ])('refuses %s', (_what, method, params) => {
    const result = validate(method, params);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'bad-request', messageKey: 'bad-request' });
  });

  it('refuses a 100,000-deep value without overflowing the stack', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    expect(checkPlainData(deep)).toBe('too-deep');
    expect(validate('run', { workspace: deep, profile: 'sim', target: 'sim' }).ok).toBe(false);
  });

  it('refuses too many nodes', () => {
    expect(checkPlainData(new Array(100).fill(0), { maxDepth: 10, maxNodes: 50 })).toBe('too-large');
  });
});
