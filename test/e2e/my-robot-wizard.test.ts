/**
 * « Mon robot » in Chromium against `robokit serve` and an emulated Uno running the built RoboKit
 * firmware, wired as the L298N + HC-SR04 kit — except that its motors are swapped: the wheel the
 * pupil calls « left » is on the kit's right channel (D6). The test answers as a child watching the
 * wheels would, from the board's pins: « Non, c'est l'autre roue » fixes it in one click; the distance
 * reading follows the hand (the emulated HC-SR04); a 1 s move at 50 % measured 24 cm is saved as the
 * active robot; the file round-trips; the simulator twin then travels 24 cm in « avancer 1 s ».
 * Screenshots at 1366×768 in test-results/.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseProfileFile, serializeProfileFile } from '../../app/core/profile-file/profile-file';
import { startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import { ROBOKIT_HEX } from '../firmware-bridge/firmware/line-port';
import { uploadProject } from './app-page';
import { RESULTS_DIR, buildRenderer, openApp, startRig, type Rig } from './harness';

let uno: EmulatedUno | undefined;
let rig: Rig | undefined;
/** The kit's PWM pins: left motor D5, right motor D6 (l298n-hcsr04.json). */
const KIT_LEFT = 5;
const KIT_RIGHT = 6;
/** The robot is wired the wrong way round: its left wheel is on the kit's right channel. */
const PHYSICAL = { left: KIT_RIGHT, right: KIT_LEFT } as const;

beforeAll(async () => {
  const build = buildRenderer();
  uno = await startEmulatedUno({ hexPath: ROBOKIT_HEX });
  uno.setUltrasonic({ trigger: 2, echo: 3 }, 600);
  await build;
  rig = await startRig({ robotPorts: [uno.path] });
  await openApp(rig);
}, 180_000);

afterAll(async () => {
  await rig?.close();
  await uno?.stop();
});

/** The PWM pins that turned while `during` ran (from the board's own history). */
async function pinsThatTurned(during: () => Promise<void>): Promise<number[]> {
  const from = uno!.pwmHistory().length;
  await during();
  const moved = new Set(uno!.pwmHistory().slice(from).filter((c) => c.duty > 0).map((c) => c.pin));
  return [KIT_LEFT, KIT_RIGHT].filter((pin) => moved.has(pin));
}

