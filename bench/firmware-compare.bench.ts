/**
 * RoboKit firmware vs StandardFirmata, side by side in one run, each on its own emulated Uno over a
 * real pty (issue #9): connect-to-ready after boot, stop latency under a command flood, sustained
 * commands/s delivered to the board, the duration error of a 1 s move (the pupil's program through
 * `startRun`), host CPU while connected and idle (in a child process: the emulator's thread must not
 * count), and the failsafe drill — `robokit run` SIGKILLed mid-move, time to motors 0 on the board
 * (StandardFirmata has no failsafe: reported as "never" after 3 s of board time).
 *
 * Each measure is isolated: one that fails is reported as such and the others still run. Board
 * time (the emulated CPU's clock) for what the board times; wall time on the wire for the rest.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { startEmulatedUno, pwmSpans, type EmulatedUno } from '../firmware-bridge/emulator';
import { RobotConnection, type ConnectOptions } from '../firmware-bridge/src/connection';
import { compileFor, epochNow, finalZero, ms, runProgram, sleep, speedNote, TWO_WHEEL, untilBoardMs, waitForStill } from './link-rig';
import { median, percentile, report, type Goal } from './stats';

const ROBOKIT_HEX = 'firmware-bridge/firmware/robokit.hex';
const LONG_MOVE = 'test/fixtures/avance-longtemps.robokit';
const IDLE_CHILD = 'dist/bench/link-idle-child.mjs';
/** A loaded machine runs the emulator slowly: generous wall limits, board-time judgements. */
const OPTIONS: ConnectOptions = { timeoutMs: 30_000, reconnect: false, line: { lostAfterMs: 5000 } };

type Kind = 'robokit' | 'firmata';
type Results = Partial<Record<string, string>>;
const results: Record<Kind, Results> = { robokit: {}, firmata: {} };
const numbers: Record<Kind, Record<string, number>> = { robokit: {}, firmata: {} };
const failures: string[] = [];

async function measure(kind: Kind, name: string, fn: () => Promise<{ text: string; value: number }>): Promise<void> {
  try {
    const { text, value } = await fn();
    results[kind][name] = text;
    numbers[kind][name] = value;
  } catch (error) {
    results[kind][name] = `failed: ${error instanceof Error ? error.message : String(error)}`;
    failures.push(`${kind} ${name}`);
  }
}

async function connectAfterBoot(uno: EmulatedUno): Promise<{ text: string; value: number }> {
  const board: number[] = [];
  for (let i = 0; i < 3; i++) {
    const from = uno.emulatedMs();
    const c = await RobotConnection.connect(uno.path, TWO_WHEEL, OPTIONS);
    board.push(uno.emulatedMs() - from);
    await c.close();
  }
  return { text: `${ms(median(board))} board (${board.map((b) => b.toFixed(0)).join(', ')})`, value: median(board) };
}

async function stopUnderFlood(uno: EmulatedUno, c: RobotConnection): Promise<{ text: string; value: number }> {
  const latencies: number[] = [];
  for (let trial = 0; trial < 10; trial++) {
    let flooding = true;
    const flood = (async () => {
      for (let i = 0; flooding; i++) {
        for (let k = 0; k < 100; k++) c.io.motors!.setMotors(40 + ((i + k) % 2) * 20, 40 + ((i + k) % 2) * 20);
        await new Promise((r) => setImmediate(r));
      }
    })();
    await uno.waitFor(() => uno.pwm(5) > 0, 10_000);
    await sleep(50);
    flooding = false;
    const stoppedAt = epochNow();
    await c.io.stopAll();
    await flood;
    if (!(await waitForStill(uno, 100, 10_000))) throw new Error('motors never still after stop');
    const zero = finalZero(uno, stoppedAt);
    if (zero) latencies.push(zero.wallMs - stoppedAt);
  }
  return { text: `p50 ${ms(median(latencies))}, p90 ${ms(percentile(latencies, 90))} wall (${latencies.length} trials)`, value: median(latencies) };
}

