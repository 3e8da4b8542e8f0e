import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOST_FAILED_EXIT, installLastGasp } from '../../app/host/last-gasp';

/** The process as the helper sees it: events, and an `exit` that records instead of exiting. */
class FakeProcess extends EventEmitter {
  readonly exits: number[] = [];
  exit(code: number): void {
    this.exits.push(code);
  }
}

afterEach(() => {
  vi.useRealTimers();
});

function install(stop: () => Promise<void> | void, extra: { signals?: NodeJS.Signals[]; graceMs?: number } = {}) {
  const proc = new FakeProcess();
  const said: string[] = [];
  const remove = installLastGasp({ stop, process: proc, say: (line) => said.push(line), ...extra });
  return { proc, said, remove };
}

describe('last gasp (a failing host stops the robot before it goes)', () => {
  it('an uncaught exception: the stop starts at once, the process exits 70 once it is written', async () => {
    const log: string[] = [];
    let written!: () => void;
    const { proc, said } = install(() => {
      log.push('stop');
      return new Promise<void>((resolve) => (written = resolve));
    });
    proc.emit('uncaughtException', new TypeError('boom'));
    expect(log).toEqual(['stop']);
    await new Promise((r) => setTimeout(r, 5));
    expect(proc.exits).toEqual([]);
    written();
    await vi.waitFor(() => expect(proc.exits).toEqual([HOST_FAILED_EXIT]));
    expect(said.join('\n')).toMatch(/^robokit\s: RoboKit s’arrête à cause d’une erreur inattendue \(TypeError: boom\)\s; le robot a été arrêté\.\nrobokit: RoboKit is stopping/);
  });

  it('an unhandled rejection does the same; a second failure meanwhile starts nothing more', async () => {
    let stops = 0;
    const { proc } = install(() => {
      stops++;
    });
    proc.emit('unhandledRejection', 'nope');
    proc.emit('uncaughtException', new Error('again'));
    await vi.waitFor(() => expect(proc.exits).toEqual([HOST_FAILED_EXIT]));
    expect(stops).toBe(1);
  });

  it('a stop that never finishes: exits anyway after the grace time', async () => {
    vi.useFakeTimers();
    const { proc } = install(() => new Promise<void>(() => {}), { graceMs: 800 });
    proc.emit('uncaughtException', new Error('x'));
    await vi.advanceTimersByTimeAsync(799);
    expect(proc.exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(proc.exits).toEqual([HOST_FAILED_EXIT]);
  });

  it('a stop that throws still lets the process go', async () => {
    const { proc } = install(() => {
      throw new Error('port gone');
    });
    proc.emit('uncaughtException', new Error('x'));
    await vi.waitFor(() => expect(proc.exits).toEqual([HOST_FAILED_EXIT]));
  });

  it('the named signals: stop, then 128 + n; a second signal exits at once', async () => {
    const { proc, said } = install(() => new Promise<void>(() => {}), { signals: ['SIGHUP', 'SIGTERM'] });
    proc.emit('SIGTERM', 'SIGTERM');
    proc.emit('SIGHUP', 'SIGHUP');
    expect(proc.exits).toEqual([129]);
    const other = install(() => undefined, { signals: ['SIGHUP', 'SIGTERM'] });
    other.proc.emit('SIGTERM', 'SIGTERM');
    await vi.waitFor(() => expect(other.proc.exits).toEqual([143]));
    expect(other.said.join('\n')).toContain('(SIGTERM)');
    expect(said).toEqual([]);
  });

  it('any other exit still runs the stop on the way out; removed, it does nothing', () => {
    let stops = 0;
    const { proc, remove } = install(() => {
      stops++;
    });
    proc.emit('exit', 0);
    expect(stops).toBe(1);
    remove();
    proc.emit('exit', 0);
    proc.emit('SIGHUP', 'SIGHUP');
    expect(stops).toBe(1);
    expect(proc.listenerCount('uncaughtException')).toBe(0);
    expect(proc.exits).toEqual([]);
  });
});