describe('« Mon robot » on a robot whose motors are swapped', () => {
  test('kit, wheels fixed in one click, live distance, 24 cm measured, saved and active; the file round-trips; the twin travels 24 cm', async () => {
    const p = rig!.page;
    const board = uno!;
    await expect.poll(() => p.locator(`#robot-select option[value="${board.path}"]`).count(), { timeout: 30_000 }).toBe(1);
    await p.locator('#robot-select').selectOption(board.path);
    await p.locator('#profile-select').selectOption('l298n-hcsr04');
    await p.locator('#connect').click();
    await expect.poll(() => p.locator('#connection').getAttribute('data-state'), { timeout: 60_000, interval: 200 }).toBe('ready');

    // 1. The kit and a name.
    await p.locator('#my-robot').click();
    await p.locator('#wizard-name').fill('Robot Lila');
    await p.locator('#wizard-kit-l298n-hcsr04').check();
    await p.screenshot({ path: join(RESULTS_DIR, 'my-robot-1-kit-fr.png') });
    await p.locator('#wizard-next').click();

    // 2. The wheels: « turn the left wheel forward » turns the kit's left channel — the physical right wheel.
    const turn = (side: 'left' | 'right') =>
      pinsThatTurned(async () => {
        await p.locator(`#wizard-turn-${side}`).click();
        await expect.poll(() => p.locator(`#wizard-${side}-yes`).count(), { timeout: 60_000, interval: 100 }).toBe(1);
      });
    const first = await turn('left');
    expect(first).toEqual([KIT_LEFT]);
    expect(first).not.toContain(PHYSICAL.left); // the child sees the other wheel turn
    await p.screenshot({ path: join(RESULTS_DIR, 'my-robot-2-wheels-fr.png') });
    await p.locator('#wizard-left-no').click();
    await p.locator('#wizard-left-other').click();
    expect(await p.locator('#wizard-wiring').textContent()).toMatch(/moteurs échangés/);
    expect(await turn('left')).toEqual([PHYSICAL.left]);
    await p.locator('#wizard-left-yes').click();
    expect(await turn('right')).toEqual([PHYSICAL.right]);
    await p.locator('#wizard-right-yes').click();
    expect(await p.locator('#wizard-wheel-left .wizard-ok').count()).toBe(1);
    await p.locator('#wizard-next').click();

    // 3. The sensors: a hand in front of the HC-SR04 moves the reading live.
    await p.locator('#wizard-sensors').click();
    const distance = p.locator('#wizard-reading-distance');
    await expect.poll(() => distance.textContent(), { timeout: 60_000, interval: 100 }).toMatch(/^60\s?cm$/);
    board.setUltrasonic({ trigger: 2, echo: 3 }, 120);
    await expect.poll(() => distance.textContent(), { timeout: 60_000, interval: 100 }).toMatch(/^12\s?cm$/);
    await p.screenshot({ path: join(RESULTS_DIR, 'my-robot-3-sensors-fr.png') });
    await p.locator('#wizard-sensors').click();
    await p.locator('#wizard-next').click();

    // 4. Measure: the robot drives 1 s at 50 % (both wheels forward), the ruler says 24 cm.
    const drove = await pinsThatTurned(async () => {
      await p.locator('#wizard-go-drive-50').click();
      await board.waitFor(() => board.pwm(KIT_LEFT) > 0 && board.pwm(KIT_RIGHT) > 0, 60_000);
      await board.waitFor(() => board.pwm(KIT_LEFT) === 0 && board.pwm(KIT_RIGHT) === 0, 60_000);
    });
    expect(drove).toEqual([KIT_LEFT, KIT_RIGHT]);
    await p.locator('#wizard-drive-50').fill('24');
    await p.locator('#wizard-spin-50').fill('90');
    await expect.poll(() => p.locator('#wizard-speeds').textContent()).toMatch(/24\s?cm\/s.*90\s?°\/s/);
    await p.locator('#wizard-drive-100').fill('abc');
    await expect.poll(() => p.locator('#wizard-speeds').textContent()).toMatch(/Écris un nombre/);
    await p.locator('#wizard-drive-100').fill('');
    await p.screenshot({ path: join(RESULTS_DIR, 'my-robot-4-measure-fr.png') });
    await p.locator('#wizard-next').click();

    // 5. Save: the active robot, reconnected as itself.
    await p.locator('#wizard-save').click();
    await expect.poll(() => p.locator('#wizard-status').textContent(), { timeout: 60_000, interval: 100 }).toMatch(/enregistré/);
    await expect.poll(() => p.locator('#profile-select').inputValue()).toBe('robot-lila');
    await expect.poll(() => p.locator('#connection').getAttribute('data-state'), { timeout: 60_000, interval: 200 }).toBe('ready');
    await p.screenshot({ path: join(RESULTS_DIR, 'my-robot-5-saved-fr.png') });

    // The file round-trips: exported, parsed, written again, byte for byte.
    const download = p.waitForEvent('download');
    await p.locator('#wizard-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Robot Lila.robokitprofile');
    const text = await readFile((await file.path())!, 'utf8');
    const parsed = parseProfileFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.file).toMatchObject({ id: 'robot-lila', name: 'Robot Lila', kit: 'l298n-hcsr04', motors: { swap: true } });
    expect(parsed.file.calibration?.drive).toEqual([{ power: 50, seconds: 1, cm: 24 }]);
    expect(serializeProfileFile(parsed.file)).toBe(text);
    await p.locator('#wizard-close').click();

    // The simulator twin: « avancer 1 s à 50 % » travels 24 cm.
    await p.locator('#connect').click();
    await expect.poll(() => p.locator('#connection').getAttribute('data-state'), { timeout: 30_000 }).toBe('none');
    await p.locator('#robot-select').selectOption('sim');
    const num = (id: string, n: number) => ({ shadow: { type: 'math_number', id, fields: { NUM: n } } });
    await uploadProject(p, 'avancer.robokit', {
      format: 'robokit-project',
      version: 1,
      name: 'Avancer',
      profile: 'robot-lila',
      workspace: { blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', x: 40, y: 40, next: { block: { type: 'robot_move', id: 'move', fields: { DIRECTION: 'FORWARD' }, inputs: { SPEED: num('s', 50), SECONDS: num('d', 1) } } } }] } },
    });
    await expect.poll(() => p.locator('#editor g[data-id="move"]').count(), { timeout: 30_000 }).toBe(1);
    const pose = () => p.locator('#sim-panel').getAttribute('data-pose');
    await expect.poll(pose, { timeout: 10_000 }).not.toBeNull();
    const before = (await pose())!;
    await p.locator('#run').click();
    await expect.poll(() => p.locator('#run-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('ended');
    const [x0, y0] = before.split(',').map(Number);
    const [x1, y1] = ((await pose()) ?? '0,0').split(',').map(Number);
    const travelled = Math.hypot(x1! - x0!, y1! - y0!);
    console.log(`simulator twin: « avancer 1 s à 50 % » travelled ${travelled.toFixed(2)} cm`);
    expect(travelled).toBeGreaterThan(23.5);
    expect(travelled).toBeLessThan(24.5);
  }, 400_000);
});
