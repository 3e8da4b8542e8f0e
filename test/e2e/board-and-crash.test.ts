/**
 * The browser against `robokit serve` with what lies behind the host: the emulated Arduino Uno
 * (real StandardFirmata behind a pseudo-terminal, offered with `--robot-port`, then the built RoboKit
 * firmware), chosen, connected and driven from the robot panel, which says which firmware answered; and the host killed mid-edit (SIGKILL), then restarted on the
 * same data folder, losing at most the last couple of seconds of work.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import { nameRobotOn } from '../../firmware-bridge/src/robokit-roll-call';
import { forever, num, projectFile } from '../fixtures/project-file';
import { ROBOKIT_HEX } from '../firmware-bridge/firmware/line-port';
import { uploadProject } from './app-page';
import { box, dragMouse, flyoutBlock, openCategory, workspaceBlocks } from './blockly-page';
import { RESULTS_DIR, buildRenderer, openRig, withRig, type Rig } from './harness';

/** `forever { motors 50 % 50 %; wait 0.2 s }` for the arduino-2wd robot: runs until Stop. */
const DRIVE_PROJECT = projectFile(
  { name: 'Rouler sur la table', profile: 'arduino-2wd' },
  forever('loop', [
    { type: 'robot_motors', id: 'motors', inputs: { LEFT: num('l', 50), RIGHT: num('r', 50) } },
    { type: 'robokit_wait', id: 'wait', inputs: { SECONDS: num('s', 0.2) } },
  ]),
);

beforeAll(async () => {
  await buildRenderer();
}, 90_000);

/** For one describe: an emulated Uno started by `start`, offered to `robokit serve` (`--robot-port`), and the app open. */
function unoRig(start: () => Promise<EmulatedUno>): { page: () => Page; board: () => EmulatedUno } {
  let uno: EmulatedUno | undefined;
  let rig: Rig | undefined;
  beforeAll(async () => {
    uno = await start();
    rig = await openRig({ robotPorts: [uno.path] });
  }, 90_000);
  afterAll(async () => {
    await rig?.close();
    await uno?.stop();
  });
  return { page: () => rig!.page, board: () => uno! };
}

/** Picks the board's port and the arduino-2wd profile, connects, and waits until the robot is ready. */
async function connect(p: Page, board: EmulatedUno): Promise<void> {
  await p.locator('#robot-select').selectOption(board.path);
  await p.locator('#profile-select').selectOption('arduino-2wd');
  await p.locator('#connect').click();
  await expect.poll(() => p.locator('#connection').getAttribute('data-state'), { timeout: 30_000, interval: 200 }).toBe('ready');
}

/** Opens DRIVE_PROJECT and presses Lancer. */
async function runDrive(p: Page): Promise<void> {
  await uploadProject(p, 'rouler.robokit', DRIVE_PROJECT);
  await expect.poll(() => p.locator('#editor g[data-id="loop"]').count()).toBe(1);
  await p.locator('#run').click();
}

describe('the emulated Uno from the browser', () => {
  const { page, board: uno } = unoRig(async () => {
    const uno = await startEmulatedUno();
    // Past StandardFirmata's boot blink, as a robot switched on before class would be.
    await uno.waitFor(() => uno.emulatedMs() > 2500, 20_000);
    return uno;
  });

  test('choose the board, connect, Lancer: PWM on D5/D6; Stop mid-run: motors 0 on the board', async () => {
    const p = page();
    const board = uno();
    const port = p.locator(`#robot-select option[value="${board.path}"]`);
    await expect.poll(() => port.count(), { timeout: 10_000 }).toBe(1);
    expect(await port.textContent()).toBe(`Port indiqué — ${board.path}`);
    await connect(p, board);
    expect(await p.locator('#connection-text').textContent()).toMatch(/prêt/i);
    expect(await p.locator('#robot-firmware').textContent()).toMatch(/^Micrologiciel\s*:\s*StandardFirmata\.ino 2\.\d+$/);
    await p.screenshot({ path: join(RESULTS_DIR, 'main-screen-fr-board.png') });

    await runDrive(p);
    // 50 % → PWM 128 on both motor pins, direction pins HIGH (forward).
    await board.waitFor(() => board.pwm(5) > 0 && board.pwm(6) > 0, 10_000);
    expect(Math.abs(board.pwm(5) - 128)).toBeLessThanOrEqual(2);
    expect(Math.abs(board.pwm(6) - 128)).toBeLessThanOrEqual(2);
    expect([board.digital(4), board.digital(7)]).toEqual([1, 1]);
    await expect.poll(() => p.locator('#run-state').getAttribute('data-state')).toBe('running');

    await p.locator('#stop').click();
    await board.waitFor(() => board.pwm(5) === 0 && board.pwm(6) === 0, 5_000);
    await expect.poll(() => p.locator('#run-state').getAttribute('data-state'), { timeout: 5_000 }).toBe('ended');
    // Still connected, and still stopped a moment later (nothing queued behind the stop).
    const stoppedAt = board.emulatedMs();
    await board.waitFor(() => board.emulatedMs() > stoppedAt + 300, 5_000);
    expect([board.pwm(5), board.pwm(6)]).toEqual([0, 0]);
    expect(await p.locator('#connection').getAttribute('data-state')).toBe('ready');

    await p.locator('#connect').click();
    await expect.poll(() => p.locator('#connection').getAttribute('data-state')).toBe('none');
  });
});

