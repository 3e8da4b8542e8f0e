/**
 * The last thing a failing host process does: stop the robot. Each composition root (Electron
 * main, `robokit serve`, `robokit run` on a robot) installs it once, with a `stop` that writes the
 * robot's safe state (motors 0, tone off) ahead of anything queued — synchronously where the
 * serial port allows, so it reaches the OS even if the event loop never turns again.
 *
 * What ends the process here: an uncaught exception, an unhandled rejection, and the signals the
 * root names (the others keep their own graceful handlers, e.g. Ctrl-C). It stops the robot, waits
 * at most `graceMs` for the stop to be written, says one sentence on stderr and exits (70 for a
 * failure, 128 + n for signal n). And on any `process.exit` from elsewhere, the synchronous part of
 * `stop` still runs on the way out.
 */
import { constants } from 'node:os';
import { message } from '../core/i18n/messages';

/** The process as this module uses it (tests pass an EventEmitter with a fake `exit`). */
export interface LastGaspProcess {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shape of Node's own signature
  on(event: string, listener: (...args: any[]) => void): unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shape of Node's own signature
  off(event: string, listener: (...args: any[]) => void): unknown;
  exit(code: number): void;
}

export interface LastGaspOptions {
  /** Puts the robot in its safe state; its synchronous part runs first, before anything else. */
  readonly stop: () => Promise<void> | void;
  /** Signals that end the process here. Default: SIGHUP (a closed terminal). */
  readonly signals?: readonly NodeJS.Signals[];
  /** How long to wait for `stop` before exiting anyway. Default 1000 ms. */
  readonly graceMs?: number;
  readonly process?: LastGaspProcess;
  /** Where the sentence goes. Default: stderr. */
  readonly say?: (line: string) => void;
}

/** sysexits' EX_SOFTWARE: the host failed. */
export const HOST_FAILED_EXIT = 70;

/** Installs the handlers; returns a function that removes them (a clean shutdown). */
export function installLastGasp(options: LastGaspOptions): () => void {
  const proc: LastGaspProcess = options.process ?? process;
  const say = options.say ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const graceMs = options.graceMs ?? 1000;
  let going = false;

  const stopSafely = (): Promise<void> => {
    try {
      return Promise.resolve(options.stop()).catch(() => undefined);
    } catch {
      return Promise.resolve();
    }
  };
  const goodbye = (code: number, line: string): void => {
    if (going) return;
    going = true;
    const stopped = stopSafely();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    void Promise.race([stopped, late]).then(() => {
      clearTimeout(timer);
      say(line);
      proc.exit(code);
    });
  };
  const failed = (error: unknown): void => {
    if (going) return;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    goodbye(HOST_FAILED_EXIT, bilingual('host-failed', { detail: detail.slice(0, 200) }));
  };
  const signalled = (signal: NodeJS.Signals): void => {
    if (going) return proc.exit(128 + (constants.signals[signal] ?? 0));
    goodbye(128 + (constants.signals[signal] ?? 0), bilingual('host-signalled', { signal }));
  };
  const exiting = (): void => {
    if (!going) void stopSafely();
  };

  const signals = options.signals ?? ['SIGHUP'];
  proc.on('uncaughtException', failed);
  proc.on('unhandledRejection', failed);
  for (const signal of signals) proc.on(signal, signalled);
  proc.on('exit', exiting);
  return () => {
    proc.off('uncaughtException', failed);
    proc.off('unhandledRejection', failed);
    for (const signal of signals) proc.off(signal, signalled);
    proc.off('exit', exiting);
  };
}

function bilingual(code: 'host-failed' | 'host-signalled', params: Record<string, string>): string {
  return `robokit : ${message(code, 'fr', params)}\nrobokit: ${message(code, 'en', params)}`;
}
