import { describe, expect, it } from 'vitest';
import { scoreboard } from '../../../app/core/workshop/scoreboard';
import { recordTry, type Session, type Try } from '../../../app/core/workshop/session';
import { attempt, sessionWith } from './fixtures';

const withTries = (s: Session, tries: Try[]) => tries.reduce(recordTry, s);

describe('scoreboard', () => {
  it('ranks by challenges done, then stars, then time, counting a manual done and not a skip', () => {
    const s = withTries(sessionWith('s1', ['Alpha', 'Bravo', 'Charlie', 'Delta']), [
      attempt('t1', 'a', { stars: 1, seconds: 30 }),
      attempt('t2', 'a', { stars: 3, seconds: 200 }),
      attempt('t2', 'b', { outcome: 'manual', stars: 1, seconds: 100 }),
      attempt('t3', 'a', { stars: 3, seconds: 50 }),
      attempt('t3', 'b', { stars: 1, seconds: 50 }),
      attempt('t4', 'a', { outcome: 'skipped', passed: false, stars: 0 }),
    ]);
    const board = scoreboard([s]);
    expect(board.map((r) => [r.nickname, r.rank, r.done, r.stars, r.seconds])).toEqual([
      ['Charlie', 1, 2, 4, 100],
      ['Bravo', 2, 2, 4, 300],
      ['Alpha', 3, 1, 1, 30],
      ['Delta', 4, 0, 0, 0],
    ]);
    expect(board[3]!.tries).toBe(0);
  });

  it('counts a challenge once: its best stars and its quickest pass; failed tries count as tries only', () => {
    const s = withTries(sessionWith('s1', ['Alpha']), [
      attempt('t1', 'a', { passed: false, stars: 0, seconds: 10 }),
      attempt('t1', 'a', { stars: 1, seconds: 40, at: '2026-12-01T10:01:00.000Z' }),
      attempt('t1', 'a', { stars: 3, seconds: 90, at: '2026-12-01T10:02:00.000Z' }),
    ]);
    expect(scoreboard([s])[0]).toMatchObject({ done: 1, stars: 3, seconds: 40, tries: 3, rank: 1 });
  });

  it('shares a rank between equal scores', () => {
    const s = withTries(sessionWith('s1', ['A', 'B', 'C']), [attempt('t1', 'a'), attempt('t2', 'a'), attempt('t3', 'a', { stars: 1 })]);
    expect(scoreboard([s]).map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it('keeps the same nickname from two laptops as two teams, and one file imported twice as one', () => {
    const laptop1 = withTries(sessionWith('laptop-1', ['Lou']), [attempt('t1', 'a')]);
    const laptop2 = withTries(sessionWith('laptop-2', ['Lou']), [attempt('t1', 'a'), attempt('t1', 'b')]);
    const board = scoreboard([laptop1, laptop2, laptop1]);
    expect(board.map((r) => [r.key, r.nickname, r.done])).toEqual([
      ['laptop-2/t1', 'Lou', 2],
      ['laptop-1/t1', 'Lou', 1],
    ]);
    expect(board[1]!.tries).toBe(1);
  });
});
