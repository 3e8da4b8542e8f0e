/**
 * The Firmata adapter against the emulated Uno running the real StandardFirmata, over a real
 * tty opened with serialport 13. Timings print to the log (connect-to-ready, stop latency p99,
 * reconnect) and are checked against SPEC §5 and issue #3.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES } from '../../app/core/profiles';
import type { LinkState } from '../../app/core/robot-io';
import { startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import { RobotConnection } from '../../firmware-bridge/src/connection';

const twoWheel = BUILT_IN_PROFILES['arduino-2wd']!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const epochNow = () => performance.timeOrigin + performance.now();
/** Host-side readings arrive with Firmata's reports (every 19 ms of board time). */
async function eventually(check: () => boolean, ms = 1500): Promise<boolean> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(5);
  return check();
}

let uno: EmulatedUno;
let robot: RobotConnection;
let connectMs = 0;
let connectBoardMs = 0;

beforeAll(async () => {
  uno = await startEmulatedUno();
  // The board is booting (StandardFirmata blinks its version first): boot included, as on a real Uno.
  const started = performance.now();
  const startedEmu = uno.emulatedMs();
  robot = await RobotConnection.connect(uno.path, twoWheel, { timeoutMs: 5000 });
  connectMs = performance.now() - started;
  connectBoardMs = uno.emulatedMs() - startedEmu;
  console.log(
    `connect-to-ready: ${connectMs.toFixed(0)} ms wall, ${connectBoardMs.toFixed(0)} ms board time ` +
      `(emulator at ${uno.speed().realTimeRatio.toFixed(2)}× real time; ${robot.firmware})`,
  );
}, 30_000);

afterAll(async () => {
  await robot?.close();
  await uno?.stop();
});