async function commandsPerSecond(uno: EmulatedUno, c: RobotConnection): Promise<{ text: string; value: number }> {
  const seconds = 2;
  const from = epochNow();
  const boardFrom = uno.emulatedMs();
  let running = true;
  const flood = (async () => {
    for (let i = 0; running; i++) {
      for (let k = 0; k < 50; k++) c.io.motors!.setMotors(1 + ((i * 50 + k) % 100), 1 + ((i * 50 + k) % 100));
      await new Promise((r) => setImmediate(r));
    }
  })();
  await sleep(seconds * 1000);
  running = false;
  await flood;
  const boardS = (uno.emulatedMs() - boardFrom) / 1000;
  await c.io.stopAll();
  const delivered = uno.pwmHistory(5).filter((p) => p.wallMs >= from && p.wallMs <= from + seconds * 1000).length;
  return { text: `${(delivered / seconds).toFixed(0)}/s wall, ${(delivered / boardS).toFixed(0)}/s of board time`, value: delivered / boardS };
}

async function oneSecondMove(uno: EmulatedUno, c: RobotConnection): Promise<{ text: string; value: number }> {
  const program = compileFor(moveOneSecond());
  const errors: number[] = [];
  for (let i = 0; i < 3; i++) {
    const before = uno.pwmHistory(5).length;
    const run = runProgram(program, c.io);
    if ((await run.ended) !== 'finished') throw new Error('the move did not finish');
    await waitForStill(uno, 50, 10_000);
    const span = pwmSpans(uno.pwmHistory(5).slice(before), 5).find((s) => s.duty > 100 && s.toMs !== null);
    if (!span) throw new Error('no move seen on D5');
    errors.push(Math.abs(span.toMs! - span.fromMs - 1000));
  }
  return { text: `median |error| ${ms(median(errors))}, max ${ms(Math.max(...errors))} board (3 programs)`, value: Math.max(...errors) };
}

function moveOneSecond(): unknown {
  const num = (id: string, n: number) => ({ shadow: { type: 'math_number', id, fields: { NUM: n } } });
  const move = { type: 'robot_move', id: 'move', fields: { DIRECTION: 'FORWARD' }, inputs: { SPEED: num('s', 50), SECONDS: num('t', 1) } };
  return { blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', x: 0, y: 0, next: { block: move } }] } };
}

function firstLine(stream: NodeJS.ReadableStream, test: (line: string) => boolean, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: stream });
    const timer = setTimeout(() => reject(new Error('no answer in time')), timeoutMs);
    lines.on('line', (line) => {
      if (!test(line)) return;
      clearTimeout(timer);
      lines.close();
      resolve(line);
    });
  });
}

async function idleCpu(uno: EmulatedUno): Promise<{ text: string; value: number }> {
  await build({ entryPoints: ['bench/link-idle-child.ts'], outfile: IDLE_CHILD, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });
  const child = spawn(process.execPath, [IDLE_CHILD, uno.path], { stdio: ['pipe', 'pipe', 'inherit'] });
  await firstLine(child.stdout!, (l) => l === 'ready', 60_000);
  await sleep(5000);
  const result = firstLine(child.stdout!, (l) => l.startsWith('{'), 20_000);
  child.stdin!.end();
  const self = JSON.parse(await result) as { cpuUs: number; ms: number; state: string };
  if (self.state !== 'ready') throw new Error(`link ${self.state} while idle`);
  const percent = (self.cpuUs / 1000 / self.ms) * 100;
  return { text: `${percent.toFixed(2)} % of a core (5 s connected, idle)`, value: percent };
}

async function hostDeath(uno: EmulatedUno): Promise<{ text: string; value: number }> {
  if (!existsSync('dist/cli/main.mjs')) throw new Error('robokit is not built (npm run build)');
  const child = spawn(process.execPath, ['bin/robokit.js', 'run', LONG_MOVE, '--robot', uno.path, '--json'], { stdio: 'ignore' });
  await uno.waitFor(() => uno.pwm(5) > 0 && uno.pwm(6) > 0, 60_000);
  await sleep(300);
  const killedAt = uno.emulatedMs();
  child.kill('SIGKILL');
  const limit = killedAt + 3000;
  await uno.waitFor(() => (uno.pwm(5) === 0 && uno.pwm(6) === 0) || uno.emulatedMs() >= limit, 60_000);
  if (uno.pwm(5) !== 0 || uno.pwm(6) !== 0) return { text: 'never (motors still on 3 s of board time after)', value: Infinity };
  const zero = Math.max(...[5, 6].map((pin) => uno.pwmHistory(pin).find((c) => c.tMs >= killedAt && c.duty === 0)!.tMs));
  return { text: `${ms(zero - killedAt)} board`, value: zero - killedAt };
}

