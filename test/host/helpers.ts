/** Test helpers for the host: a temporary data folder and a HostService wired like the real ones. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createHostService, type HostSeams } from '../../app/host/create-host';
import { defaultSeams } from '../../app/host/default-seams';
import type { WallClock } from '../../app/host/run/run-engine';

const made: string[] = [];

export async function tempDir(prefix = 'robokit-host-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A wall clock far ahead of any simulated time: simulated runs play without waiting. */
export const instantWall: WallClock = {
  now: (() => {
    let t = 0;
    return () => (t += 1_000_000);
  })(),
  setTimeout: (fn, ms) => setTimeout(fn, Math.min(ms, 1)),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  sleep: () => Promise.resolve(),
};

export async function makeHost(seams: HostSeams = defaultSeams({ wall: instantWall }), dataDir?: string) {
  const dir = dataDir ?? (await tempDir());
  const host = createHostService({
    dataDir: dir,
    info: { version: 'test', host: 'serve', fileDialogs: false },
    seams,
    timers: { delay: () => Promise.resolve() },
  });
  return { host, dataDir: dir };
}
