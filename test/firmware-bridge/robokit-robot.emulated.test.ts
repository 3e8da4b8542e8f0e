/**
 * The RoboKit firmware adapter on the emulated Uno running the BUILT firmware
 * (firmware-bridge/firmware/robokit.hex) over a real tty: the shared RobotIo contract (a fresh
 * connection for each test, so detection and connecting are exercised each time), then what only
 * this firmware does: board-timed moves measured in board time, detection among firmwares.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES } from '../../app/core/profiles';
import { startEmulatedUno, pwmSpans, type EmulatedUno } from '../../firmware-bridge/emulator';
import { RobotConnection } from '../../firmware-bridge/src/connection';
import { robotIoContract } from '../contract/robot-io-contract';
import { ROBOKIT_HEX } from './firmware/line-port';
import { arduino2wdObserver, ToneMeter } from './rig/robokit-observer';

const twoWheel = BUILT_IN_PROFILES['arduino-2wd']!;
/**
 * On a loaded 2-core machine the emulator can run at a tenth of real time: connecting gets a long
 * timeout, and the link is declared lost after 3 s unanswered rather than 1 s (a real board
 * answers within milliseconds).
 */
const OPTIONS = { timeoutMs: 30_000, reconnect: false, line: { lostAfterMs: 3000 } } as const;
let uno: EmulatedUno;
let tone: ToneMeter;

beforeAll(async () => {
  uno = await startEmulatedUno({ hexPath: ROBOKIT_HEX });
  tone = new ToneMeter(uno);
  // Its first boot writes the id to EEPROM, then says hello (~0.3 s of board time).
  await uno.waitFor(() => uno.emulatedMs() > 500, 30_000);
}, 60_000);
afterAll(async () => {
  tone?.dispose();
  await uno?.stop();
});

robotIoContract('RoboKit firmware adapter on the emulated Uno running the built hex (arduino-2wd)', async () => {
  const connection = await RobotConnection.connect(uno.path, twoWheel, OPTIONS);
  return { io: connection.io, observe: arduino2wdObserver(uno, tone), dispose: () => connection.close() };
});

describe('RoboKit firmware on the emulated Uno: what only it does', () => {
  it('is detected as the RoboKit firmware; connecting again sends no configuration', async () => {
    const c = await RobotConnection.connect(uno.path, twoWheel, OPTIONS);
    try {
      expect(c.firmwareInfo).toMatchObject({ kind: 'robokit', name: 'RoboKit', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    } finally {
      await c.close();
    }
  });

  it('a 1 s move timed by the board lasts 1000 ± 5 ms of board time, the first one included', async () => {
    const c = await RobotConnection.connect(uno.path, twoWheel, OPTIONS);
    try {
      for (let i = 0; i < 2; i++) {
        const before = uno.pwmHistory(5).length;
        const finished = await new Promise<boolean>((resolve) => c.io.timer!.move(50, 50, 1000, resolve));
        expect(finished).toBe(true);
        // The done line can overtake the rig's record of the pin (another thread): wait for it.
        await uno.waitFor(() => pwmSpans(uno.pwmHistory(5).slice(before), 5).some((s) => s.duty === 128 && s.toMs !== null), 5000);
        const spans = pwmSpans(uno.pwmHistory(5).slice(before), 5).filter((s) => s.duty === 128 && s.toMs !== null);
        expect(spans).toHaveLength(1);
        const held = spans[0]!.toMs! - spans[0]!.fromMs;
        console.log(`board-timed 1 s move #${i + 1}: ${held.toFixed(2)} ms of board time`);
        expect(Math.abs(held - 1000)).toBeLessThanOrEqual(5);
      }
    } finally {
      await c.close();
    }
  }, 60_000);
});