describe('the emulated Uno running the RoboKit firmware, from the browser', () => {
  const { page, board: uno } = unoRig(async () => {
    const uno = await startEmulatedUno({ hexPath: ROBOKIT_HEX });
    await uno.waitFor(() => uno.emulatedMs() > 500, 30_000);
    // Its name, kept in its EEPROM (fifteen robots in one room): the panel says which robot it is.
    expect((await nameRobotOn(uno.path, 'Robot Lila', { timeoutMs: 30_000 }))?.name).toBe('Robot Lila');
    return uno;
  });

  test('connect: the panel says RoboKit firmware and its version; Lancer drives D5/D6, Stop sets them to 0', async () => {
    const p = page();
    const board = uno();
    await expect.poll(() => p.locator(`#robot-select option[value="${board.path}"]`).count(), { timeout: 10_000 }).toBe(1);
    await connect(p, board);
    expect(await p.locator('#robot-firmware').textContent()).toMatch(/^Robot Lila — Micrologiciel\s*:\s*RoboKit \d+\.\d+\.\d+$/);
    expect(await p.locator('#connection-text').textContent()).toBe('Connecté à Robot Lila');
    await p.screenshot({ path: join(RESULTS_DIR, 'main-screen-fr-board-robokit.png') });

    await runDrive(p);
    await board.waitFor(() => Math.abs(board.pwm(5) - 128) <= 1 && Math.abs(board.pwm(6) - 128) <= 1, 15_000);
    expect([board.digital(4), board.digital(7)]).toEqual([1, 1]);
    await p.locator('#stop').click();
    await board.waitFor(() => board.pwm(5) === 0 && board.pwm(6) === 0, 5_000);
    await expect.poll(() => p.locator('#run-state').getAttribute('data-state'), { timeout: 5_000 }).toBe('ended');
    await p.locator('#connect').click();
    await expect.poll(() => p.locator('#connection').getAttribute('data-state')).toBe('none');
    expect(await p.locator('#robot-firmware').isHidden()).toBe(true);
  }, 60_000); // the first connection configures the board (EEPROM writes) on a possibly slow emulator
});

describe('the host killed during edits', () => {
  test('SIGKILL mid-edit, restart on the same data folder: the edit made 2 s before is back', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'robokit-e2e-crash-'));
    try {
      await withRig({ dataDir }, async (first) => {
        const p = first.page;
        const editor = await box(p.locator('#editor'));
        await openCategory(p, 'Mouvement');
        const move = await box(flyoutBlock(p, 'avancer'));
        await dragMouse(p, { x: move.x + 10, y: move.y + 10 }, { x: editor.x + 420, y: editor.y + 260 });
        await expect.poll(() => workspaceBlocks(p).filter({ hasText: 'avancer' }).count()).toBe(1);
        // Two seconds later, another edit, and the host dies while it is being saved.
        await p.waitForTimeout(2000);
        await openCategory(p, 'Mouvement');
        const turn = await box(flyoutBlock(p, 'tourner'));
        await dragMouse(p, { x: turn.x + 10, y: turn.y + 10 }, { x: editor.x + 420, y: editor.y + 420 });
        await first.killHost();
        expect(await workspaceBlocks(p).filter({ hasText: 'tourner' }).count()).toBe(1);
      });

      await withRig({ dataDir }, async ({ page: p }) => {
        expect(await workspaceBlocks(p).filter({ hasText: 'quand je démarre' }).count()).toBe(1);
        expect(await workspaceBlocks(p).filter({ hasText: 'avancer' }).count()).toBe(1);
      });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
