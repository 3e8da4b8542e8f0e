/**
 * `robokit firmware install` and `robokit firmware info` against the emulated Uno running Debian's
 * real Optiboot, through a real pseudo-terminal (issue #10 acceptance). A pty has no DTR line: the
 * rig presses the board's reset button instead, when the installer starts (as the auto-reset
 * would) or later (as a person would).
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import { FIRMWARE_IMAGES } from '../../firmware-bridge/src/install/firmware-images';
import { parseIntelHex } from '../../firmware-bridge/src/intel-hex';
import { lines, robokit, startRobokit, type CliResult } from './robokit';

const FIRMATA_HEX = 'firmware-bridge/firmware/StandardFirmata.hex';
const APPLICATION_BYTES = 0x7e00;

let uno: EmulatedUno | undefined;
afterEach(async () => {
  await uno?.stop();
  uno = undefined;
});

const events = (stdout: string) => lines(stdout).map((line) => JSON.parse(line) as { type: string; [key: string]: unknown });

interface InstallRun extends CliResult {
  /** From the moment the installer started reaching the board (its "connecting" event) to its exit. */
  readonly reachingToExitMs: number;
}

/** Runs an install; presses the rig's reset button `resetAfterMs` after the installer starts reaching the board. */
async function install(rig: EmulatedUno, args: string[], resetAfterMs: number | null): Promise<InstallRun> {
  const run = startRobokit(['firmware', 'install', '--port', rig.path, '--json', ...args]);
  let reachingAt = NaN;
  const poll = setInterval(() => {
    if (!run.stdout().includes('"connecting"')) return;
    clearInterval(poll);
    reachingAt = Date.now();
    if (resetAfterMs !== null) setTimeout(() => rig.reset(), resetAfterMs);
  }, 5);
  const result = await run.done.finally(() => clearInterval(poll));
  return { ...result, reachingToExitMs: Date.now() - reachingAt };
}

async function firmataImage(): Promise<Uint8Array> {
  return parseIntelHex(await readFile(FIRMATA_HEX, 'utf8'), 0x8000).subarray(0, APPLICATION_BYTES);
}

describe('robokit firmware on the emulated Uno with Optiboot', () => {
  it('installs StandardFirmata on a blank board, verifies it, and the board then answers as StandardFirmata', async () => {
    uno = await startEmulatedUno({ bootloader: true, hexPath: null });
    const r = await install(uno, ['--firmware', 'firmata'], 0);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const all = events(r.stdout);
    expect(all.filter((e) => e.type === 'phase').map((e) => e.phase)).toEqual(['connecting', 'writing', 'verifying', 'checking']);
    const progress = all.filter((e) => e.type === 'progress' && e.phase === 'verifying');
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total });
    expect(all.at(-1)).toMatchObject({ type: 'done', firmware: 'firmata', name: 'StandardFirmata' });
    expect((await uno.readFlash()).subarray(0, APPLICATION_BYTES)).toEqual(await firmataImage());

    const info = await robokit(['firmware', 'info', '--port', uno.path, '--json']);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ firmware: 'firmata', name: 'StandardFirmata', upToDate: true });
  }, 180_000);

  it('installs the RoboKit firmware by default, and firmware info then reports its name, version and the robot’s id', async () => {
    uno = await startEmulatedUno({ bootloader: true, hexPath: FIRMATA_HEX }); // an old robot running StandardFirmata
    const before = await robokit(['firmware', 'info', '--port', uno.path, '--json']);
    expect(JSON.parse(before.stdout)).toMatchObject({ firmware: 'firmata' });

    const r = await install(uno, [], 0);
    expect(r.code).toBe(0);
    expect(events(r.stdout).at(-1)).toMatchObject({ type: 'done', firmware: 'robokit', version: FIRMWARE_IMAGES.robokit.version });
    const robokitImage = parseIntelHex(await readFile('firmware-bridge/firmware/robokit.hex', 'utf8'), 0x8000);
    expect((await uno.readFlash()).subarray(0, APPLICATION_BYTES)).toEqual(robokitImage.subarray(0, APPLICATION_BYTES));

    const info = await robokit(['firmware', 'info', '--port', uno.path, '--json']);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({
      firmware: 'robokit',
      name: 'robokit',
      version: FIRMWARE_IMAGES.robokit.version,
      protocol: 1,
      robotId: expect.stringMatching(/^[0-9A-F]{8}$/),
      upToDate: true,
    });
  }, 180_000);

  it('flashes a board whose bootloader starts only when someone presses reset, 3 s later', async () => {
    uno = await startEmulatedUno({ bootloader: true }); // StandardFirmata runs: the bootloader answers only after the reset
    const r = await install(uno, ['--firmware', 'firmata'], 3_000);
    expect(r.code).toBe(0);
    expect(events(r.stdout).at(-1)).toMatchObject({ type: 'done', firmware: 'firmata' });
  }, 180_000);

  it('a board that never answers: exit 3 with the reset advice within 20 s', async () => {
    uno = await startEmulatedUno({ bootloader: true }); // StandardFirmata runs; nobody presses reset
    const r = await install(uno, ['--firmware', 'firmata'], null);
    expect(r.code).toBe(3);
    // The installer's own time (15 s of tries, then the advice). Starting node itself takes
    // seconds more on this loaded 2-core machine, beside the emulator's high-priority thread.
    console.log(`never answers: exit 3 after ${r.reachingToExitMs} ms of tries, ${r.wallMs} ms from spawn`);
    expect(r.reachingToExitMs).toBeLessThan(20_000);
    const all = events(r.stdout);
    expect(all.some((e) => e.type === 'press-reset')).toBe(true);
    expect(all.at(-1)).toMatchObject({ type: 'error', code: 'firmware-bootloader-silent' });
    expect(JSON.stringify(all.at(-1))).toContain('RESET');
  }, 60_000);

  it('a byte written wrong is caught by the read-back and reported; installing again repairs it', async () => {
    uno = await startEmulatedUno({ bootloader: true, hexPath: null });
    uno.corruptNextFlashWrite(0x0123);
    const bad = await install(uno, ['--firmware', 'firmata'], 0);
    expect(bad.code).toBe(1);
    expect(events(bad.stdout).at(-1)).toMatchObject({ type: 'error', code: 'firmware-verify-failed' });
    expect(JSON.stringify(events(bad.stdout).at(-1))).toContain('0x0123');

    const good = await install(uno, ['--firmware', 'firmata'], 0);
    expect(good.code).toBe(0);
    expect((await uno.readFlash()).subarray(0, APPLICATION_BYTES)).toEqual(await firmataImage());
  }, 240_000);
});
