/**
 * Fifteen robots in one room, with two, from the browser: two emulated Unos running the built
 * RoboKit firmware behind `robokit serve`. Before connecting, the port list shows each robot's name
 * (the host's roll call); « Renommer » gives Tom his name from the app (kept in his robot);
 * « Identifier » blinks only the chosen robot — D13 on its board, not on the other's.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import { nameRobotOn, whoIsOn } from '../../firmware-bridge/src/robokit-roll-call';
import { configureBoard, ROBOKIT_HEX } from '../firmware-bridge/firmware/line-port';
import { edgesDuring } from '../firmware-bridge/rig/robokit-observer';
import { RESULTS_DIR, buildRenderer, openApp, startRig, type Rig } from './harness';

let lila: EmulatedUno | undefined;
let tom: EmulatedUno | undefined;
let rig: Rig | undefined;

beforeAll(async () => {
  const build = buildRenderer();
  [lila, tom] = await Promise.all([startEmulatedUno({ hexPath: ROBOKIT_HEX }), startEmulatedUno({ hexPath: ROBOKIT_HEX })]);
  // A light on D13 and a buzzer on D8, as the arduino-2wd kit has them.
  for (const board of [lila, tom]) await configureBoard(board, ['cfg light D13', 'cfg buzzer D8']);
  expect((await nameRobotOn(lila.path, 'Robot Lila', { timeoutMs: 30_000 }))?.name).toBe('Robot Lila');
  await build;
  rig = await startRig({ robotPorts: [lila.path, tom.path] });
  await openApp(rig);
}, 180_000);

afterAll(async () => {
  await rig?.close();
  await lila?.stop();
  await tom?.stop();
});

describe('two robots in one room, before connecting', () => {
  test('the port list names Lila; « Renommer » names Tom in his robot; both names show', async () => {
    const p = rig!.page;
    const option = (board: EmulatedUno) => p.locator(`#robot-select option[value="${board.path}"]`);
    await expect.poll(() => option(lila!).textContent(), { timeout: 30_000, interval: 200 }).toMatch(/^Robot Lila — /);
    expect(await option(tom!).textContent()).toMatch(/^Port indiqué — /);

    await p.locator('#robot-select').selectOption(tom!.path);
    await p.locator('#rename-robot').click();
    await p.locator('#ask-input').fill('Robot Tom');
    await p.locator('#ask-ok').click();
    await expect.poll(() => option(tom!).textContent(), { timeout: 30_000, interval: 200 }).toMatch(/^Robot Tom — /);
    expect(await option(lila!).textContent()).toMatch(/^Robot Lila — /);
    // Kept in the robot itself, not only on this computer.
    expect((await whoIsOn(tom!.path, { timeoutMs: 30_000 }))?.name).toBe('Robot Tom');
    expect(await p.locator('#connection').getAttribute('data-state')).toBe('none');
    await p.screenshot({ path: join(RESULTS_DIR, 'fifteen-robots-fr.png') });
  }, 120_000);

  test('« Identifier » on Lila blinks D13 on her board only, and says which robot it is', async () => {
    const p = rig!.page;
    await p.locator('#robot-select').selectOption(lila!.path);
    await expect.poll(() => p.locator('#identify').isEnabled()).toBe(true);
    let lilaEdges = 0;
    const tomEdges = await edgesDuring(tom!, 13, () =>
      edgesDuring(lila!, 13, async () => {
        await p.locator('#identify').click();
        await expect.poll(() => p.locator('#roll-call-note').textContent(), { timeout: 30_000, interval: 100 }).toMatch(/Robot Lila/);
      }).then((n) => (lilaEdges = n)),
    );
    console.log(`Identifier: ${lilaEdges} D13 edges on Lila's board, ${tomEdges} on Tom's`);
    expect(lilaEdges).toBeGreaterThanOrEqual(2);
    expect(tomEdges).toBe(0);
    expect(await p.locator('#robot-problem').isHidden()).toBe(true);
  }, 120_000);
});
