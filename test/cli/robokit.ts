import { spawn, type ChildProcess } from 'node:child_process';

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
}

/** Runs the real `robokit` bin as a child process, the way a person or a script would. */
export interface CliOptions {
  readonly input?: Buffer;
  /** Options for node itself, before the bin (e.g. `--import` a fault injector). */
  readonly nodeArgs?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

export function robokit(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return startRobokit(args, options).done;
}

/** Starts `robokit`; `child` lets a test send it signals, `stdout()` reads what it printed so far. */
export function startRobokit(
  args: string[],
  options: CliOptions = {},
): { child: ChildProcess; stdout(): string; done: Promise<CliResult> } {
  const out: Buffer[] = [];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'bin/robokit.js', ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  const done = new Promise<CliResult>((resolve, reject) => {
    const started = Date.now();
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        wallMs: Date.now() - started,
      }),
    );
    child.stdin.end(options.input);
  });
  return { child, stdout: () => Buffer.concat(out).toString('utf8'), done };
}

export const lines = (text: string): string[] => text.split('\n').filter((l) => l.length > 0);
