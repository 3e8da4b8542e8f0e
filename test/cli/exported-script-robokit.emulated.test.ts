/**
 * The exported Johnny-Five script on a robot running the RoboKit firmware (issue #16): the emulated
 * Uno runs the built firmware; `node programme.js PORT`, with no option, asks the board which
 * program it runs, loads the RoboKit IO plugin (the `robokit-io` package `npm run build` writes to
 * dist/robokit-io) and drives the same motor pins, with the same duties and directions, for the same
 * durations as `robokit run` does on the same program.
 *
 * Clocks: the RoboKit firmware times `robokit run`'s moves and turns itself (`move L R ms`), so its
 * spans are read on the board, in board time; the script times them with the host's wall clock
 * (`m L R`, then `m 0 0`), so its spans are read on the wire (a tap between the host and the board),
 * in wall time, whatever the emulated board's speed. The board also shows the script's duties and
 * directions on the motor pins. The programs hold only moves and turns.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES } from '../../app/core/profiles';
import { startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import { ROBOKIT_HEX } from '../firmware-bridge/firmware/line-port';
import { robokit } from './robokit';
import { move, project, repeat, runNode, turn, type Block } from './script-programs';
import { driveSpans, RobokitLineWrites, startWireTap, type DriveSpan, type PinWrite, type WireTap } from './wire-tap';


/**
 * Moves and turns of a second or more: on a loaded machine the board may leave the host's lines
 * unanswered for half a second, and the line transport then sends only the newest motor state.
 * Each state differs from the one before (robokit run's board-timed moves have a gap between them,
 * the script's none).
 */
const PROGRAMS: Record<string, Block[]> = {
  moves: [move('FORWARD', 50, 1.5), move('BACKWARD', 30, 1.2), move('FORWARD', -60, 1)],
  'negative turns': [turn('LEFT', -90), turn('RIGHT', -180), turn('RIGHT', 90)],
  loops: [repeat(2, [move('FORWARD', 70, 1), turn('RIGHT', 90)])],
};



/** The shortest move or turn here is 1 s: anything under this is two commands meant together. */
const MIN_SPAN_MS = 150;
/**
 * A late host timer (as in exported-script.emulated.test.ts), or a line held back while the board
 * does not answer (up to half a second seen at a load of 20 on 2 cores).
 */
const tolerance = (ms: number): number => Math.max(500, ms * 0.2);

/** The motor pins as the board drove them, in board time (from their levels when it starts). */
function recordBoard(uno: EmulatedUno): { writes: PinWrite[]; stop(): void } {
  const writes: PinWrite[] = [];
  const now = uno.emulatedMs();
  for (const pin of [4, 7]) writes.push({ tMs: now, pin, kind: 'digital', value: uno.digital(pin) });
  for (const pin of [5, 6]) writes.push({ tMs: now, pin, kind: 'pwm', value: uno.pwm(pin) });
  const offPin = uno.onPinChange((pin, level, tMs) => {
    if (pin === 4 || pin === 7) writes.push({ tMs, pin, kind: 'digital', value: level });
  });
  const offPwm = uno.onPwmChange((pin, duty, tMs) => {
    if (pin === 5 || pin === 6) writes.push({ tMs, pin, kind: 'pwm', value: duty });
  });
  return {
    writes,
    stop() {
      offPin();
      offPwm();
    },
  };
}

const sides = (writes: readonly PinWrite[], minMs = MIN_SPAN_MS) => ({ left: driveSpans(writes, 5, 4, minMs), right: driveSpans(writes, 6, 7, minMs) });
/**
 * On the board the script's spans are its wall times scaled by the emulator's speed (a few tenths
 * on a loaded machine): any state held 5 ms of board time counts, so an in-between state (the old
 * speed the other way) would show.
 */
const BOARD_MIN_SPAN_MS = 5;

let uno: EmulatedUno;
let tap: WireTap | undefined;
let dir: string;
const NODE_PATH = [resolve('node_modules'), resolve('dist')].join(delimiter);

beforeAll(async () => {
  uno = await startEmulatedUno({ hexPath: ROBOKIT_HEX });
  await uno.waitFor(() => uno.emulatedMs() > 500, 30_000); // booted, as a robot switched on would be
  dir = await mkdtemp(join(tmpdir(), 'robokit-script-'));
}, 60_000);

