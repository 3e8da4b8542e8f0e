import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readyRoutes, routeFor } from '../../../app/core/workshop/routes';
import { checkSession, newSession } from '../../../app/core/workshop/session';

const pack = JSON.parse(readFileSync('lessons/defis-parents-enfants/pack.json', 'utf8')) as {
  id: string;
  description: { fr: string; en: string };
  lessons: { id: string; minutes: number; title: { fr: string } }[];
};

describe('ready-made routes for the parent–child pack', () => {
  const routes = readyRoutes(pack);
  const ids = (m: number) => routes.find((r) => r.minutes === m)!.steps.map((s) => (s.bonus ? `+${s.lesson}` : s.lesson));

  it('are the 15, 45 and 90 minute routes its description promises', () => {
    expect(pack.description.en).toContain('15-minute route: the show. 45-minute route: the show, parking, the house. 90-minute route: the first five challenges, and the line for the fastest.');
    expect(routes.map((r) => r.minutes)).toEqual([15, 45, 90]);
    expect(ids(15)).toEqual(['le-spectacle']);
    expect(ids(45)).toEqual(['le-spectacle', 'se-garer', 'dessiner-une-maison']);
    expect(ids(90)).toEqual(['le-spectacle', 'se-garer', 'dessiner-une-maison', 'le-labyrinthe', 'le-slalom', '+suivre-la-ligne']);
  });

  it('fit their minutes (the bonus aside) and make valid session files', () => {
    for (const route of routes) {
      const counted = route.steps.filter((s) => !s.bonus).reduce((t, s) => t + s.minutes, 0);
      expect(counted).toBeLessThanOrEqual(route.minutes);
      expect(checkSession(newSession('s1', 'Atelier', route, '2026-12-01T09:00:00.000Z')).ok).toBe(true);
    }
  });

  it('gives no route when not even the first challenge fits', () => {
    expect(routeFor({ id: 'p', lessons: [{ id: 'long', minutes: 30 }] }, 15)).toBeNull();
    expect(readyRoutes({ id: 'p', lessons: [{ id: 'long', minutes: 30 }] }).map((r) => r.minutes)).toEqual([45, 90]);
  });
});
