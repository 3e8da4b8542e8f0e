/**
 * `robokit run --robot PATH` against the emulated Uno running the real StandardFirmata, through a
 * real pseudo-terminal: what a pupil's program does on the board's pins (issue #3 acceptance).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pwmSpans, startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import { robokit, startRobokit } from './robokit';

let uno: EmulatedUno;
const digitalLog: { pin: number; level: 0 | 1; tMs: number }[] = [];

beforeAll(async () => {
  uno = await startEmulatedUno();
  uno.onPinChange((pin, level, tMs) => digitalLog.push({ pin, level, tMs }));
  // Let StandardFirmata finish its boot blink, as a robot already switched on would have.
  await uno.waitFor(() => uno.emulatedMs() > 2500, 15_000);
}, 30_000);

afterAll(async () => {
  await uno?.stop();
});

/** The level a pin had at board time `tMs`, from the recorded changes. */
function levelAt(pin: number, tMs: number): 0 | 1 {
  let level: 0 | 1 = 0;
  for (const change of digitalLog) if (change.pin === pin && change.tMs <= tMs) level = change.level;
  return level;
}

describe('robokit run on the emulated Uno (arduino-2wd)', () => {
  it('robot_move FORWARD 50 % 1 s, then robot_turn LEFT 90°: PWM, direction pins and timing', async () => {
    const before = uno.pwmHistory().length;
    const r = await robokit(['run', 'examples/avance-tourne.robokit', '--robot', uno.path, '--json']);
    expect(r.code).toBe(0);
    const history = uno.pwmHistory().slice(before);
    for (const pin of [5, 6]) {
      const spans = pwmSpans(history, pin).filter((s) => s.duty > 0);
      expect(spans.length).toBeGreaterThanOrEqual(1);
      const forward = spans[0]!;
      expect(Math.abs(forward.duty - 128)).toBeLessThanOrEqual(2);
      // The board applied the move (its own clock, printed for information: it slips whenever this
      // shared machine cannot run the emulator at full speed; a real board's would not).
      console.log(`D${pin}: PWM ${forward.duty} held ${(forward.toWallMs! - forward.fromWallMs).toFixed(0)} ms wall, ${(forward.toMs! - forward.fromMs).toFixed(0)} ms board time`);
      // Direction pins HIGH (forward) while driving.
      const mid = forward.fromMs + (forward.toMs! - forward.fromMs) / 2;
      expect(levelAt(pin === 5 ? 4 : 7, mid)).toBe(1);
    }
    // The turn: left backward (D4 LOW), right forward (D7 HIGH), both at 50 % for about one second.
    const turnLeft = pwmSpans(history, 5).filter((s) => s.duty > 0)[1];
    const turnRight = pwmSpans(history, 6).filter((s) => s.duty > 0)[1];
    expect(turnLeft && turnRight).toBeTruthy();
    expect(Math.abs(turnLeft!.duty - 128)).toBeLessThanOrEqual(2);
    expect(Math.abs(turnRight!.duty - 128)).toBeLessThanOrEqual(2);
    const turnMid = turnLeft!.fromMs + (turnLeft!.toMs! - turnLeft!.fromMs) / 2;
    expect(levelAt(4, turnMid)).toBe(0);
    expect(levelAt(7, turnMid)).toBe(1);
    // What the host times, it times on the wire: the motor commands went out 1 s apart (SPEC §8).
    const motors = r.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; t: number; left?: number; right?: number })
      .filter((e) => e.type === 'motors');
    expect(motors.map((e) => [e.left, e.right])).toEqual([[50, 50], [0, 0], [-50, 50], [0, 0]]);
    expect(Math.abs(motors[1]!.t - motors[0]!.t - 1000)).toBeLessThanOrEqual(60);
    expect(Math.abs(motors[3]!.t - motors[2]!.t - 1000)).toBeLessThanOrEqual(60);
    // And everything back to 0 at the end.
    expect([uno.pwm(5), uno.pwm(6)]).toEqual([0, 0]);
  }, 30_000);

  it('if distance < 20 then light on: D13 on at 2.0 V on A0, off at 0.4 V', async () => {
    for (const [volts, light] of [
      [2.0, 1],
      [0.4, 0],
    ] as const) {
      uno.setAnalogVoltage(0, volts);
      const run = startRobokit(['run', 'examples/lumiere-obstacle.robokit', '--robot', uno.path, '--timeout', '2.5', '--json']);
      // Watch D13 during the run (the program ends with the light off, as every program ends safe).
      let seenOn = false;
      const off = uno.onPinChange((pin, level) => {
        if (pin === 13 && level === 1) seenOn = true;
      });
      const r = await run.done;
      off();
      expect(r.code).toBe(0);
      expect(seenOn ? 1 : 0).toBe(light);
    }
  }, 30_000);

  it('Ctrl-C during a flood of commands: motors 0 on the board before the process exits, exit 130', async () => {
    const run = startRobokit(['run', 'examples/toujours.robokit', '--robot', uno.path, '--json']);
    await uno.waitFor(() => uno.pwm(5) > 0 && uno.pwm(6) > 0, 15_000);
    let zeroAt = 0;
    const off = uno.onPwmChange(() => {
      if (uno.pwm(5) === 0 && uno.pwm(6) === 0 && zeroAt === 0) zeroAt = Date.now();
    });
    run.child.kill('SIGINT');
    const r = await run.done;
    const exitedAt = Date.now();
    off();
    expect(r.code).toBe(130);
    expect(zeroAt).toBeGreaterThan(0);
    expect(zeroAt).toBeLessThanOrEqual(exitedAt);
    expect([uno.pwm(5), uno.pwm(6)]).toEqual([0, 0]);
  }, 30_000);

  it.each(['exception', 'rejection'])(
    'an uncaught %s kills the host’s event loop mid-flood: motors 0 on the board before the process exits, exit 70',
    async (kind) => {
      const run = startRobokit(['run', 'examples/toujours.robokit', '--robot', uno.path, '--json'], {
        nodeArgs: ['--import', './test/fixtures/inject-failure.mjs'],
        env: { INJECT_FAILURE: kind },
      });
      await uno.waitFor(() => uno.pwm(5) > 0 && uno.pwm(6) > 0, 15_000);
      let zeroAt = 0;
      const off = uno.onPwmChange(() => {
        if (uno.pwm(5) === 0 && uno.pwm(6) === 0 && zeroAt === 0) zeroAt = Date.now();
      });
      run.child.kill('SIGUSR2');
      const r = await run.done;
      const exitedAt = Date.now();
      expect(r.code).toBe(70);
      expect(r.stderr).toContain(kind === 'exception' ? 'injected failure' : 'injected rejection');
      expect(r.stderr).toMatch(/le robot a été arrêté/);
      // The process is gone, so whatever the board applies now was written before it exited;
      // StandardFirmata itself keeps the last values forever. The slow emulated board may apply
      // the bytes a little after the exit: wait for them in board terms.
      await uno.waitFor(() => zeroAt > 0, 5000);
      off();
      console.log(`${kind}: motors 0 on the board ${zeroAt - exitedAt} ms after the exit was seen (board at ${(uno.speed().recentRealTimeRatio * 100).toFixed(0)} % of real time)`);
      // And nothing turned them on again after.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect([uno.pwm(5), uno.pwm(6)]).toEqual([0, 0]);
    },
    30_000,
  );

  it('the link vanishes mid-run: exit 3 with "robot déconnecté", then the board comes back', async () => {
    const run = startRobokit(['run', 'examples/toujours.robokit', '--robot', uno.path, '--json']);
    await uno.waitFor(() => uno.pwm(5) > 0, 15_000);
    console.log('vanish: motors on');
    const cut = Date.now();
    await uno.disconnect();
    console.log('vanish: disconnected');
    const r = await Promise.race([run.done, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still running: ${run.stdout().slice(-300)}`)), 5000))]);
    const took = Date.now() - cut;
    console.log(`link cut → robokit exited in ${took} ms`);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/"reason":"disconnected"/);
    expect(r.stdout).toMatch(/le robot est déconnecté/);
    expect(took).toBeLessThan(2500);
    await uno.reconnect();
  }, 30_000);
});
