import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { projectRoot } from '../../../firmware-bridge/emulator/paths';
import * as F from './firmata-bytes';
import { PortReader } from './port-reader';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

it('npm run emulate prints the port in French and English, narrates the motors, and stops on SIGINT', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'robokit-emulate-test-'));
  dirs.push(dir);
  const cli = spawn(process.execPath, ['firmware-bridge/emulator/emulate.mjs', '--dir', dir], {
    cwd: projectRoot(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  cli.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => cli.once('exit', resolve));
  try {
    await expect.poll(() => output, { timeout: 20_000, interval: 50 }).toContain(`Serial port to use in RoboKit:      ${join(dir, 'app')}`);
    expect(output).toContain(`Port série à utiliser dans RoboKit : ${join(dir, 'app')}`);

    const app = await PortReader.open(join(dir, 'app'));
    await app.write([...F.pinMode(4, F.MODE.OUTPUT), ...F.pinMode(5, F.MODE.PWM), ...F.writePort(0, 1 << 4), ...F.analogWrite(5, 128)]);
    await expect
      .poll(() => output, { timeout: 15_000, interval: 50 })
      .toContain('moteurs : gauche avant 50 %, droit arrêt / motors: left forward 50%, right stopped');
    await app.close();
  } finally {
    cli.kill('SIGINT');
  }
  expect(await exited).toBe(0);
  expect(output).toContain('Arduino virtuel arrêté. / Virtual Arduino stopped.');
}, 40_000);

it('npm run emulate -- --firmware robokit runs the built RoboKit firmware, configured and driven over its line protocol, and narrates the motors', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'robokit-emulate-test-'));
  dirs.push(dir);
  const cli = spawn(process.execPath, ['firmware-bridge/emulator/emulate.mjs', '--dir', dir, '--firmware', 'robokit'], {
    cwd: projectRoot(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  cli.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => cli.once('exit', resolve));
  try {
    await expect.poll(() => output, { timeout: 20_000, interval: 50 }).toContain('RoboKit firmware: it stops the motors');
    const app = await PortReader.open(join(dir, 'app'));
    await app.write([...Buffer.from('cfg motors hbridge D5 D4 D6 D7 1\nm 50 0\n')]);
    await expect
      .poll(() => output, { timeout: 15_000, interval: 50 })
      .toContain('moteurs : gauche avant 50 %, droit arrêt / motors: left forward 50%, right stopped');
    await app.close();
  } finally {
    cli.kill('SIGINT');
  }
  expect(await exited).toBe(0);
}, 40_000);
