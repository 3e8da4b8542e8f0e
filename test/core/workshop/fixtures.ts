import { newSession, type Session, type Try } from '../../../app/core/workshop/session';

/** A real 1×1 PNG (signature, IHDR, IDAT, IEND). */
export const PNG_1x1 =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export const ROUTE = {
  minutes: 45,
  swapSeconds: 180,
  steps: [
    { pack: 'fr.robokit.defis-parents-enfants', lesson: 'le-spectacle', minutes: 15 },
    { pack: 'fr.robokit.defis-parents-enfants', lesson: 'se-garer', minutes: 15 },
  ],
};

export function attempt(team: string, lesson: string, fields: Partial<Try> = {}): Try {
  return {
    team,
    pack: 'fr.robokit.defis-parents-enfants',
    lesson,
    at: '2026-12-01T10:00:00.000Z',
    seconds: 60,
    outcome: 'checked',
    passed: true,
    stars: 3,
    pilot: 'child',
    swaps: 0,
    ...fields,
  };
}

/** A session with the given teams (ids t1, t2, …) and no tries. */
export function sessionWith(id: string, nicknames: readonly string[]): Session {
  const s = newSession(id, 'Atelier du samedi', ROUTE, '2026-12-01T09:55:00.000Z');
  return { ...s, teams: nicknames.map((nickname, i) => ({ id: `t${i + 1}`, nickname })) };
}
