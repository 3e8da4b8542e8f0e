/**
 * The exported Johnny-Five script runs (issue #16): `robokit compile --format js` of several
 * programs (moves, turns with negative angles and speeds, sensors, loops), run with `node` against
 * the emulated Uno running the real StandardFirmata, drives the same pins with the same values for
 * the same durations, on the wire, as `robokit run` decides on the same program (its `motors`
 * events, timed by the host) and writes (its duties on the wire). Outside the project it says what
 * to install. (robokit run's own direction writes are not compared: under load its queue was seen
 * to send a direction change after the duty it belongs to.)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directionLevel, distanceVolts, pwmDuty } from '../../app/core/hardware-rules';
import type { RunEvent } from '../../app/core/runtime/events';
import { startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import { lines, robokit } from './robokit';
import { chain, id, move, num, project, repeat, runNode, turn, type Block } from './script-programs';
import { driveSpans, highSpans, startWireTap, type DriveSpan, type PinWrite, type WireTap } from './wire-tap';

const motors = (l: number, r: number): Block => ({ id: id(), type: 'robot_motors', inputs: { LEFT: num(l), RIGHT: num(r) } });
const wait = (s: number): Block => ({ id: id(), type: 'robokit_wait', inputs: { SECONDS: num(s) } });
const led = (on: boolean): Block => ({ id: id(), type: 'robot_led', fields: { STATE: on ? 'ON' : 'OFF' } });
const beep = (hz: number, s: number): Block => ({ id: id(), type: 'robot_beep', inputs: { FREQUENCY: num(hz), SECONDS: num(s) } });
const stop = (): Block => ({ id: id(), type: 'robot_stop' });
const ifElse = (condition: Block, then: Block[], otherwise: Block[]): Block => ({
  id: id(),
  type: 'controls_if',
  extraState: { hasElse: true },
  inputs: { IF0: { block: condition }, DO0: { block: chain(then) }, ELSE: { block: chain(otherwise) } },
});
const compare = (op: string, a: Block, b: number): Block => ({ id: id(), type: 'logic_compare', fields: { OP: op }, inputs: { A: { block: a }, B: num(b) } });

const PROGRAMS: Record<string, Block[]> = {
  moves: [move('FORWARD', 50, 0.8), move('BACKWARD', 30, 0.5), motors(-40, 70), wait(0.6), stop(), move('FORWARD', -60, 0.4)],
  'negative turns': [turn('LEFT', -45), turn('RIGHT', -90), turn('LEFT', 90), turn('RIGHT', 45)],
  sensors: [
    ifElse(compare('LT', { id: id(), type: 'robot_distance' }, 20), [turn('LEFT', 90)], [move('FORWARD', 50, 1)]),
    ifElse({ id: id(), type: 'robot_line', fields: { SIDE: 'LEFT' } }, [led(true), wait(0.5), led(false)], [beep(440, 0.5)]),
    ifElse(compare('GT', { id: id(), type: 'robot_light' }, 50), [beep(880, 0.3)], [move('BACKWARD', 80, 0.3)]),
  ],
  loops: [repeat(3, [move('FORWARD', 70, 0.3), turn('RIGHT', 30), led(true), wait(0.1), led(false)]), stop()],
};



/** What the run did on the wire: each motor's held duties and directions, the light's and the buzzer's on-times. */
function onTheWire(writes: readonly PinWrite[]) {
  return {
    left: driveSpans(writes, 5, 4, MIN_SPAN_MS),
    right: driveSpans(writes, 6, 7, MIN_SPAN_MS),
    light: highSpans(writes, 13),
    buzzer: highSpans(writes, 8),
  };
}

/** The shortest move in these programs is 0.3 s: anything under this is two writes meant together. */
const MIN_SPAN_MS = 100;

/**
 * How far a change may land from where robokit run made it. Both hosts time their waits with the
 * wall clock, but on a loaded 2-core machine (other tests, the emulator, socat, this tap) a timer or
 * a write may come 100–200 ms late (measured here under a load of 20). A wrong rule (a turn at the
 * wrong speed, a wait ignored) is off by far more, and a wrong direction differs in duty or level.
 * A program whose times miss once (a stall of the whole machine) is tried again, once.
 */
const tolerance = (ms: number): number => Math.max(300, ms * 0.2);

/** What robokit run decided, from its `motors` events (host times): each held state as duty and direction level per side. */
function fromEvents(stdout: string): { left: DriveSpan[]; right: DriveSpan[] } {
  const events = lines(stdout)
    .map((l) => JSON.parse(l) as RunEvent)
    .filter((e): e is Extract<RunEvent, { type: 'motors' }> => e.type === 'motors');
  const side = (power: (e: (typeof events)[number]) => number): DriveSpan[] => {
    const spans: DriveSpan[] = [];
    events.forEach((e, i) => {
      const next = events[i + 1];
      if (!next || pwmDuty(power(e)) === 0 || next.t - e.t < MIN_SPAN_MS) return;
      const span = { duty: pwmDuty(power(e)), dir: directionLevel(power(e), 1), ms: next.t - e.t };
      const last = spans.at(-1);
      if (last && last.duty === span.duty && last.dir === span.dir && e.t - last.until! < MIN_SPAN_MS) spans[spans.length - 1] = { ...last, ms: next.t - (last.until! - last.ms), until: next.t };
      else spans.push({ ...span, until: next.t });
    });
    return spans;
  };
  return { left: side((e) => e.left), right: side((e) => e.right) };
}

