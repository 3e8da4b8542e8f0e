import { describe, expect, it } from 'vitest';
import { certificates } from '../../../app/core/workshop/certificate';
import { keepDrawing, recordTry } from '../../../app/core/workshop/session';
import { PNG_1x1, attempt, sessionWith } from './fixtures';

const PACK = 'fr.robokit.defis-parents-enfants';
const OTHER_PNG = PNG_1x1.replace('AAAAAE', 'AAAAAF');

describe('a team’s certificate', () => {
  let s = sessionWith('s1', ['Les Tigres', 'Lou']);
  // Les Tigres: se-garer first by hand (2 ★), then le-spectacle failed, passed with 1 ★, passed again with 3 ★.
  s = recordTry(s, attempt('t1', 'se-garer', { outcome: 'manual', stars: 2, at: '2026-12-01T10:05:00.000Z' }));
  s = recordTry(s, attempt('t1', 'le-spectacle', { passed: false, stars: 0, at: '2026-12-01T10:10:00.000Z' }));
  s = recordTry(s, attempt('t1', 'le-spectacle', { stars: 1, at: '2026-12-01T10:12:00.000Z' }));
  s = recordTry(s, attempt('t1', 'le-spectacle', { stars: 3, at: '2026-12-02T10:14:00.000Z' }));
  s = recordTry(s, attempt('t2', 'le-spectacle', { outcome: 'skipped', passed: false, stars: 0 }));
  s = keepDrawing(s, { team: 't1', pack: PACK, lesson: 'le-spectacle', png: PNG_1x1 });
  s = keepDrawing(s, { team: 't1', pack: PACK, lesson: 'se-garer', png: OTHER_PNG });

  it('lists the challenges done in the route’s order, each with its best stars, and the latest drawing', () => {
    const [tigres] = certificates(s, 't1');
    expect(tigres).toEqual({
      team: 't1',
      nickname: 'Les Tigres',
      workshop: 'Atelier du samedi',
      date: '2026-12-02T10:14:00.000Z',
      challenges: [
        { pack: PACK, lesson: 'le-spectacle', stars: 3, byHand: false },
        { pack: PACK, lesson: 'se-garer', stars: 2, byHand: true },
      ],
      drawing: OTHER_PNG,
    });
  });

  it('a team that skipped everything still gets one: no challenge, no drawing, the day it came', () => {
    const [lou] = certificates(s, 't2');
    expect(lou).toMatchObject({ nickname: 'Lou', challenges: [], drawing: null, date: '2026-12-01T10:00:00.000Z' });
    expect(certificates({ ...s, tries: [] }, 't2')[0]!.date).toBe(s.createdAt);
  });

  it('every team’s, in order; an unknown team gets none', () => {
    expect(certificates(s).map((c) => c.nickname)).toEqual(['Les Tigres', 'Lou']);
    expect(certificates(s, 't9')).toEqual([]);
  });
});
