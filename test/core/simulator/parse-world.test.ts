import { describe, expect, it } from 'vitest';
import { parseWorld } from '../../../app/core/simulator/parse-world';
import { isMessageCode } from '../../../app/core/i18n/messages';

const minimal = () => ({
  format: 'robokit-world',
  version: 1,
  name: { fr: 'Table', en: 'Table' },
  size: { width: 200, height: 150 },
  robot: { x: 100, y: 75, heading: 0 },
});

function errorOf(json: unknown) {
  const r = parseWorld(json);
  if (r.ok) throw new Error('expected an error');
  expect(isMessageCode(r.error.code)).toBe(true);
  return r.error;
}

describe('parseWorld', () => {
  it('fills the optional lists with empty arrays and leaves the input untouched', () => {
    const input = minimal();
    const r = parseWorld(input);
    expect(r.ok && r.world).toEqual({ ...minimal(), walls: [], obstacles: [], lines: [], zones: [], lights: [] });
    expect(input).toEqual(minimal());
  });

  it('accepts every kind of thing a world holds', () => {
    const r = parseWorld({
      ...minimal(),
      walls: [{ from: [0, 0], to: [10, 10] }],
      obstacles: [{ type: 'rect', x: 1, y: 2, width: 3, height: 4 }, { type: 'circle', x: 5, y: 6, radius: 7 }],
      lines: [{ points: [[0, 0], [5, 5], [9, 0]], width: 2 }],
      zones: [{ type: 'circle', x: 150, y: 75, radius: 10, name: 'arrivee', color: '#00aa00' }],
      lights: [{ x: 0, y: 0, intensity: 80 }],
      ambient: 30,
    });
    expect(r.ok).toBe(true);
  });

  it('refuses what is not a world', () => {
    expect(errorOf(null)).toMatchObject({ code: 'world-wrong-format', path: '/' });
    expect(errorOf([1])).toMatchObject({ code: 'world-wrong-format', path: '/' });
    expect(errorOf({ ...minimal(), format: 'robokit-project' })).toMatchObject({ code: 'world-wrong-format', path: '/format' });
    expect(errorOf({ ...minimal(), version: 2 })).toMatchObject({ code: 'world-future-version', path: '/version' });
  });

  it('names the path of a value of the wrong type', () => {
    expect(errorOf({ ...minimal(), robot: { x: '10', y: 5, heading: 0 } })).toMatchObject({
      code: 'world-invalid',
      path: '/robot/x',
      detail: 'must be number',
    });
    const walls = [{ from: [0, 0], to: [1, 1] }, { from: [0, 0], to: [1, 'a'] }];
    expect(errorOf({ ...minimal(), walls }).path).toBe('/walls/1/to/1');
  });

  it('names the missing field, the unknown one and a bad shape type', () => {
    const { robot: _robot, ...noRobot } = minimal();
    expect(errorOf(noRobot)).toMatchObject({ code: 'world-invalid', path: '/robot' });
    expect(errorOf({ ...minimal(), size: { width: 100 } }).path).toBe('/size/height');
    const typo = [{ type: 'circle', x: 1, y: 1, raduis: 3 }];
    expect(errorOf({ ...minimal(), obstacles: typo }).path).toBe('/obstacles/0/radius');
    const extra = [{ type: 'circle', x: 1, y: 1, radius: 3, raduis: 3 }];
    expect(errorOf({ ...minimal(), obstacles: extra })).toMatchObject({ path: '/obstacles/0/raduis', detail: 'unknown property' });
    expect(errorOf({ ...minimal(), obstacles: [{ type: 'star', x: 1 }] }).path).toBe('/obstacles/0/type');
    expect(errorOf({ ...minimal(), zones: [{ type: 'rect', x: 0, y: 0, width: 5, height: 5 }] }).path).toBe('/zones/0/name');
  });

  it('turns non-JSON numbers into errors instead of accepting them', () => {
    expect(errorOf({ ...minimal(), robot: { x: Number.NaN, y: 5, heading: 0 } }).path).toBe('/robot/x');
  });

  it('refuses oversized worlds', () => {
    expect(errorOf({ ...minimal(), size: { width: 5000, height: 100 } })).toMatchObject({ code: 'world-too-large', path: '/size/width' });
    const walls = Array.from({ length: 501 }, () => ({ from: [0, 0], to: [1, 1] }));
    expect(errorOf({ ...minimal(), walls })).toMatchObject({ code: 'world-too-large', path: '/walls' });
    const points = Array.from({ length: 2600 }, (_, i) => [i % 200, 1]);
    const lines = [{ points, width: 2 }, { points, width: 2 }];
    expect(errorOf({ ...minimal(), lines })).toMatchObject({ code: 'world-too-large', path: '/lines' });
  });

  it('checks what the schema cannot: the start inside the arena, distinct zone names', () => {
    expect(errorOf({ ...minimal(), robot: { x: 10, y: 400, heading: 0 } })).toMatchObject({
      code: 'world-robot-outside',
      path: '/robot/y',
    });
    const zone = { type: 'circle', x: 1, y: 1, radius: 3, name: 'a' };
    expect(errorOf({ ...minimal(), zones: [zone, zone] }).path).toBe('/zones/1/name');
  });

  it('refuses a cyclic object without throwing', () => {
    const w: Record<string, unknown> = minimal();
    w.self = w;
    expect(errorOf(w).code).toBe('world-wrong-format');
  });
});
