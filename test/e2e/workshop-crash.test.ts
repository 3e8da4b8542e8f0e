/**
 * A workshop survives a crash of the app (issue #15): `robokit serve` killed mid-turn (SIGKILL, as a
 * power cut would), started again on the same data folder: the page comes back locked to the
 * workshop, on the same team's turn and challenge, the clock where it was autosaved, the roles that
 * follow from it, and the family's blocks.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { workspaceBlocks } from './blockly-page';
import { RESULTS_DIR, buildRenderer, openApp, startRig } from './harness';
import { AVANCER, LUMIERE, dragForward, prepareWorkshop, startTurnOf } from './workshop-page';

let dataDir: string;

beforeAll(async () => {
  await mkdir(RESULTS_DIR, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'robokit-e2e-workshop-crash-'));
  await buildRenderer();
}, 120_000);

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('a workshop after a crash', () => {
  test('comes back on the same turn: team, challenge, clock, roles and the family’s blocks; still locked', async () => {
    const first = await startRig({ dataDir });
    let seconds = 0;
    try {
      await openApp(first);
      const p = first.page;
      await prepareWorkshop(p, { title: 'Atelier du mercredi', picks: [AVANCER, LUMIERE], teams: ['Les Comètes', 'Noé'], code: 'lune42', swapSeconds: 120 });
      await p.locator('#ws-start').click();
      await p.clock.install();
      await startTurnOf(p, 'Noé');
      // 2 min 10 s in: the parent pilots since 2:00.
      await p.clock.runFor(130_000);
      await expect.poll(() => p.locator('#ws-pilot').getAttribute('data-pilot')).toBe('parent');
      await p.locator('#ws-swap-close').click();
      await dragForward(p, '4');
      // The family's blocks reach the autosave (at most a second after the last change), the clock every 5 s.
      await p.clock.runFor(6_000);
      await expect.poll(() => readFile(join(dataDir, 'autosave', 'current.robokit'), 'utf8'), { timeout: 5000 }).toContain('robot_move');
      seconds = Number(await p.locator('#ws-time').getAttribute('data-seconds'));
      expect(seconds).toBeGreaterThanOrEqual(120);
      await first.killHost();
    } finally {
      await first.close();
    }

    const second = await startRig({ dataDir });
    try {
      await openApp(second);
      const p = second.page;
      await expect.poll(() => p.locator('#ws-bar').isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await p.locator('#ws-team').textContent()).toBe('Équipe Noé');
      expect(await p.locator('#ws-challenge').textContent()).toBe('Défi 1 sur 2 · Avancer');
      // The clock as last autosaved (every 5 s, and the write on its way when the host died): a few seconds at most are lost.
      const resumed = Number(await p.locator('#ws-time').getAttribute('data-seconds'));
      expect(resumed).toBeGreaterThanOrEqual(seconds - 10);
      expect(resumed).toBeLessThanOrEqual(seconds + 2);
      expect(await p.locator('#ws-pilot').getAttribute('data-pilot')).toBe('parent');
      await expect.poll(() => p.locator('#lesson-title').textContent()).toBe('Avancer');
      expect(await workspaceBlocks(p).first().locator('g.blocklyDraggable').filter({ hasText: 'avancer' }).count()).toBe(1);
      expect(await p.locator('#lessons-button').isVisible()).toBe(false);
      expect(await p.locator('#display-menu').isVisible()).toBe(false);
      await p.screenshot({ path: join(RESULTS_DIR, 'workshop-after-crash-fr.png') });
    } finally {
      await second.close();
    }
  }, 120_000);
});