let uno: EmulatedUno;
let tap: WireTap;
let dir: string;
const NODE_MODULES = resolve('node_modules');

beforeAll(async () => {
  uno = await startEmulatedUno();
  await uno.waitFor(() => uno.emulatedMs() > 2500, 30_000);
  tap = await startWireTap(uno.path);
  dir = await mkdtemp(join(tmpdir(), 'robokit-script-'));
  // Nothing ahead but 15 cm, the left line sensor on the dark line, a bright room.
  uno.setAnalogVoltage(0, distanceVolts(15));
  uno.setAnalogVoltage(1, 4);
  uno.setAnalogVoltage(2, 0.5);
  uno.setAnalogVoltage(3, 4.5);
}, 60_000);

afterAll(async () => {
  await tap?.close();
  await uno?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the exported Johnny-Five script on the emulated Uno', () => {
  it.each(Object.keys(PROGRAMS))('%s: the same pins, values and durations on the wire as robokit run', { timeout: 120_000, retry: 1 }, async (name) => {
    const file = join(dir, `${name.replace(/ /g, '-')}.robokit`);
    await writeFile(file, project(PROGRAMS[name]!));

    tap.reset();
    const run = await robokit(['run', file, '--robot', tap.path, '--json']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.not.stringMatching(/Error/) as unknown });
    const fromRun = onTheWire(tap.writes());

    const compiled = await robokit(['compile', file, '--format', 'js']);
    expect(compiled.code).toBe(0);
    const script = join(dir, 'programme.js');
    await writeFile(script, compiled.stdout);
    tap.reset();
    const ran = await runNode(script, [tap.path], { NODE_PATH: NODE_MODULES });
    expect({ code: ran.code, stderr: ran.stderr }).toEqual({ code: 0, stderr: expect.not.stringMatching(/Error|Oups/) as unknown });
    const fromScript = onTheWire(tap.writes());

    const planned = fromEvents(run.stdout);
    console.log(name, 'planned', JSON.stringify(planned.left.map((x) => x.ms)), 'script', JSON.stringify(fromScript.left.map((x) => Math.round(x.ms))), `emulator ${uno.speed().realTimeRatio.toFixed(2)}×`);
    expect(planned.left.length).toBeGreaterThan(0);
    for (const side of ['left', 'right'] as const) {
      // The same duties and directions, in the same order, as robokit run decided them…
      expect(fromScript[side].map(({ duty, dir }) => ({ duty, dir }))).toEqual(planned[side].map(({ duty, dir }) => ({ duty, dir })));
      // …held as long: the whole drive within the tolerance (one late timer moves a boundary between
      // two spans, not their sum).
      const total = (spans: readonly DriveSpan[]) => spans.reduce((sum, x) => sum + x.ms, 0);
      expect(Math.abs(total(fromScript[side]) - total(planned[side]))).toBeLessThanOrEqual(tolerance(total(planned[side])));
      // …and robokit run's own bytes on the wire carry the same duties.
      const duties = (spans: readonly DriveSpan[]) => spans.map((x) => x.duty).filter((duty, i, all) => duty !== all[i - 1]);
      expect(duties(fromRun[side])).toEqual(duties(planned[side]));
    }
    for (const part of ['light', 'buzzer'] as const) {
      expect(fromScript[part].length).toBe(fromRun[part].length);
      fromScript[part].forEach((ms, i) => expect(Math.abs(ms - fromRun[part][i]!)).toBeLessThanOrEqual(tolerance(fromRun[part][i]!)));
    }
    // Both end with the motors stopped.
    expect([uno.pwm(5), uno.pwm(6)]).toEqual([0, 0]);
  });

  it('says what to install outside the project, and which port to give when it finds no robot', async () => {
    const script = join(dir, 'programme.js');
    await writeFile(script, (await robokit(['compile', join(dir, 'moves.robokit'), '--format', 'js'])).stdout);
    const outside = await runNode(script, [tap.path], { NODE_PATH: '' });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('Il manque le paquet « johnny-five »');
    expect(outside.stderr).toContain('npm install johnny-five@2 firmata-io@2 serialport@13');
    expect(outside.stderr).toContain('The package "johnny-five" is missing');
    // No port given and no robot plugged in over USB: one sentence saying which port to give.
    const nothing = await runNode(script, [], { NODE_PATH: NODE_MODULES });
    expect(nothing.code).toBe(3);
    expect(nothing.stderr).toContain('Je ne trouve pas le robot');
  }, 30_000);
});
