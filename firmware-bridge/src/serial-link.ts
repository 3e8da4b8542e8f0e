/**
 * The hardware seam of the bridge: one small interface over a serial port, so the connection and
 * the robot adapter run the same against serialport 13 (a real board, the emulated Uno's pty) and
 * against a hand-written fake in unit tests.
 */
import { writeSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { AppError } from '../../app/core/errors';
import type { ByteSink, WriteDone } from './command-queue';

export interface SerialLink extends ByteSink {
  write(bytes: Uint8Array, done: WriteDone): void;
  /** Bytes from the board. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** The link ended: cable pulled, device gone, or `close()`. Fires once. */
  onClose(listener: (error?: Error) => void): () => void;
  close(): Promise<void>;
}

export type LinkOpener = (path: string, baudRate: number) => Promise<SerialLink>;

/** Opens a real serial port with serialport 13 (our own instance, not Johnny-Five's). */
export const openSerialLink: LinkOpener = async (path, baudRate) => {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  return serialPortLink(port);
};

/** What the link uses of an open serialport 13 port (a hand-written fake in unit tests). */
export interface OpenPort {
  readonly isOpen: boolean;
  /** Bytes serialport holds that the OS has not taken yet. */
  readonly writableLength: number;
  /** serialport's binding: `fd` is the port's descriptor (Linux, macOS). */
  readonly port?: unknown;
  write(data: Buffer, callback: (error?: Error | null) => void): unknown;
  close(callback: (error?: Error | null) => void): unknown;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'close' | 'error', listener: (error?: Error) => void): unknown;
  off(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
}

export const serialPortLink = (port: OpenPort): SerialLink => new SerialPortLink(port);

class SerialPortLink implements SerialLink {
  private ended = false;
  private readonly closeListeners = new Set<(error?: Error) => void>();

  constructor(private readonly port: OpenPort) {
    port.on('close', (error?: Error) => this.end(error ?? undefined));
    // Errors after open (a failed write, a read error) mean the link is unusable.
    port.on('error', (error?: Error) => this.end(error));
  }

  /**
   * When serialport holds none of our bytes, they go straight to the port's descriptor (as much as
   * the OS takes at once) and the rest, if any, through serialport, behind them. serialport's own
   * write is a round trip through libuv's thread pool before the OS has the bytes: on a loaded host
   * it took p50 20–45 ms, p90 75–140 ms (bench/link-throughput.bench.ts), all of it added to every
   * answer the queue waits for. `done` still comes later, never before this returns.
   */
  write(bytes: Uint8Array, done: WriteDone): void {
    if (this.ended) {
      done(new Error('serial link closed'));
      return;
    }
    const taken = this.writeDirect(bytes);
    if (taken === bytes.byteLength) {
      process.nextTick(done, null);
      return;
    }
    this.port.write(Buffer.from(bytes.buffer, bytes.byteOffset + taken, bytes.byteLength - taken), (error) => done(error ?? null));
  }

  /** Bytes handed to the OS now: 0 when serialport still holds some of ours, or the OS takes none (full, gone, no descriptor). */
  private writeDirect(bytes: Uint8Array): number {
    const fd = (this.port.port as { fd?: unknown } | undefined)?.fd;
    if (typeof fd !== 'number' || !this.port.isOpen || this.port.writableLength > 0) return 0;
    try {
      return writeSync(fd, bytes, 0, bytes.byteLength);
    } catch {
      return 0; // full (EAGAIN) or failing: serialport's path waits, or reports the error
    }
  }

  /**
   * Straight to the port's file descriptor (Linux, macOS); false where serialport keeps none
   * (Windows). A non-blocking descriptor may refuse for a moment (EAGAIN): retried for up to 50 ms.
   */
  writeSync(bytes: Uint8Array): boolean {
    const fd = (this.port.port as { fd?: unknown } | undefined)?.fd;
    if (this.ended || typeof fd !== 'number') return false;
    const until = Date.now() + 50;
    let at = 0;
    while (at < bytes.length) {
      try {
        at += writeSync(fd, bytes, at, bytes.length - at);
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'EAGAIN' || Date.now() > until) return false;
      }
    }
    return true;
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.port.on('data', listener);
    return () => this.port.off('data', listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (!this.port.isOpen) {
      this.end();
      return;
    }
    await new Promise<void>((resolve) => this.port.close(() => resolve()));
    this.end();
  }

  private end(error?: Error): void {
    if (this.ended) return;
    this.ended = true;
    for (const l of [...this.closeListeners]) l(error);
  }
}

/** The French/English reason a port could not be opened. */
export function openErrorToAppError(error: unknown, path: string): AppError {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  const text = typeof e?.message === 'string' ? e.message : String(error);
  const params = { path };
  if (code === 'ENOENT' || /no such file|file not found|not found/i.test(text)) {
    return new AppError({ code: 'robot-port-not-found', params });
  }
  if (code === 'EACCES' || code === 'EPERM' || /permission denied/i.test(text)) {
    return new AppError({ code: 'robot-permission-denied', params });
  }
  // Linux: another process holds the lock; Windows reports a port in use as "Access denied".
  if (code === 'EBUSY' || /resource temporarily unavailable|cannot lock|busy|access denied/i.test(text)) {
    return new AppError({ code: 'robot-port-busy', params });
  }
  return new AppError({ code: 'robot-open-failed', params });
}
