import { describe, expect, it } from 'vitest';
import { tempDir } from '../host/helpers';
import { lines, startRobokit } from './robokit';

describe('robokit serve', () => {
  it('prints a one-time link, and a fresh one for each Enter typed in its terminal', async () => {
    const run = startRobokit(['serve', '--port', '0'], { input: Buffer.from('\n'), env: { ROBOKIT_DATA_DIR: await tempDir('robokit-serve-cli-') } });
    await expect.poll(() => lines(run.stdout()).length, { timeout: 15_000 }).toBe(2);
    const [first, fresh] = lines(run.stdout()).map((l) => new URL(l));
    expect(first!.origin).toBe(fresh!.origin);
    expect(first!.searchParams.get('token')).toMatch(/^[0-9a-f]{32}$/);
    expect(fresh!.searchParams.get('token')).toMatch(/^[0-9a-f]{32}$/);
    expect(fresh!.searchParams.get('token')).not.toBe(first!.searchParams.get('token'));
    // The fresh link opens a session (the first one was replaced while unused).
    expect((await fetch(fresh!, { redirect: 'manual' })).status).toBe(303);
    expect((await fetch(first!, { redirect: 'manual' })).status).toBe(401);
    run.child.kill('SIGTERM');
    const done = await run.done;
    expect(done.code).toBe(0);
    expect(done.stderr).toContain('appuie sur Entrée');
  });
});
