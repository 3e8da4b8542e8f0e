/**
 * Reconnecting by the robot's id, not by its port name: a robot on the RoboKit firmware is unplugged
 * and plugged back in, and the system names its port differently (`app` → `app2`, as /dev/ttyACM0 →
 * /dev/ttyACM1). Meanwhile another robot is plugged in: it is asked who it is, never configured nor
 * driven. The connection finds its own robot on the new port by its id and drives it there.
 */
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES } from '../../app/core/profiles';
import { startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import { RobotConnection } from '../../firmware-bridge/src/connection';
import { whoIsOn } from '../../firmware-bridge/src/robokit-roll-call';
import { ROBOKIT_HEX } from './firmware/line-port';

let lila: EmulatedUno;
let other: EmulatedUno;
let connection: RobotConnection | undefined;

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

beforeAll(async () => {
  [lila, other] = await Promise.all([startEmulatedUno({ hexPath: ROBOKIT_HEX }), startEmulatedUno({ hexPath: ROBOKIT_HEX })]);
}, 120_000);
afterAll(async () => {
  await connection?.close();
  await lila?.stop();
  await other?.stop();
});

describe('a replugged robot is found again by its id', () => {
  it('on a port with another name; the robot plugged in meanwhile is only asked who it is', async () => {
    const lilaDir = dirname(lila.path);
    const otherPath = other.path;
    // The system's serial ports now: whichever of these exist.
    const candidates = [join(lilaDir, 'app'), join(lilaDir, 'app2'), otherPath];
    const ports = async (): Promise<string[]> => (await Promise.all(candidates.map(async (p) => ((await exists(p)) ? p : null)))).filter((p): p is string => p !== null);
    await other.disconnect(); // not plugged in yet

    connection = await RobotConnection.connect(lila.path, BUILT_IN_PROFILES['arduino-2wd']!, { timeoutMs: 30_000, ports });
    const id = connection.firmwareInfo?.boardId;
    expect(id).toMatch(/^[0-9A-F]{8}$/);
    expect(id).not.toBe('00000000');
    const states: string[] = [];
    connection.onDidChangeState((s) => states.push(s));

    await lila.disconnect();
    await expect.poll(() => connection!.state, { timeout: 30_000, interval: 50 }).not.toBe('ready');
    // Another robot is plugged in first, then Lila under a new name.
    await other.reconnect({ resetBoard: false });
    await lila.reconnect({ appName: 'app2' });
    expect(lila.path).toBe(join(lilaDir, 'app2'));
    await expect.poll(() => connection!.state, { timeout: 60_000, interval: 100 }).toBe('ready');
    expect(connection.path).toBe(lila.path);
    expect(connection.firmwareInfo?.boardId).toBe(id);
    expect(states).toContain('lost');

    connection.io.motors!.setMotors(50, 50);
    await lila.waitFor(() => lila.pwm(5) > 0, 30_000);
    expect(Math.abs(lila.pwm(5) - 128)).toBeLessThanOrEqual(2);
    expect(other.pwm(5)).toBe(0);
    await connection.close();
    connection = undefined;
    // The other robot was asked who it is (and so got an id), never configured.
    const said = await whoIsOn(otherPath, { timeoutMs: 30_000 });
    expect(said?.kit).toBeUndefined();
    expect(said?.id).not.toBe(id);
  }, 180_000);
});
