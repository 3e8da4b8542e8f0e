import { SerialPort } from 'serialport';

/** The app's side of the cable in tests: the real serialport binding on the rig's tty. */
export class PortReader {
  readonly received: number[] = [];
  closed = false;
  private constructor(readonly port: SerialPort) {
    port.on('data', (chunk: Buffer) => this.received.push(...chunk));
    port.on('close', () => {
      this.closed = true;
    });
    port.on('error', () => {
      this.closed = true;
    });
  }

  static open(path: string): Promise<PortReader> {
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path, baudRate: 57600 }, (error) => (error ? reject(error) : resolve(new PortReader(port))));
    });
  }

  write(bytes: number[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.port.write(Buffer.from(bytes), (error) => (error ? reject(error) : this.port.drain(() => resolve())));
    });
  }

  /** Resolves when `predicate` holds for the bytes received from `from` on. */
  async until(predicate: (bytes: number[]) => boolean, timeoutMs: number, from = 0): Promise<number[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const bytes = this.received.slice(from);
      if (predicate(bytes)) return bytes;
      if (Date.now() > deadline) {
        throw new Error(`no matching reply within ${timeoutMs} ms; got ${Buffer.from(bytes).toString('hex')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  close(): Promise<void> {
    if (this.closed || !this.port.isOpen) return Promise.resolve();
    return new Promise((resolve) => this.port.close(() => resolve()));
  }
}
