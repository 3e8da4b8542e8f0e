/**
 * This machine's own speed, printed beside the benchmarks' figures so a reader can tell a slow
 * machine from a slow RoboKit: how long an empty Node process takes to start, how fast avr8js runs
 * the real StandardFirmata here (× real time, on this thread alone, no pty), and the load average.
 * Prints one JSON line.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fetchFirmata } from '../firmware-bridge/emulator';
import { parseIntelHex } from '../firmware-bridge/src/intel-hex';
import { CYCLES_PER_MS, FLASH_BYTES, UnoMachine } from '../firmware-bridge/emulator/uno-machine';
import { median } from './stats';

function nodeStartMs(): number {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
    runs.push(performance.now() - start);
  }
  return median(runs);
}

/** Board ms per wall ms while avr8js runs StandardFirmata (its boot blink) for 1.5 s of board time. */
async function emulatorSpeed(): Promise<number> {
  const flash = parseIntelHex(await readFile(await fetchFirmata(), 'utf8'), FLASH_BYTES);
  const machine = new UnoMachine(flash, { onPin: () => {}, onPwm: () => {}, onTransmit: () => {} });
  machine.runUntil(200 * CYCLES_PER_MS); // JIT warm-up
  const start = performance.now();
  const fromMs = machine.timeMs;
  machine.runUntil((fromMs + 1500) * CYCLES_PER_MS);
  return (machine.timeMs - fromMs) / (performance.now() - start);
}

const load = loadavg()[0]!;
const probe = { cores: cpus().length, load1: load, nodeStartMs: nodeStartMs(), emulatorSpeed: await emulatorSpeed() };
console.log(JSON.stringify(probe));
