/**
 * `robokit run --robot PATH` against the emulated Uno running the BUILT RoboKit firmware
 * (firmware-bridge/firmware/robokit.hex), through a real pseudo-terminal: the same CLI and exit codes
 * as with StandardFirmata (SPEC §6), moves timed by the board, and the failsafe drill — the
 * `robokit` process SIGKILLed mid-move, or the link vanishing: motors 0 ON THE BOARD within 350 ms of
 * board time, with nothing running on the host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pwmSpans, startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import { ROBOKIT_HEX } from '../firmware-bridge/firmware/line-port';
import { robokit, startRobokit } from './robokit';

let uno: EmulatedUno;
/** The failsafe drill's limit, in board time (the firmware's 300 ms, the last heartbeat ≤ 100 ms before). */
const FAILSAFE_LIMIT_MS = 350;

beforeAll(async () => {
  uno = await startEmulatedUno({ hexPath: ROBOKIT_HEX });
  await uno.waitFor(() => uno.emulatedMs() > 500, 30_000); // booted, as a robot switched on would be
}, 60_000);

afterAll(async () => {
  await uno?.stop();
});

/** Board time at which both motor PWM pins were last seen going to 0 after board time `fromMs`. */
function motorsZeroAfter(fromMs: number): number | undefined {
  const zero = (pin: number): number | undefined => uno.pwmHistory(pin).find((c) => c.tMs >= fromMs && c.duty === 0)?.tMs;
  const [l, r] = [zero(5), zero(6)];
  return l === undefined || r === undefined ? undefined : Math.max(l, r);
}

describe('robokit run on the emulated Uno running the RoboKit firmware (arduino-2wd)', () => {
  it('robot_move FORWARD 50 % 1 s then robot_turn LEFT 90°: exit 0, the move timed by the board to 1000 ± 5 ms', async () => {
    const before = uno.pwmHistory().length;
    const r = await robokit(['run', 'examples/avance-tourne.robokit', '--robot', uno.path, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const history = uno.pwmHistory().slice(before);
    for (const pin of [5, 6]) {
      const spans = pwmSpans(history, pin).filter((s) => s.duty > 0 && s.toMs !== null);
      expect(spans.length).toBe(2); // the move, the turn
      const [forward, turn] = spans;
      const held = forward!.toMs! - forward!.fromMs;
      console.log(`D${pin}: PWM ${forward!.duty} held ${held.toFixed(2)} ms of board time`);
      expect(Math.abs(forward!.duty - 128)).toBeLessThanOrEqual(1);
      expect(Math.abs(held - 1000)).toBeLessThanOrEqual(5);
      // 90° at 50 % of 180 °/s: 1 s, timed by the board too.
      expect(Math.abs(turn!.toMs! - turn!.fromMs - 1000)).toBeLessThanOrEqual(5);
    }
    expect([uno.pwm(5), uno.pwm(6)]).toEqual([0, 0]);
  }, 60_000);

  it('if distance < 20 then light on: D13 on at 2.0 V on A0', async () => {
    uno.setAnalogVoltage(0, 2.0);
    let seenOn = false;
    const off = uno.onPinChange((pin, level) => {
      if (pin === 13 && level === 1) seenOn = true;
    });
    const r = await robokit(['run', 'examples/lumiere-obstacle.robokit', '--robot', uno.path, '--timeout', '2.5', '--json']);
    off();
    expect(r.code).toBe(0);
    expect(seenOn).toBe(true);
  }, 60_000);

  it('Ctrl-C during a flood of commands: motors 0 on the board, exit 130', async () => {
    const run = startRobokit(['run', 'examples/toujours.robokit', '--robot', uno.path, '--json']);
    await uno.waitFor(() => uno.pwm(5) > 0 && uno.pwm(6) > 0, 30_000);
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code).toBe(130);
    await uno.waitFor(() => uno.pwm(5) === 0 && uno.pwm(6) === 0, 5000);
  }, 60_000);

  it('failsafe drill: robokit SIGKILLed mid-move — motors 0 on the board within 350 ms of board time', async () => {
    const run = startRobokit(['run', 'test/fixtures/avance-longtemps.robokit', '--robot', uno.path, '--json']);
    await uno.waitFor(() => uno.pwm(5) > 0 && uno.pwm(6) > 0, 30_000);
    await new Promise((r) => setTimeout(r, 300)); // well into the move, heartbeats flowing
    const killedAt = uno.emulatedMs();
    run.child.kill('SIGKILL');
    const r = await run.done;
    expect(r.signal).toBe('SIGKILL');
    await uno.waitFor(() => motorsZeroAfter(killedAt) !== undefined, 10_000);
    const took = motorsZeroAfter(killedAt)! - killedAt;
    console.log(`SIGKILL → motors 0 on the board after ${took.toFixed(1)} ms of board time (board at ${(uno.speed().recentRealTimeRatio * 100).toFixed(0)} % of real time)`);
    expect(took).toBeLessThanOrEqual(FAILSAFE_LIMIT_MS);
    await new Promise((r) => setTimeout(r, 300));
    expect([uno.pwm(5), uno.pwm(6)]).toEqual([0, 0]);
  }, 60_000);

  it('failsafe drill: the link vanishes mid-move — motors 0 on the board within 350 ms of board time; robokit exits 3', async () => {
    const run = startRobokit(['run', 'test/fixtures/avance-longtemps.robokit', '--robot', uno.path, '--json']);
    await uno.waitFor(() => uno.pwm(5) > 0 && uno.pwm(6) > 0, 30_000);
    await new Promise((r) => setTimeout(r, 300));
    const cutAt = uno.emulatedMs();
    await uno.disconnect();
    await uno.waitFor(() => motorsZeroAfter(cutAt) !== undefined, 10_000);
    const took = motorsZeroAfter(cutAt)! - cutAt;
    console.log(`link cut → motors 0 on the board after ${took.toFixed(1)} ms of board time`);
    expect(took).toBeLessThanOrEqual(FAILSAFE_LIMIT_MS);
    const r = await run.done;
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/"reason":"disconnected"/);
    await uno.reconnect();
  }, 60_000);
});
