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
  return new SerialPortLink(port);
};

class SerialPortLink implements SerialLink {
  private ended = false;
  private readonly closeListeners = new Set<(error?: Error) => void>();

  constructor(private readonly port: SerialPort) {
    port.on('close', (error?: Error) => this.end(error ?? undefined));
    // Errors after open (a failed write, a read error) mean the link is unusable.
    port.on('error', (error: Error) => this.end(error));
  }

  write(bytes: Uint8Array, done: WriteDone): void {
    if (this.ended) {
      done(new Error('serial link closed'));
      return;
    }
    this.port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (error) => done(error ?? null));
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
