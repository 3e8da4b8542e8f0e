/**
 * `robokit upload` against the emulated Uno running the built RoboKit firmware (issue #11): a built-in
 * lesson solution goes into the board's EEPROM (the board's `prog info` then shows the image's CRC,
 * valid); a program using what the robot lacks is refused with the block named (exit 2); a port with
 * no RoboKit board is exit 3.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../app/cli/main';
import { compileBytecode } from '../../app/core/bytecode/compile-bytecode';
import { compile } from '../../app/core/compiler';
import { findProfile } from '../../app/core/profiles';
import { startEmulatedUno, type EmulatedUno } from '../../firmware-bridge/emulator';
import { LinePort, ROBOKIT_HEX } from '../firmware-bridge/firmware/line-port';

const SOLUTION = join(import.meta.dirname, '../../lessons/a-la-maison/projects/semaine-1-le-parcours-solution.robokit');
const PEN_SOLUTION = join(import.meta.dirname, '../../lessons/art-et-culture/projects/molnar-carres-solution.robokit');

let rig: EmulatedUno;

function capture(): { out: string[]; err: string[]; output: { out(l: string): void; err(l: string): void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { out: (l) => out.push(l), err: (l) => err.push(l) } };
}

beforeAll(async () => {
  rig = await startEmulatedUno({ hexPath: ROBOKIT_HEX });
  const port = await LinePort.open(rig.path);
  rig.reset();
  await port.waitFor((line) => line.startsWith('hello '), 10_000);
  await port.close();
}, 60_000);

afterAll(async () => {
  await rig?.stop();
});

describe('robokit upload on the emulated Uno', () => {
  it('sends a lesson solution: exit 0, progress to the last byte, and the board keeps that exact image', async () => {
    const { out, err, output } = capture();
    const code = await main(['upload', SOLUTION, '--robot', rig.path, '--json'], output);
    expect(code, err.join('\n')).toBe(0);
    const events = out.map((l) => JSON.parse(l) as { type: string; bytes?: number; sent?: number; total?: number });
    const bytes = events.find((e) => e.type === 'compiled')!.bytes!;
    expect(events.filter((e) => e.type === 'progress').at(-1)).toMatchObject({ sent: bytes, total: bytes });
    expect(events.at(-1)).toMatchObject({ type: 'done', bytes });

    const project = JSON.parse(readFileSync(SOLUTION, 'utf8')) as { profile: string; workspace: unknown };
    const profile = findProfile(project.profile)!;
    const image = compileBytecode(compile(project.workspace, { profile }).program!, profile);
    if (!image.ok) throw new Error('the solution must fit');
    const crc = ((image.image[bytes - 1]! << 8) | image.image[bytes - 2]!).toString(16).padStart(4, '0').toUpperCase();
    const port = await LinePort.open(rig.path);
    try {
      expect(await port.ask('prog info')).toBe(`ok size=${bytes} crc=${crc} valid=1 autostart=0 running=0`);
    } finally {
      await port.close();
    }
  }, 120_000);

  it('prints the size for people: « ton programme utilise N octets sur 896 »', async () => {
    const { err, output } = capture();
    expect(await main(['upload', SOLUTION, '--robot', rig.path, '--autostart'], output)).toBe(0);
    expect(err.join('\n')).toMatch(/Ton programme utilise \d+ octets sur 896/);
    expect(err.join('\n')).toMatch(/Débranche le robot\s: il démarrera tout seul/);
    const port = await LinePort.open(rig.path);
    try {
      expect(await port.ask('prog info')).toMatch(/valid=1 autostart=1/);
      expect(await port.ask('prog autostart 0')).toBe('ok');
    } finally {
      await port.close();
    }
  }, 120_000);

  it('refuses a program that uses a part the profile lacks, naming the block (exit 2), without touching the robot', async () => {
    const { err, output } = capture();
    expect(await main(['upload', PEN_SOLUTION, '--robot', rig.path, '--profile', 'servo-bot'], output)).toBe(2);
    expect(err.join('\n')).toMatch(/\[bloc [^\]]+\]/);
    expect(err.join('\n')).toMatch(/\[block [^\]]+\]/);
  });

  it('exit 3 when no RoboKit board is there', async () => {
    const { output } = capture();
    expect(await main(['upload', SOLUTION, '--robot', '/dev/robokit-nothing-here'], output)).toBe(3);
  });
});
