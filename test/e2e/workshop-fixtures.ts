/** What the workshop browser tests share: a three-team session on the parent–child pack, and a pen program. */
import { newSession, type Session } from '../../app/core/workshop/session';
import { chain, num, projectFile } from '../fixtures/project-file';

export const PACK = 'fr.robokit.defis-parents-enfants';
export const AT = '2026-12-01T10:00:00.000Z';
export const ROUTE = {
  minutes: 45,
  swapSeconds: 180,
  steps: [
    { pack: PACK, lesson: 'le-spectacle', minutes: 15 },
    { pack: PACK, lesson: 'se-garer', minutes: 15 },
    { pack: PACK, lesson: 'dessiner-une-maison', minutes: 15 },
  ],
};

export function threeTeams(): Session {
  const s = newSession('samedi-projecteur', 'Atelier du samedi', ROUTE, '2026-12-01T09:55:00.000Z');
  return { ...s, teams: [{ id: 't1', nickname: 'Les Tigres' }, { id: 't2', nickname: 'Lou et Papa' }, { id: 't3', nickname: 'Les Fusées' }] };
}

/** A pen program: 30 cm forward, a left turn, 15 cm more (about 3 s of simulated time). */
export const PEN_PROJECT = projectFile(
  { name: 'Le dessin', profile: 'arduino-2wd' },
  chain([
    { type: 'robot_pen', id: 'pen', fields: { STATE: 'DOWN' } },
    { type: 'robot_move', id: 'move', fields: { DIRECTION: 'FORWARD' }, inputs: { SPEED: num('v', 50), SECONDS: num('d', 2) } },
    { type: 'robot_turn', id: 'turn', fields: { DIRECTION: 'LEFT' }, inputs: { DEGREES: num('deg', 90) } },
    { type: 'robot_move', id: 'move2', fields: { DIRECTION: 'FORWARD' }, inputs: { SPEED: num('v2', 50), SECONDS: num('d2', 1) } },
  ]),
);
