import { describe, expect, it } from 'vitest';
import { message } from '../../../app/core/i18n/messages';
import { scoreboard } from '../../../app/core/workshop/scoreboard';
import { checkSession } from '../../../app/core/workshop/session';
import {
  advance,
  endTurn,
  giveExtraTime,
  limitSeconds,
  markDone,
  resumeTurn,
  setPaused,
  skip,
  startTurn,
  swapBanner,
  verify,
  withCurrent,
} from '../../../app/core/workshop/turn';
import { sessionWith } from './fixtures';

const AT = '2026-12-01T10:00:00.000Z';
const base = sessionWith('s1', ['Les Tigres', 'Lou']); // 2 steps of 15 min, swap every 180 s

describe('a team’s turn', () => {
  it('starts with the child piloting and swaps roles at each multiple of the swap time, with a banner', () => {
    let turn = startTurn('t1');
    expect(turn.pilot).toBe('child');
    let step = advance(base, turn, 179);
    expect(step.swapped).toBe(false);
    step = advance(base, step.turn, 1);
    expect(step).toMatchObject({ swapped: true, turn: { pilot: 'parent', swaps: 1 } });
    expect(message(swapBanner(step.turn), 'fr')).toMatch(/^On change\s! Le parent pilote/);
    step = advance(base, step.turn, 180);
    expect(step.turn).toMatchObject({ pilot: 'child', swaps: 2 });
    expect(message(swapBanner(step.turn), 'fr')).toContain('laisse-lui la souris');
    expect(message(swapBanner(step.turn), 'fr')).toMatch(/Que va-t-il se passer\s\?/);
    // A long jump over two swaps lands back on the same pilot, and counts both.
    turn = advance(base, step.turn, 360).turn;
    expect(turn).toMatchObject({ pilot: 'child', swaps: 4 });
  });

  it('stands still while paused, and says when the time (plus extra time) runs out, once', () => {
    let turn = setPaused(startTurn('t1'), true);
    expect(advance(base, turn, 500).turn.elapsed).toBe(0);
    turn = setPaused(turn, false);
    expect(limitSeconds(base, turn)).toBe(900);
    const a = advance(base, turn, 899);
    expect(a.timeUp).toBe(false);
    const b = advance(base, a.turn, 1);
    expect(b.timeUp).toBe(true);
    expect(advance(base, b.turn, 1).timeUp).toBe(false);
    const more = giveExtraTime(b.turn, 120);
    expect(limitSeconds(base, more)).toBe(1020);
    expect(advance(base, more, 120).timeUp).toBe(true);
  });

  it('records a failed Vérifier and stays; a pass moves on with a fresh timer and the child piloting again', () => {
    const turn = advance(base, startTurn('t1'), 200).turn;
    const failed = verify(base, turn, false, 3, AT);
    expect(failed.turn).toMatchObject({ step: 0, tries: 1, elapsed: 200 });
    expect(failed.session.tries[0]).toMatchObject({ outcome: 'checked', passed: false, stars: 0, pilot: 'parent', swaps: 1, seconds: 200 });
    const passed = verify(failed.session, failed.turn, true, 2, AT);
    expect(passed.turn).toMatchObject({ step: 1, tries: 0, elapsed: 0, pilot: 'child' });
    expect(passed.session.current).toEqual({ team: 't1', step: 1, elapsedSeconds: 0 });
    expect(checkSession(passed.session).ok).toBe(true);
  });

  it('skips and marks done by hand, then « Famille suivante » keeps the results and forgets the turn', () => {
    let s = base;
    let turn = startTurn('t1');
    ({ session: s, turn } = skip(s, advance(s, turn, 30).turn, AT));
    ({ session: s, turn } = markDone(s, advance(s, turn, 45).turn, 1, AT));
    expect(turn.step).toBe(2);
    expect(s.current).toBeUndefined(); // the route is finished
    expect(s.tries.map((t) => [t.lesson, t.outcome, t.passed])).toEqual([
      ['le-spectacle', 'skipped', false],
      ['se-garer', 'manual', true],
    ]);
    // Lou's turn, interrupted by « Famille suivante ».
    const lou = verify(s, advance(s, startTurn('t2'), 10).turn, true, 3, AT);
    s = endTurn(withCurrent(lou.session, lou.turn));
    expect(s.current).toBeUndefined();
    expect(scoreboard([s]).map((r) => [r.nickname, r.done, r.stars])).toEqual([
      ['Lou', 1, 3],
      ['Les Tigres', 1, 1],
    ]);
    expect(checkSession(s).ok).toBe(true);
  });

  it('resumes after a crash from the autosaved turn, roles and tries included', () => {
    const turn = advance(base, startTurn('t1'), 400).turn;
    const { session } = verify(base, turn, false, 0, AT);
    const back = resumeTurn(JSON.parse(JSON.stringify(session)) as typeof session);
    expect(back).toMatchObject({ team: 't1', step: 0, elapsed: 400, pilot: 'child', swaps: 2, tries: 1 });
    expect(resumeTurn(base)).toBeNull();
  });

  it('autosaves a pause and extra time (the projector shows the same clock; a crash keeps both)', () => {
    const turn = giveExtraTime(setPaused(advance(base, startTurn('t2'), 30).turn, true), 120);
    const saved = withCurrent(base, turn);
    expect(saved.current).toEqual({ team: 't2', step: 0, elapsedSeconds: 30, paused: true, extraSeconds: 120 });
    expect(checkSession(saved).ok).toBe(true);
    expect(resumeTurn(saved)).toMatchObject({ paused: true, extraSeconds: 120, elapsed: 30 });
    // Running again and no extra time: neither is written.
    expect(withCurrent(base, setPaused(startTurn('t2'), false)).current).toEqual({ team: 't2', step: 0, elapsedSeconds: 0 });
  });
});
