import { describe, expect, it } from 'vitest';
import { clockText, projectorView } from '../../../app/core/workshop/projector-view';
import { recordTry } from '../../../app/core/workshop/session';
import { giveExtraTime, setPaused, startTurn, advance, withCurrent, endTurn } from '../../../app/core/workshop/turn';
import { attempt, sessionWith } from './fixtures';

const titles = new Map([['fr.robokit.defis-parents-enfants/se-garer', { fr: 'Se garer', en: 'Parking' }]]);
const base = recordTry(sessionWith('s1', ['Les Tigres', 'Lou']), attempt('t2', 'le-spectacle', { stars: 2 }));

describe('the projector view of a session', () => {
  it('shows the team, the challenge, the clock and the roles of the turn under way', () => {
    const session = withCurrent(base, advance(base, startTurn('t1', 1), 200).turn);
    const view = projectorView(session, titles);
    expect(view.title).toBe('Atelier du samedi');
    expect(view.turn).toMatchObject({
      nickname: 'Les Tigres',
      step: 2,
      steps: 2,
      challenge: { fr: 'Se garer' },
      elapsedSeconds: 200,
      limitSeconds: 900,
      remainingSeconds: 700,
      timeUp: false,
      paused: false,
      // 180 s per role: the parent pilots since 180 s, the child again at 360 s.
      pilot: 'parent',
      nextSwapSeconds: 160,
      swaps: 1,
    });
    // An unknown lesson shows its id.
    expect(projectorView(withCurrent(base, startTurn('t1', 0)), titles).turn?.challenge).toEqual({ fr: 'le-spectacle', en: 'le-spectacle' });
  });

  it('runs the clock on from the last save, except while paused; extra time counts; time up at zero', () => {
    const running = withCurrent(base, advance(base, startTurn('t2'), 890).turn);
    expect(projectorView(running, titles, 4).turn).toMatchObject({ remainingSeconds: 6, timeUp: false });
    expect(projectorView(running, titles, 30).turn).toMatchObject({ remainingSeconds: 0, timeUp: true });
    const paused = withCurrent(base, setPaused(advance(base, startTurn('t2'), 890).turn, true));
    expect(projectorView(paused, titles, 30).turn).toMatchObject({ remainingSeconds: 10, paused: true });
    const extra = withCurrent(base, giveExtraTime(advance(base, startTurn('t2'), 890).turn, 60));
    expect(projectorView(extra, titles, 30).turn).toMatchObject({ limitSeconds: 960, remainingSeconds: 40, timeUp: false });
  });

  it('between two families: no turn, and the scoreboard ranks the teams (nicknames only)', () => {
    const view = projectorView(endTurn(withCurrent(base, startTurn('t1'))), titles);
    expect(view.turn).toBeNull();
    expect(view.scores.map((r) => [r.rank, r.nickname, r.done, r.stars])).toEqual([
      [1, 'Lou', 1, 2],
      [2, 'Les Tigres', 0, 0],
    ]);
  });

  it('writes the clock as minutes:seconds, rounded up', () => {
    expect(clockText(754.2)).toBe('12:35');
    expect(clockText(60)).toBe('1:00');
    expect(clockText(0.4)).toBe('0:01');
    expect(clockText(0)).toBe('0:00');
    expect(clockText(-5)).toBe('0:00');
  });
});
