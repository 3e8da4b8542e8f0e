import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lines, robokit } from './robokit';

const events = (stdout: string) => lines(stdout).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('robokit run --robot sim', () => {
  it('runs the square and prints block, motors, say and end events', async () => {
    const r = await robokit(['run', 'examples/carre.robokit', '--robot', 'sim', '--json']);
    expect(r.code).toBe(0);
    const list = events(r.stdout);
    const types = new Set(list.map((e) => e.type));
    expect([...types].sort()).toEqual(['block', 'end', 'motors', 'say']);
    expect(list.at(-1)).toEqual({ type: 'end', t: 8000, reason: 'finished' });
    // Four sides: forward 50 % for 1 s, then a left turn (left −50, right +50) for 1 s.
    const motors = list.filter((e) => e.type === 'motors');
    expect(motors.slice(0, 4)).toEqual([
      { type: 'motors', t: 0, left: 50, right: 50 },
      { type: 'motors', t: 1000, left: 0, right: 0 },
      { type: 'motors', t: 1000, left: -50, right: 50 },
      { type: 'motors', t: 2000, left: 0, right: 0 },
    ]);
    expect(list.filter((e) => e.type === 'say').map((e) => e.text)).toEqual(['Je dessine un carré !', 'Carré terminé !']);
  });

  it('prints byte-identical output when run twice', async () => {
    const a = await robokit(['run', 'examples/spirale.robokit', '--robot', 'sim', '--json']);
    const b = await robokit(['run', 'examples/spirale.robokit', '--robot', 'sim', '--json']);
    expect(a.code).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(100);
    expect(b.stdout).toBe(a.stdout);
  });

  it('ends a forever loop without waits at the timeout, with exit 0', async () => {
    const r = await robokit(['run', 'examples/toujours.robokit', '--timeout', '1', '--json']);
    expect(r.code).toBe(0);
    expect(events(r.stdout).at(-1)).toEqual({ type: 'end', t: 1000, reason: 'timeout' });
    // The last motors event before the end is the safe stop.
    expect(events(r.stdout).filter((e) => e.type === 'motors').at(-1)).toMatchObject({ left: 0, right: 0 });
  });

  it('stops on a division by zero with exit 1 and an error naming the block', async () => {
    const r = await robokit(['run', 'examples/division-par-zero.robokit', '--json']);
    expect(r.code).toBe(1);
    const error = events(r.stdout).find((e) => e.type === 'error');
    expect(error).toMatchObject({ code: 'division-by-zero', blockId: 'divide' });
    expect((error?.message as { fr: string }).fr).toMatch(/zéro/);
  });

  it('says it in French and English without --json', async () => {
    const r = await robokit(['run', 'examples/division-par-zero.robokit']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Division par zéro.*\[bloc divide\]/);
    expect(r.stderr).toMatch(/Division by zero/);
  });

  it('runs on a built-in world given by id', async () => {
    const r = await robokit(['run', 'examples/obstacle.robokit', '--world', 'small-maze', '--timeout', '3', '--json']);
    expect(r.code).toBe(0);
    expect(events(r.stdout).at(-1)).toMatchObject({ type: 'end', reason: 'timeout' });
  });

  it('a reader that goes away (robokit run … --json | head -1) ends the output quietly, not as an unexpected error', async () => {
    const child = spawn(process.execPath, ['bin/robokit.js', 'run', 'examples/carre.robokit', '--robot', 'sim', '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    // Like `head -1`: read the first line, then close the pipe.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
