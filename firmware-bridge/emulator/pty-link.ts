/**
 * The "USB cable": a socat pseudo-terminal pair. The board end is `<dir>/uno`, the app opens
 * `<dir>/app` with the real serialport binding. Killing socat is pulling the cable out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

const READY_TIMEOUT_MS = 5_000;
const STOP_TIMEOUT_MS = 2_000;

export class PtyLinkError extends Error {
  constructor(
    message: string,
    readonly socatOutput: string,
  ) {
    super(socatOutput ? `${message}\nsocat said:\n${socatOutput}` : message);
    this.name = 'PtyLinkError';
  }
}

export class PtyLink {
  private constructor(
    private readonly child: ChildProcess,
    readonly boardPath: string,
    readonly appPath: string,
    private readonly exited: Promise<void>,
  ) {}

  /** Starts socat and resolves once both links exist and data flows; the app opens `<dir>/<appName>`. */
  static async open(dir: string, appName = 'app'): Promise<PtyLink> {
    const boardPath = join(dir, 'uno');
    const appPath = join(dir, appName);
    await Promise.all([rm(boardPath, { force: true }), rm(appPath, { force: true })]);
    const child = spawn(
      'socat',
      ['-d', '-d', `pty,raw,echo=0,link=${boardPath}`, `pty,raw,echo=0,link=${appPath}`],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(`socat did not start within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
      function fail(message: string): void {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new PtyLinkError(message, output.trim()));
      }
      child.once('error', (error: NodeJS.ErrnoException) =>
        fail(error.code === 'ENOENT' ? 'socat is not installed (Debian: apt-get install socat)' : error.message),
      );
      child.once('exit', (code, signal) => fail(`socat exited early (${signal ?? `code ${code}`})`));
      child.stderr!.setEncoding('utf8');
      child.stderr!.on('data', (text: string) => {
        output += text;
        if (output.includes('starting data transfer loop')) {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          resolve();
        }
      });
    });
    // Keep draining socat's log so it never blocks on a full pipe.
    child.stderr!.resume();
    return new PtyLink(child, boardPath, appPath, exited);
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Ends socat (the app's open port sees the tty vanish) and removes the links. */
  async close(): Promise<void> {
    if (this.alive) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await this.exited;
      clearTimeout(timer);
    }
    await Promise.all([rm(this.boardPath, { force: true }), rm(this.appPath, { force: true })]);
  }
}