async function bench(kind: Kind): Promise<void> {
  const uno = await startEmulatedUno(kind === 'robokit' ? { hexPath: ROBOKIT_HEX } : {});
  try {
    await untilBoardMs(uno, kind === 'robokit' ? 500 : 2500); // booted (StandardFirmata blinks ~1.9 s first)
    await measure(kind, 'connect', () => connectAfterBoot(uno));
    const c = await RobotConnection.connect(uno.path, TWO_WHEEL, OPTIONS);
    try {
      await measure(kind, 'stop', () => stopUnderFlood(uno, c));
      await measure(kind, 'rate', () => commandsPerSecond(uno, c));
      await measure(kind, 'move', () => oneSecondMove(uno, c));
    } finally {
      await c.close();
    }
    await measure(kind, 'cpu', () => idleCpu(uno));
    await measure(kind, 'death', () => hostDeath(uno));
    console.log(`${kind}: ${speedNote(uno)}`);
  } finally {
    await uno.stop();
  }
}

async function main(): Promise<number> {
  await bench('robokit');
  await bench('firmata');
  const rows: Array<[string, string]> = [
    ['connect-to-ready after boot', 'connect'],
    ['stop latency under a flood', 'stop'],
    ['sustained motor commands delivered', 'rate'],
    ['1 s move: duration error', 'move'],
    ['host CPU while connected and idle', 'cpu'],
    ['SIGKILL of robokit mid-move → motors 0', 'death'],
  ];
  console.log('\nRoboKit firmware vs StandardFirmata on the emulated Uno (one run):');
  for (const [label, key] of rows) console.log(`  ${label}\n    RoboKit firmware: ${results.robokit[key]}\n    StandardFirmata:  ${results.firmata[key]}`);
  const r = numbers.robokit;
  const f = numbers.firmata;
  const ratio = (a: number | undefined, b: number | undefined): string | undefined =>
    a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) && a > 0 ? `${(b / a).toFixed(1)}×` : undefined;
  const goal = (name: string, key: string, ok: (v: number) => boolean, target: string, quiet = false): Goal => {
    const ratioText = ratio(r[key], f[key]);
    return {
      name,
      ok: r[key] !== undefined && ok(r[key]!),
      figure: results.robokit[key] ?? 'not measured',
      baseline: `StandardFirmata ${results.firmata[key] ?? 'not measured'}`,
      ...(ratioText ? { ratio: ratioText } : {}),
      target,
      ...(quiet ? { quiet } : {}),
    };
  };
  const goals: Goal[] = [
    goal('connect-to-ready after boot (board time)', 'connect', (v) => v <= 1000, '≤ 1000 ms'),
    goal('SIGKILL mid-move → motors 0 (board time)', 'death', (v) => v <= 350, '≤ 350 ms; StandardFirmata: never'),
    goal('1 s move: worst |error| (board time)', 'move', (v) => v <= 5, '≤ 5 ms'),
    goal('stop latency under a flood, p50 (wall)', 'stop', (v) => v <= 50, '≤ 50 ms', true),
    goal('sustained motor commands (per s of board time)', 'rate', (v) => v >= 500, '≥ 500/s', true),
    goal('host CPU connected and idle', 'cpu', (v) => v <= 2, '≤ 2 % of a core', true),
  ];
  if (failures.length > 0) console.log(`\nmeasures that failed: ${failures.join(', ')}`);
  return report('Firmware benchmark: RoboKit firmware vs StandardFirmata', goals) || (failures.length > 0 ? 1 : 0);
}

process.exitCode = await main();
