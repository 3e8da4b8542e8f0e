import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serialPortLink, type OpenPort } from '../../firmware-bridge/src/serial-link';

/**
 * An open serialport port whose descriptor is a file (what reaches "the OS" can be read back), and
 * whose own write path only records: it is the slow one (a round trip through libuv's thread pool).
 */
class FakePort implements OpenPort {
  isOpen = true;
  writableLength = 0;
  readonly writes: Array<{ bytes: number[]; callback: (error?: Error | null) => void }> = [];
  constructor(readonly port: { fd: number }) {}
  write(data: Buffer, callback: (error?: Error | null) => void): boolean {
    this.writes.push({ bytes: [...data], callback });
    return true;
  }
  close(callback: () => void): void {
    this.isOpen = false;
    callback();
  }
  on(): this {
    return this;
  }
  off(): this {
    return this;
  }
}

describe('serial link writes', () => {
  let dir: string;
  let file: string;
  let fd: number;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'serial-link-'));
    file = join(dir, 'tty');
    fd = openSync(file, 'w');
  });
  afterEach(() => {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands the bytes to the OS before write returns when serialport holds none of ours, then says done', async () => {
    const port = new FakePort({ fd });
    const link = serialPortLink(port);
    const done = new Promise<Error | null | undefined>((resolve) => link.write(Uint8Array.of(0xe5, 1, 0), resolve));
    expect([...readFileSync(file)]).toEqual([0xe5, 1, 0]);
    expect(port.writes).toEqual([]);
    expect(await done).toBeNull();
  });

  it('queues behind bytes serialport still holds, so the order is kept', () => {
    const port = new FakePort({ fd });
    port.writableLength = 3;
    serialPortLink(port).write(Uint8Array.of(0xe6, 2, 0), () => {});
    expect(readFileSync(file)).toHaveLength(0);
    expect(port.writes.map((w) => w.bytes)).toEqual([[0xe6, 2, 0]]);
  });

  it('leaves the bytes to serialport when the descriptor refuses them, and passes on its error', async () => {
    const readOnly = openSync(file, 'r'); // writes fail (EBADF), as on a device that went away
    const port = new FakePort({ fd: readOnly });
    const done = new Promise<Error | null | undefined>((resolve) => serialPortLink(port).write(Uint8Array.of(0xe5, 3, 0), resolve));
    expect(port.writes.map((w) => w.bytes)).toEqual([[0xe5, 3, 0]]);
    port.writes[0]!.callback(new Error('EBADF'));
    expect((await done)?.message).toBe('EBADF');
    closeSync(readOnly);
  });
});
