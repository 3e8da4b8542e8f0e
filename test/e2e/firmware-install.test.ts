/**
 * « Installer le programme du robot » in the browser against `robokit serve`: a blank emulated Uno
 * with Debian's real Optiboot behind a pseudo-terminal (offered with `--robot-port`). The adult picks
 * the board, installs StandardFirmata with a progress bar, reads the result, then connects to it;
 * « Robot suivant » installs the same program again. The pty has no DTR: the rig presses the board's
 * reset button when the installer starts reaching it, as the auto-reset would.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import { RESULTS_DIR, buildRenderer, openApp, startRig, type Rig } from './harness';

let uno: EmulatedUno | undefined;
let rig: Rig | undefined;

beforeAll(async () => {
  await buildRenderer();
  uno = await startEmulatedUno({ bootloader: true, hexPath: null });
  rig = await startRig({ robotPorts: [uno.path] });
  await openApp(rig);
}, 120_000);

afterAll(async () => {
  await rig?.close();
  await uno?.stop();
});

/** Presses the rig's reset button once the panel says it is reaching the board. */
async function resetWhenReaching(): Promise<void> {
  const p = rig!.page;
  await expect.poll(() => p.locator('#firmware-status').textContent(), { timeout: 20_000, interval: 20 }).toMatch(/Connexion/);
  uno!.reset();
}

describe('installing the robot’s program from the robot panel', () => {
  test('StandardFirmata on a blank board: progress bar, verified result, then the robot connects', async () => {
    const p = rig!.page;
    const board = uno!;
    await expect.poll(() => p.locator(`#robot-select option[value="${board.path}"]`).count(), { timeout: 10_000 }).toBe(1);
    await p.locator('#robot-select').selectOption(board.path);
    await p.locator('#firmware-summary').click();
    expect(await p.locator('#firmware-summary').textContent()).toBe('Installer le programme du robot');
    await p.locator('#firmware-choice').selectOption('firmata');
    await p.locator('#firmware-install').click();
    await resetWhenReaching();
    // The bar moves while pages are written and read back.
    await expect.poll(() => p.locator('#firmware-progress').evaluate((e) => (e as HTMLProgressElement).value), { timeout: 60_000, interval: 50 }).toBeGreaterThan(10);
    await expect.poll(() => p.locator('#firmware-result').getAttribute('data-ok'), { timeout: 90_000, interval: 200 }).toBe('true');
    expect(await p.locator('#firmware-result').textContent()).toMatch(/StandardFirmata 2\.4 est installé et vérifié/);
    expect(await p.locator('#firmware-progress').evaluate((e) => (e as HTMLProgressElement).value)).toBe(100);
    await p.screenshot({ path: join(RESULTS_DIR, 'firmware-installed-fr.png') });

    await p.locator('#profile-select').selectOption('arduino-2wd');
    await p.locator('#connect').click();
    await expect.poll(() => p.locator('#connection').getAttribute('data-state'), { timeout: 30_000, interval: 200 }).toBe('ready');
    expect(await p.locator('#robot-firmware').textContent()).toMatch(/StandardFirmata/);
  }, 240_000);

  test('« Robot suivant » installs the same program on the next board (the connection lets go of the port first)', async () => {
    const p = rig!.page;
    await expect.poll(() => p.locator('#firmware-next').isVisible()).toBe(true);
    expect(await p.locator('#firmware-next').textContent()).toBe('Robot suivant (1)');
    await p.locator('#firmware-next').click();
    await resetWhenReaching();
    await expect.poll(() => p.locator('#firmware-next').textContent(), { timeout: 120_000, interval: 200 }).toBe('Robot suivant (2)');
    expect(await p.locator('#firmware-result').getAttribute('data-ok')).toBe('true');
    expect(await p.locator('#connection').getAttribute('data-state')).toBe('none');
  }, 240_000);
});
