/**
 * « Installer le programme du robot » in the browser against `robokit serve`: a blank emulated Uno
 * with Debian's real Optiboot behind a pseudo-terminal (offered with `--robot-port`). The adult picks
 * the board, installs StandardFirmata with a progress bar, reads the result, then connects to it;
 * « Robot suivant » installs the same program again. The pty has no DTR: the rig presses the board's
 * reset button when the installer starts reaching it, as the auto-reset would, and again if the panel
 * asks for it, as an adult would.
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

/**
 * Presses the rig's reset button as an adult does: once the panel says it is reaching the board, and
 * once more if the panel asks for it (under load the bootloader's one second can pass before the
 * installer's first try reaches it). Returns when the install has an outcome.
 */
async function installWithResets(): Promise<void> {
  const p = rig!.page;
  const status = () => p.locator('#firmware-status').textContent();
  await expect.poll(status, { timeout: 20_000, interval: 20 }).toMatch(/Connexion/);
  uno!.reset();
  let pressedAgain = false;
  await expect
    .poll(
      async () => {
        if (!pressedAgain && /^Connexion.*RESET/.test((await status()) ?? '')) {
          pressedAgain = true;
          uno!.reset();
        }
        return p.locator('#firmware-result').getAttribute('data-ok');
      },
      { timeout: 150_000, interval: 100 },
    )
    .toMatch(/^(true|false)$/);
}

/** What the panel says of the install: its result sentence, ok or not. */
const resultText = () => rig!.page.locator('#firmware-result').innerText();

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
    // The bar moves while pages are written and read back.
    const moved = expect.poll(() => p.locator('#firmware-progress').evaluate((e) => (e as HTMLProgressElement).value), { timeout: 150_000, interval: 50 }).toBeGreaterThan(10);
    await installWithResets();
    await moved;
    expect(await resultText()).toMatch(/StandardFirmata 2\.4 est installé et vérifié/);
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
    await installWithResets();
    expect(await resultText()).toMatch(/StandardFirmata 2\.4 est installé et vérifié/);
    expect(await p.locator('#firmware-next').textContent()).toBe('Robot suivant (2)');
    expect(await p.locator('#connection').getAttribute('data-state')).toBe('none');
  }, 240_000);
});