describe('arduino-2wd on the emulated Uno (real StandardFirmata)', () => {
  it('connects and is ready, with the safe state on the pins', () => {
    expect(robot.state).toBe('ready');
    expect(robot.firmware).toMatch(/^StandardFirmata/);
    // Goal ≤ 2.5 s: judged in board time, since a loaded machine slows the emulated boot blink.
    expect(connectBoardMs).toBeLessThan(2500);
    expect([uno.pwm(5), uno.pwm(6), uno.digital(4), uno.digital(7), uno.digital(8)]).toEqual([0, 0, 0, 0, 0]);
  });

  it('setMotors(50, 50): PWM ≈ 128 on D5 and D6, direction D4 and D7 HIGH; stopAll: PWM 0', async () => {
    robot.io.motors!.setMotors(50, 50);
    await uno.waitFor(() => Math.abs(uno.pwm(5) - 128) <= 2 && Math.abs(uno.pwm(6) - 128) <= 2, 2000);
    expect([uno.digital(4), uno.digital(7)]).toEqual([1, 1]);
    await robot.io.stopAll();
    // PWM 0 first, then the direction pins (the next message on the wire).
    await uno.waitFor(() => uno.pwm(5) === 0 && uno.pwm(6) === 0 && uno.digital(4) === 0 && uno.digital(7) === 0, 2000);
  });

  it('the light follows setLight', async () => {
    robot.io.light!.setLight(true);
    await uno.waitFor(() => uno.digital(13) === 1, 2000);
    robot.io.light!.setLight(false);
    await uno.waitFor(() => uno.digital(13) === 0, 2000);
  });

  it('distance: A0 at 2.0 V reads under 20 cm, at 0.4 V over 20 cm', async () => {
    uno.setAnalogVoltage(0, 2.0);
    await robot.io.prepare(['distance']);
    expect(await eventually(() => robot.io.distance!.readDistance() < 20)).toBe(true);
    expect(robot.io.distance!.readDistance()).toBeGreaterThan(10);
    uno.setAnalogVoltage(0, 0.4);
    expect(await eventually(() => robot.io.distance!.readDistance() > 20)).toBe(true);
    expect(robot.io.distance!.readDistance()).toBeGreaterThan(70);
  });

  it('the button reads pressed when D2 goes LOW (pull-up)', async () => {
    await robot.io.prepare(['button']);
    expect(robot.io.button!.readButton()).toBe(false); // nothing drives D2: the pull-up holds it HIGH
    uno.setDigitalInput(2, 0);
    expect(await eventually(() => robot.io.button!.readButton())).toBe(true);
    uno.setDigitalInput(2, 1);
    expect(await eventually(() => !robot.io.button!.readButton())).toBe(true);
    await robot.io.prepare([]);
  });

  // The 50 ms p99 goal is measured by bench/link-stop.bench.ts (timing goals live in benchmarks);
  // here: every stop reaches the board, and nothing queued before it turns the motors back on.
  it('stop under flood reaches the board (PWM 0) in every one of 20 trials, and stays there', async () => {
    const latencies: number[] = [];
    let sent = 0;
    for (let trial = 0; trial < 20; trial++) {
      // A program that sets the motors then loops without waits, yielding like the runtime does.
      let flooding = true;
      const flood = (async () => {
        let i = 0;
        while (flooding) {
          for (let k = 0; k < 200; k++, i++) robot.io.motors!.setMotors(40 + (i % 60), 40 + ((i * 7) % 60));
          sent += 200;
          await new Promise((r) => setImmediate(r));
        }
      })();
      await uno.waitFor(() => uno.pwm(5) > 0 && uno.pwm(6) > 0, 2000);
      await sleep(20 + Math.random() * 30);
      flooding = false;
      const stoppedAt = epochNow();
      await robot.io.stopAll();
      await flood;
      await uno.waitFor(() => uno.pwm(5) === 0 && uno.pwm(6) === 0, 2000);
      const zero = (pin: number) => uno.pwmHistory(pin).filter((c) => c.duty === 0 && c.wallMs >= stoppedAt - 1)[0]!.wallMs;
      latencies.push(Math.max(zero(5), zero(6)) - stoppedAt);
      await sleep(10);
    }
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.ceil(0.99 * latencies.length) - 1]!;
    console.log(
      `stop under flood: p50 ${latencies[10]!.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${latencies[19]!.toFixed(1)} ms over 20 trials (${sent} setMotors calls; ` +
        `emulator at ${uno.speed().realTimeRatio.toFixed(2)}× real time)`,
    );
    expect(latencies.length).toBe(20);
    await sleep(100);
    expect([uno.pwm(5), uno.pwm(6)]).toEqual([0, 0]);
  });

  it('link vanishes ⇒ lost within 500 ms; board returns ⇒ ready again within 3 s, motors safe', async () => {
    robot.io.motors!.setMotors(60, 60);
    await uno.waitFor(() => uno.pwm(5) > 0, 2000);
    const links: Array<[LinkState, number]> = [];
    const off = robot.io.onDidChangeLink!((state) => links.push([state, performance.now()]));
    const pulled = performance.now();
    await uno.disconnect();
    const end = performance.now() + 500;
    while (robot.state !== 'lost' && performance.now() < end) await sleep(2);
    expect(robot.state).toBe('lost');
    expect(links[0]![0]).toBe('lost');
    const lostMs = links[0]![1] - pulled;

    // A battery robot keeps running without its cable: outputs as they were until we are back.
    const plugged = performance.now();
    await uno.reconnect({ resetBoard: false });
    const deadline = performance.now() + 3000;
    while (robot.state !== 'ready' && performance.now() < deadline) await sleep(5);
    const backMs = performance.now() - plugged;
    off();
    console.log(`lost detected in ${lostMs.toFixed(0)} ms; reconnected in ${backMs.toFixed(0)} ms`);
    expect(robot.state).toBe('ready');
    expect(links.map(([s]) => s)).toEqual(['lost', 'ready']);
    await uno.waitFor(() => uno.pwm(5) === 0 && uno.digital(4) === 0, 1000); // the safe state, re-applied
    robot.io.motors!.setMotors(50, 50);
    await uno.waitFor(() => Math.abs(uno.pwm(5) - 128) <= 2, 2000);
    await robot.io.stopAll();
  });

  it('a board reset mid-session gets its setup again', async () => {
    robot.io.motors!.setMotors(50, 50);
    await uno.waitFor(() => Math.abs(uno.pwm(5) - 128) <= 2, 2000);
    uno.reset(); // outputs drop; StandardFirmata boots, blinks and announces itself
    await uno.waitFor(() => uno.pwm(5) === 0, 2000);
    // Until the announcement the adapter believes D5 is at 128 and sends nothing new; after it,
    // pin modes are set again and the same command reaches the board.
    const back = await eventually(() => {
      robot.io.motors!.setMotors(50, 50);
      return Math.abs(uno.pwm(5) - 128) <= 2 && uno.digital(4) === 1;
    }, 10_000);
    expect(back).toBe(true);
    await robot.io.stopAll();
    await uno.waitFor(() => uno.pwm(5) === 0, 1000);
  }, 20_000);
});
