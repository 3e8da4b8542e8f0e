/**
 * One Firmata session over an open serial link: firmata-io parses and builds the protocol, every
 * byte it writes goes through our paced, coalescing `CommandQueue`, every byte it reads has passed
 * the `IncomingFilter`. Johnny-Five's Board is created over it once firmata-io is ready.
 */
import { EventEmitter } from 'node:events';
import firmataIo, { type Firmata } from 'firmata-io';
import five, { type Board } from 'johnny-five';
import { AppError } from '../../app/core/errors';
import { CommandQueue, type CommandQueueOptions, type Scheduler, systemScheduler } from './command-queue';
import { messageKey, REPORT_VERSION, supersedesInPlace } from './firmata-messages';
import { IncomingFilter, UNO_PIN_COUNT } from './incoming-filter';
import type { SerialLink } from './serial-link';

/**
 * The queue of a session. Board back-pressure: a 1-byte version query every 32 bytes sent (3 % of
 * the link out, 3 bytes back), at most 96 bytes (17 ms of wire) unanswered; the wire-time estimate
 * lets as much ahead, so the board's answers, not a timer, set the pace. A stop then waits behind at
 * most ~128 bytes (22 ms at 57,600 baud). See `CommandQueue`. Measured on the emulated Uno on a
 * loaded 2-core machine (bench/link-*.bench.ts), motor values delivered from a loop without waits:
 * with 16 / 48 and 24 bytes ahead (the earlier setting) ~1,700/s, 0.87 of the wire, as the probes'
 * round trips and 1 ms timers left the wire idle; with 32 / 96 and 96 ahead 1,620–1,865/s (up to
 * 0.97 of the wire, the most with a probe every 32 bytes). Stop under flood, p50 7–10 ms both ways;
 * p99 over 20 trials 12–64 ms here (16 / 48: 10–159 ms): the tail is this machine (socat or our
 * thread descheduled while the board runs on), not the bytes ahead of the stop.
 */
const QUEUE = {
  maxInFlightBytes: 96,
  probe: { bytes: Uint8Array.of(REPORT_VERSION), everyBytes: 32, maxUnacked: 96, timeoutMs: 300 },
} as const satisfies CommandQueueOptions;

/** The Uno's pins (ATmega328P): 20 pins, A0–A5 are 14–19. We skip the capability query. */
const UNO_LAYOUT = { pinCount: UNO_PIN_COUNT, analogPins: [14, 15, 16, 17, 18, 19] };

export interface SessionOptions {
  readonly path: string;
  /** From opening the port to a ready board (a real Uno reboots when the port opens: ~1.6 s). */
  readonly timeoutMs: number;
  /** How often to ask for the version while waiting (the board may not reboot on open). */
  readonly queryEveryMs?: number;
  readonly queue?: CommandQueueOptions;
  readonly scheduler?: Scheduler;
}

export interface FirmataSession {
  readonly firmata: Firmata;
  readonly board: Board;
  readonly queue: CommandQueue;
  readonly link: SerialLink;
  readonly firmware: string;
  /** Malformed data from the board; at most once a second, with the running count. */
  onDidProtocolError(listener: (errors: number) => void): () => void;
  /** The board announced itself again after ready: it rebooted and lost its pin setup. */
  onDidBoardReset(listener: () => void): () => void;
  close(): Promise<void>;
}

/** What firmata-io sees as its serial port. */
class QueuedTransport extends EventEmitter {
  constructor(private readonly queue: CommandQueue) {
    super();
  }

  write(data: Buffer, callback: (error?: Error | null) => void): boolean {
    const bytes = new Uint8Array(data);
    const key = messageKey(bytes);
    return this.queue.send(key === undefined ? { bytes } : { bytes, key, inPlace: supersedesInPlace(key) }, callback);
  }
}

export async function startFirmataSession(link: SerialLink, options: SessionOptions): Promise<FirmataSession> {
  const scheduler = options.scheduler ?? systemScheduler;
  const queue = new CommandQueue(link, { ...QUEUE, ...options.queue, scheduler });
  const transport = new QueuedTransport(queue);
  const firmata = new firmataIo.Firmata(transport, {
    skipCapabilities: true,
    ...UNO_LAYOUT,
    // We ask ourselves (below); firmata-io's own timer must not outlive a failed connect.
    reportVersionTimeout: options.timeoutMs,
  });
  // Pin state replies only for the pins firmata-io's table holds (empty until the board is ready).
  const filter = new IncomingFilter(() => firmata.pins.length);
  const protocolListeners = new Set<(errors: number) => void>();
  const resetListeners = new Set<() => void>();
  let received = 0;
  let reportedAt = -Infinity;
  let askedAt = -Infinity;
  let ready = false;

  const offData = link.onData((chunk) => {
    received += chunk.length;
    const before = filter.errors;
    const clean = filter.push(chunk);
    if (clean.length > 0) {
      try {
        transport.emit('data', Buffer.from(clean));
      } catch {
        // firmata-io threw on a message it could not handle: drop its partial state.
        filter.errors++;
        firmata.buffer.length = 0;
      }
    }
    if (ready && filter.errors > before && scheduler.now() - reportedAt >= 1000) {
      reportedAt = scheduler.now();
      for (const l of [...protocolListeners]) l(filter.errors);
    }
  });

  const cancelQueries: Array<() => void> = [];
  const ask = (): void => {
    askedAt = scheduler.now();
    firmata.reportVersion(() => {});
    firmata.queryFirmware(() => {});
    cancelQueries.push(scheduler.setTimer(ask, options.queryEveryMs ?? 1000));
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const cancelTimeout = scheduler.setTimer(() => {
        const code = received > 0 ? 'robot-no-firmata' : 'robot-no-answer';
        reject(new AppError({ code, params: { path: options.path } }));
      }, options.timeoutMs);
      cancelQueries.push(cancelTimeout);
      const offClose = link.onClose(() => reject(new AppError({ code: 'robot-no-answer', params: { path: options.path } })));
      firmata.once('ready', () => {
        offClose();
        resolve();
      });
      ask();
    });
  } catch (error) {
    offData();
    queue.close();
    throw error;
  } finally {
    for (const cancel of cancelQueries) cancel();
    clearTimeout(firmata.reportVersionTimeoutId);
  }

  ready = true;
  firmata.on('reportversion', () => queue.acknowledge());
  queue.enableProbes();
  // After ready, a firmware report we did not ask for (a late answer is not one) means the board
  // rebooted and lost its pin setup.
  firmata.on('queryfirmware', () => {
    if (scheduler.now() - askedAt < 1500) return;
    for (const l of [...resetListeners]) l();
  });

  const board = new five.Board({ io: firmata, repl: false, sigint: false, debug: false });
  board.on('error', () => {}); // errors reach us through the link; never let J5 throw them
  if (!board.isReady) await new Promise<void>((resolve) => board.once('ready', () => resolve()));

  return {
    firmata,
    board,
    queue,
    link,
    firmware: `${firmata.firmware.name ?? 'Firmata'} ${firmata.version.major ?? '?'}.${firmata.version.minor ?? '?'}`,
    onDidProtocolError(listener) {
      protocolListeners.add(listener);
      return () => protocolListeners.delete(listener);
    },
    onDidBoardReset(listener) {
      resetListeners.add(listener);
      return () => resetListeners.delete(listener);
    },
    async close() {
      offData();
      queue.close();
      firmata.removeAllListeners();
      board.removeAllListeners();
      board.on('error', () => {});
      await link.close();
    },
  };
}
