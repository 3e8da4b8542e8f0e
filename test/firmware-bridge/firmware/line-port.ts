import { ReadlineParser } from '@serialport/parser-readline';
import { SerialPort } from 'serialport';
import { join } from 'node:path';
import { projectRoot } from '../../../firmware-bridge/emulator/paths';

/** The built RoboKit firmware, as committed (the build test checks it matches the sources). */
export const ROBOKIT_HEX = join(projectRoot(), 'firmware-bridge', 'firmware', 'robokit.hex');

/**
 * Wires a board as a kit would have it (`cfg …` lines, then `cfg save`): resets it, waits for its
 * boot hello, sends each line and checks its `ok`. The port is closed after.
 */
export async function configureBoard(board: { readonly path: string; reset(): void }, lines: readonly string[]): Promise<void> {
  const port = await LinePort.open(board.path);
  try {
    board.reset();
    await port.waitFor((line) => line.startsWith('hello '), 30_000);
    for (const line of ['cfg reset', ...lines, 'cfg save']) {
      const answer = await port.ask(line, 30_000);
      if (!answer.startsWith('ok')) throw new Error(`${line} → ${answer}`);
    }
  } finally {
    await port.close();
  }
}

export interface ReceivedLine {
  readonly text: string;
  readonly wallMs: number;
}

const EVENT_WORDS = new Set(['done', 'stopped', 's', 'evt']);

export function isEvent(line: string): boolean {
  return EVENT_WORDS.has(line.split(' ')[0]!);
}

/**
 * The host's end of the cable in tests: lines at 115200 baud through the real serialport binding
 * and @serialport/parser-readline. Keeps every line received, in order.
 */
export class LinePort {
  readonly lines: ReceivedLine[] = [];
  private readonly waiting = new Set<() => void>();
  private constructor(private readonly port: SerialPort) {
    const parser = port.pipe(new ReadlineParser({ delimiter: '\n', encoding: 'latin1' }));
    parser.on('data', (text: string) => {
      this.lines.push({ text, wallMs: performance.now() });
      for (const wake of this.waiting) wake();
      this.waiting.clear();
    });
  }

  /** Resolves at the next line received, or after `timeoutMs`. */
  nextLine(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(wake);
        resolve();
      }, timeoutMs);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiting.add(wake);
    });
  }

  static open(path: string): Promise<LinePort> {
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path, baudRate: 115200 }, (error) => (error ? reject(error) : resolve(new LinePort(port))));
    });
  }

  /** Writes raw bytes (a line is `text + "\n"`). */
  write(data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data);
    return new Promise((resolve, reject) => {
      this.port.write(bytes, (error) => (error ? reject(error) : this.port.drain(() => resolve())));
    });
  }

  /** The first line at index ≥ `from` that `accept` takes; its index. */
  async waitFor(accept: (line: string) => boolean, timeoutMs: number, from = 0): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      for (let i = from; i < this.lines.length; i++) if (accept(this.lines[i]!.text)) return i;
      if (performance.now() > deadline) {
        throw new Error(`no such line within ${timeoutMs} ms; got: ${JSON.stringify(this.lines.slice(from).map((l) => l.text))}`);
      }
      await this.nextLine(Math.max(1, deadline - performance.now()));
    }
  }

  /** Sends one command and resolves with its answer (the next line that is not an event). */
  async ask(command: string, timeoutMs = 5_000): Promise<string> {
    const from = this.lines.length;
    await this.write(`${command}\n`);
    const index = await this.waitFor((line) => !isEvent(line), timeoutMs, from);
    return this.lines[index]!.text;
  }

  /**
   * `hb` every 100 ms (the board's failsafe stays quiet). The returned stop waits until the board has
   * answered every `hb` sent (a `hello` round trip behind them), so no late `ok` is taken for the
   * answer to the next command.
   */
  heartbeats(): () => Promise<void> {
    const timer = setInterval(() => void this.write('hb\n'), 100);
    return async () => {
      clearInterval(timer);
      const from = this.lines.length;
      await this.write('hello\n');
      await this.waitFor((line) => line.startsWith('hello '), 30_000, from);
    };
  }

  close(): Promise<void> {
    if (!this.port.isOpen) return Promise.resolve();
    return new Promise((resolve) => this.port.close(() => resolve()));
  }
}