afterAll(async () => {
  await tap?.close();
  await uno?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the exported Johnny-Five script on the emulated Uno running the RoboKit firmware', () => {
  it.each(Object.keys(PROGRAMS))('%s: the RoboKit IO plugin drives the same pins for the same durations as robokit run', { timeout: 120_000, retry: 1 }, async (name) => {
    const file = join(dir, `${name.replace(/ /g, '-')}.robokit`);
    await writeFile(file, project(PROGRAMS[name]!));

    // robokit run's connect (probe, then handshake) may time out when the loaded machine stalls the
    // emulator for seconds: a run that never started (exit 3, no motor event) is tried again.
    let runRecord = recordBoard(uno);
    let run = await robokit(['run', file, '--robot', uno.path, '--json']);
    for (let again = 0; again < 2 && run.code === 3 && !run.stdout.includes('"motors"'); again++) {
      runRecord.stop();
      console.log(`robokit run did not connect (${run.stderr.trim().split('\n')[0]}); again`);
      runRecord = recordBoard(uno);
      run = await robokit(['run', file, '--robot', uno.path, '--json']);
    }
    runRecord.stop();
    expect({ code: run.code, stderr: run.stderr, said: run.code === 0 ? '' : run.stdout.slice(-600) }).toEqual({ code: 0, stderr: '', said: '' });
    const fromRun = sides(runRecord.writes);

    const compiled = await robokit(['compile', file, '--format', 'js']);
    expect(compiled.code).toBe(0);
    const script = join(dir, 'programme.js');
    await writeFile(script, compiled.stdout);
    // The tap holds the board's port while the script runs (robokit run went straight to the board).
    const scriptRecord = recordBoard(uno);
    const wire = await startWireTap(uno.path, new RobokitLineWrites(BUILT_IN_PROFILES['arduino-2wd']!));
    tap = wire;
    const ran = await runNode(script, [wire.path], { NODE_PATH });
    scriptRecord.stop();
    const written = wire.writes();
    await wire.close();
    tap = undefined;
    expect({ code: ran.code, stderr: ran.stderr }).toEqual({ code: 0, stderr: expect.stringContaining('programme RoboKit') as unknown });
    expect(ran.stderr).not.toMatch(/Error|Oups|manque/);
    const onTheWire = sides(written);
    const onTheBoard = sides(scriptRecord.writes, BOARD_MIN_SPAN_MS);

    console.log(name, 'robokit run (board ms)', JSON.stringify(fromRun.left.map((x) => Math.round(x.ms))), 'script (wire ms)', JSON.stringify(onTheWire.left.map((x) => Math.round(x.ms))), `emulator ${uno.speed().recentRealTimeRatio.toFixed(2)}×`);
    const states = (spans: readonly DriveSpan[]) => spans.map(({ duty, dir }) => ({ duty, dir }));
    for (const side of ['left', 'right'] as const) {
      expect(fromRun[side].length).toBeGreaterThan(0);
      // The same duties and directions, in the same order, on the wire and on the board's pins…
      expect(states(onTheWire[side])).toEqual(states(fromRun[side]));
      expect(states(onTheBoard[side])).toEqual(states(fromRun[side]));
      // …each held as long (a wrong rule, a turn at the wrong speed, is off by far more).
      onTheWire[side].forEach((span, i) => expect(Math.abs(span.ms - fromRun[side][i]!.ms)).toBeLessThanOrEqual(tolerance(fromRun[side][i]!.ms)));
    }
    // Both end with the motors stopped.
    expect([uno.pwm(5), uno.pwm(6)]).toEqual([0, 0]);
  });

  it('says in French and English what to install when the RoboKit IO plugin is missing', async () => {
    const file = join(dir, 'moves.robokit');
    await writeFile(file, project(PROGRAMS['moves']!));
    const script = join(dir, 'programme.js');
    await writeFile(script, (await robokit(['compile', file, '--format', 'js'])).stdout);
    const without = await runNode(script, [uno.path], { NODE_PATH: resolve('node_modules') });
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/Il manque le paquet « robokit-io »/);
    expect(without.stderr).toContain('The package "robokit-io" is missing');
    expect(without.stderr).toContain('npm install johnny-five@2 serialport@13 <dossier de RoboKit>/dist/robokit-io');
    expect([uno.pwm(5), uno.pwm(6)]).toEqual([0, 0]);
  }, 60_000);
});
