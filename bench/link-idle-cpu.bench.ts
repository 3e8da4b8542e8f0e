/**
 * Host CPU with a connected idle robot (issue #3, goal < 2 % of a core over 10 s). The emulated Uno
 * runs in a worker thread of this process and burns CPU, so the host is measured in a separate
 * process: a child Node process connects to the rig's pty (RobotConnection: firmata-io, the queue,
 * the heartbeat) and idles; we read its utime + stime from /proc/<pid>/stat over 10 s (the child's
 * own process.cpuUsage over its whole idle time is printed as a cross-check).
 * For information, when the command line is built: `robokit run` of a program waiting 20 s
 * (`robokit_wait`) on the same robot, measured the same way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { startEmulatedUno, type EmulatedUno } from '../firmware-bridge/emulator';
import { connectOptions, scaledMs, sleep, untilBoardMs } from './link-rig';
import { report, type Goal } from './stats';

const SAMPLE_MS = 10_000;
const GOAL_PERCENT = 2;
const CHILD = 'dist/bench/link-idle-child.mjs';
const CLOCK_TICKS_PER_S = 100; // USER_HZ on Linux

/** utime + stime of a process, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the name start at field 3 (state): utime is field 14, stime field 15.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
}

/** Resolves with the first stdout line of `child` matching `test`. */
function lineOf(child: ChildProcess, test: (line: string) => boolean, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error('the child process did not answer in time')), timeoutMs);
    lines.on('line', (line) => {
      if (!test(line)) return;
      clearTimeout(timer);
      lines.close();
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`the child process exited (${code})`)));
  });
}

async function sampleCpu(pid: number): Promise<number> {
  const before = cpuMs(pid);
  await sleep(SAMPLE_MS);
  return ((cpuMs(pid) - before) / SAMPLE_MS) * 100;
}

async function idleConnection(uno: EmulatedUno): Promise<{ percent: number; selfPercent: number }> {
  await build({ entryPoints: ['bench/link-idle-child.ts'], outfile: CHILD, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });
  // The connection's limits scaled to the emulator's speed (a loaded machine stalls it for seconds).
  const options = connectOptions(uno);
  const child = spawn(process.execPath, [CHILD, uno.path, JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'inherit'] });
  await lineOf(child, (line) => line === 'ready', Math.max(20_000, options.timeoutMs * 2));
  const percent = await sampleCpu(child.pid!);
  const result = lineOf(child, (line) => line.startsWith('{'), 10_000);
  child.stdin!.end();
  const self = JSON.parse(await result) as { cpuUs: number; ms: number; state: string };
  if (self.state !== 'ready') throw new Error(`the robot was ${self.state} at the end of the idle time`);
  return { percent, selfPercent: (self.cpuUs / 1000 / self.ms) * 100 };
}

/** `robokit run` of a program that waits 20 s, or null when the command line is not built. */
async function idleRun(uno: EmulatedUno): Promise<number | null> {
  const path = uno.path;
  if (!existsSync('dist/cli/main.mjs')) return null;
  const dir = mkdtempSync(join(tmpdir(), 'robokit-idle-'));
  const project = join(dir, 'attendre.robokit');
  const wait = { type: 'robokit_wait', id: 'wait', inputs: { SECONDS: { shadow: { type: 'math_number', id: 's', fields: { NUM: 20 } } } } };
  const workspace = { blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', x: 0, y: 0, next: { block: wait } }] } };
  writeFileSync(project, JSON.stringify({ format: 'robokit-project', version: 1, name: 'Attendre', profile: 'arduino-2wd', workspace, updatedAt: new Date(0).toISOString() }));
  const child = spawn(process.execPath, ['bin/robokit.js', 'run', project, '--robot', path, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    // Node's start, the command line's, and the connect, on a machine that may be loaded.
    await lineOf(child, (line) => line.includes('"blockId":"wait"'), Math.max(60_000, scaledMs(uno, 20_000)));
    return await sampleCpu(child.pid!);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const uno = await startEmulatedUno();
  try {
    await untilBoardMs(uno, 2500);
    const idle = await idleConnection(uno);
    console.log(`connected idle robot (child process, RobotConnection + heartbeat): ${idle.percent.toFixed(2)} % of a core over ${SAMPLE_MS / 1000} s from /proc (its own cpuUsage: ${idle.selfPercent.toFixed(2)} %)`);
    const goals: Goal[] = [
      { name: 'host CPU, connected idle robot', ok: idle.percent < GOAL_PERCENT, figure: `${idle.percent.toFixed(2)} % of a core`, target: `< ${GOAL_PERCENT} %`, quiet: true },
    ];
    const run = await idleRun(uno);
    if (run === null) console.log('robokit run of a waiting program: not measured (dist/cli is not built: npm run build)');
    else console.log(`for information, robokit run of a program in robokit_wait 20 s on the same robot: ${run.toFixed(2)} % of a core over ${SAMPLE_MS / 1000} s`);
    return report('Link benchmark: host CPU with a connected idle robot', goals);
  } finally {
    await uno.stop();
  }
}

process.exitCode = await main();
