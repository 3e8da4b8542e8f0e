/**
 * The outgoing command path to a Firmata board, with back-pressure.
 *
 * Why pace ourselves: serialport's write callback fires when the OS took the bytes, not when they
 * left on the wire. Measured on a pty: with the far end not reading, ~21 KB are "written" within
 * 12 ms and `drain` only comes after the 64 KB stream buffer fills — at 57,600 baud that is seconds
 * of backlog a stop would wait behind. So the queue keeps its own estimate of the bytes still
 * waiting in the OS and the link (they leave at `bytesPerSecond`), and hands the OS at most
 * `maxInFlightBytes` ahead of the wire.
 *
 * - Bounded: at most `maxQueued` entries; more is refused (`send` returns false).
 * - Coalescing: a message with a key (a pin or a port) supersedes an unsent one with the same key
 *   queued after the last unkeyed message (pin modes and queries are barriers: order matters there).
 *   A PWM value moves to the end of the queue (it may arrive later than queued); a digital port
 *   (`inPlace`: the motors' direction pins) takes the old one's place (it may arrive earlier). So a
 *   direction never reaches the board after the PWM written after it: port 0 holds both motors'
 *   directions, and moving it to the end put the left PWM ahead of the left direction under a flood
 *   (once seen ~1.3 s apart on a loaded machine).
 * - `urgent` (the stop) is written at once, ahead of everything queued, and the same keys still
 *   queued are dropped (or, behind a barrier, rewritten to the urgent value).
 * - Board back-pressure (`probe`): the time estimate assumes the board keeps up with the wire. A
 *   board (or emulator) that consumes more slowly lets a backlog grow at its end, where no stop can
 *   jump it. So, once enabled, every `everyBytes` the queue adds a probe the board answers (Firmata's
 *   1-byte version query) and keeps at most `maxUnacked` bytes sent but not yet answered for. A
 *   probe unanswered after `timeoutMs` counts as answered (a lost reply must not stall the robot).
 *   Measured on the emulated Uno running at 0.65–0.75× real time (a loaded machine): stop under
 *   flood p99 132 ms without probes, 21–42 ms with them (p50 ≈ 7 ms).
 * - Once the board answers probes, the OS's confirmations of each write are not waited for (the
 *   board's answers already bound what is ahead, and each confirmation is a host round trip).
 * - No busy timers: a timer is armed only while something waits for the link.
 * - `lastGasp` (the process is failing): the stop is written synchronously where the link allows,
 *   then once more behind any write already handed to the OS, and nothing is sent after it.
 */
import { END_SYSEX, type OutgoingMessage } from './firmata-messages';

export type WriteDone = (error?: Error | null) => void;

/** Where the bytes go (the serial port). `done` runs once the OS has taken them. */
export interface ByteSink {
  write(bytes: Uint8Array, done: WriteDone): void;
  /**
   * Hands the bytes to the OS before returning, past any write still in progress, when the link
   * can (a POSIX serial port); false when it cannot. For the last words of a dying process.
   */
  writeSync?(bytes: Uint8Array): boolean;
}

export interface Scheduler {
  now(): number;
  /** Runs `fn` once after `ms`; returns a cancel function. */
  setTimer(fn: () => void, ms: number): () => void;
}

export const systemScheduler: Scheduler = {
  now: () => performance.now(),
  setTimer: (fn, ms) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

export interface CommandQueueOptions {
  /** What the link carries: 57,600 baud 8N1 ⇒ 5,760 bytes/s. */
  readonly bytesPerSecond?: number;
  /** Bytes allowed ahead of the wire (each 6 bytes ≈ 1 ms at 57,600 baud). */
  readonly maxInFlightBytes?: number;
  readonly maxQueued?: number;
  /**
   * OS writes whose callback has not come back yet, until the board's answers pace the queue
   * (`enableProbes`); from then on they do not count, see `mayWrite`.
   */
  readonly maxPendingWrites?: number;
  readonly scheduler?: Scheduler;
  readonly probe?: ProbeOptions;
}

export interface ProbeOptions {
  /** A message the board answers once it has processed everything before it. */
  readonly bytes: Uint8Array;
  readonly everyBytes: number;
  readonly maxUnacked: number;
  readonly timeoutMs: number;
}

export interface QueueStats {
  /** Messages handed to the OS (urgent ones included). */
  sent: number;
  bytes: number;
  superseded: number;
  refused: number;
  urgent: number;
  probes: number;
}

interface Entry {
  bytes: Uint8Array;
  readonly key: string | undefined;
  readonly done: WriteDone | undefined;
}

export class QueueFullError extends Error {
  constructor() {
    super('command queue full');
    this.name = 'QueueFullError';
  }
}

export class QueueClosedError extends Error {
  constructor() {
    super('command queue closed');
    this.name = 'QueueClosedError';
  }
}

export class CommandQueue {
  readonly stats: QueueStats = { sent: 0, bytes: 0, superseded: 0, refused: 0, urgent: 0, probes: 0 };
  private readonly entries: Entry[] = [];
  private readonly rate: number;
  private readonly maxInFlight: number;
  private readonly maxQueued: number;
  private readonly maxPending: number;
  private readonly scheduler: Scheduler;
  private readonly probeOptions: ProbeOptions | undefined;
  /** Estimated bytes not yet on the wire, as of `backlogAt`. */
  private backlog = 0;
  private backlogAt: number;
  private pendingWrites = 0;
  private cancelTimer: (() => void) | undefined;
  private closed = false;
  private probing = false;
  /** Bytes handed to the OS so far, and how many of them the board has answered for. */
  private written = 0;
  private acked = 0;
  private sinceProbe = 0;
  private readonly probes: Array<{ readonly upTo: number; readonly sentAt: number }> = [];
  private readonly failListeners = new Set<(error: Error) => void>();

  constructor(
    private readonly sink: ByteSink,
    options: CommandQueueOptions = {},
  ) {
    this.rate = options.bytesPerSecond ?? 5760;
    this.maxInFlight = options.maxInFlightBytes ?? 24;
    this.maxQueued = options.maxQueued ?? 256;
    this.maxPending = options.maxPendingWrites ?? 4;
    this.scheduler = options.scheduler ?? systemScheduler;
    this.probeOptions = options.probe;
    this.backlogAt = this.scheduler.now();
  }

  /** Entries waiting to be written. */
  get length(): number {
    return this.entries.length;
  }

  /** Queue one message; false when the queue is full or closed (then `done` gets the error). */
  send(message: OutgoingMessage, done?: WriteDone): boolean {
    if (this.closed) {
      done?.(new QueueClosedError());
      return false;
    }
    const key = message.key;
    if (key !== undefined && message.inPlace && this.replaceInPlace(key, message.bytes, done)) return true;
    if (key !== undefined) this.dropSuperseded(key);
    if (this.entries.length >= this.maxQueued) {
      this.stats.refused++;
      done?.(new QueueFullError());
      return false;
    }
    this.entries.push({ bytes: message.bytes, key, done });
    this.pump();
    return true;
  }

  /**
   * Write these now, ahead of everything queued; the same keys still queued are superseded.
   * Resolves when the OS has taken them.
   */
  urgent(messages: readonly OutgoingMessage[]): Promise<void> {
    if (this.closed) return Promise.reject(new QueueClosedError());
    for (const m of messages) if (m.key !== undefined) this.overrideQueued(m.key, m.bytes);
    this.stats.urgent++;
    const bytes = concat(messages.map((m) => m.bytes));
    return new Promise<void>((resolve, reject) => {
      this.writeNow(bytes, messages.length, (error) => (error ? reject(error) : resolve()));
    });
  }

  /**
   * The host is going down: drop everything queued, write these at once — synchronously when the
   * sink can, so they reach the OS even if the event loop never turns again — then once more through
   * the ordinary path, so they also land after any older write still in the OS's hands. Nothing is
   * sent after them. Resolves when the OS has taken the second copy.
   */
  lastGasp(messages: readonly OutgoingMessage[]): Promise<void> {
    const bytes = concat(messages.map((m) => m.bytes));
    // A message cut short by a partial write would swallow ours: END_SYSEX closes an open sysex
    // and is ignored otherwise.
    try {
      this.sink.writeSync?.(concat([Uint8Array.of(END_SYSEX), bytes]));
    } catch {
      // The link is gone; the asynchronous copy below reports it.
    }
    this.close();
    this.stats.urgent++;
    return new Promise<void>((resolve, reject) => {
      this.writeNow(bytes, messages.length, (error) => (error ? reject(error) : resolve()));
    });
  }

  /** Start probing the board (after the handshake: the probe's answer must not confuse it). */
  enableProbes(): void {
    this.probing = this.probeOptions !== undefined;
  }

  /** The board answered a probe: everything written before it has been processed. */
  acknowledge(): void {
    const probe = this.probes.shift();
    if (probe) this.acked = Math.max(this.acked, probe.upTo);
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.pump();
  }

  /** Called when a write fails (the link is gone). */
  onDidFail(listener: (error: Error) => void): () => void {
    this.failListeners.add(listener);
    return () => this.failListeners.delete(listener);
  }

  /** Refuse everything from now on; queued entries are told. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    const dropped = this.entries.splice(0);
    for (const e of dropped) e.done?.(new QueueClosedError());
  }

  /** Give an unsent entry with this key (after the last barrier) these bytes; false when there is none. */
  private replaceInPlace(key: string, bytes: Uint8Array, done: WriteDone | undefined): boolean {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (e.key === undefined) return false;
      if (e.key === key) {
        this.entries[i] = { bytes, key, done };
        this.stats.superseded++;
        e.done?.(null);
        return true;
      }
    }
    return false;
  }

  /** Remove an unsent entry with this key, if it is after the last barrier. */
  private dropSuperseded(key: string): void {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (e.key === undefined) return;
      if (e.key === key) {
        this.entries.splice(i, 1);
        this.stats.superseded++;
        e.done?.(null);
        return;
      }
    }
  }

  /** Before any barrier: drop (the urgent write replaces it). After one: send the urgent value there. */
  private overrideQueued(key: string, bytes: Uint8Array): void {
    let behindBarrier = false;
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      if (e.key === undefined) behindBarrier = true;
      else if (e.key === key) {
        if (behindBarrier) {
          e.bytes = bytes;
        } else {
          this.entries.splice(i--, 1);
          this.stats.superseded++;
          e.done?.(null);
        }
      }
    }
  }

  private updateBacklog(): void {
    const now = this.scheduler.now();
    this.backlog = Math.max(0, this.backlog - ((now - this.backlogAt) * this.rate) / 1000);
    this.backlogAt = now;
  }

  private pump(): void {
    if (this.closed || this.cancelTimer || this.entries.length === 0) return;
    this.updateBacklog();
    const unacked = this.unacked();
    const maxUnacked = this.probing ? this.probeOptions!.maxUnacked : Infinity;
    const batch: Entry[] = [];
    let size = 0;
    while (this.entries.length > 0 && this.mayWrite()) {
      const next = this.entries[0]!;
      const fitsWire = this.backlog + size + next.bytes.length <= this.maxInFlight;
      const fitsBoard = unacked + size + next.bytes.length <= maxUnacked;
      // A message longer than a window goes alone, once the link is idle.
      const idle = size === 0 && this.backlog <= 0.5 && unacked === 0;
      if (!(fitsWire && fitsBoard) && !idle) break;
      batch.push(this.entries.shift()!);
      size += next.bytes.length;
      if (!(fitsWire && fitsBoard)) break;
    }
    if (batch.length > 0) {
      const parts = batch.map((e) => e.bytes);
      this.sinceProbe += size;
      const probe = this.probing && this.sinceProbe >= this.probeOptions!.everyBytes;
      if (probe) parts.push(this.probeOptions!.bytes);
      const bytes = concat(parts);
      if (probe) {
        this.sinceProbe = 0;
        this.stats.probes++;
        this.probes.push({ upTo: this.written + bytes.length, sentAt: this.scheduler.now() });
      }
      this.writeNow(bytes, batch.length, (error) => {
        for (const e of batch) e.done?.(error ?? null);
      });
    }
    if (this.entries.length > 0 && this.mayWrite() && !this.cancelTimer) {
      const needed = this.backlog + this.entries[0]!.bytes.length - this.maxInFlight;
      let waitMs = Math.max(1, Math.ceil((needed * 1000) / this.rate));
      // Waiting for the board: its answer pumps; the timer only bounds a lost answer.
      const oldest = this.probes[0];
      if (this.unacked() + this.entries[0]!.bytes.length > maxUnacked && oldest) {
        waitMs = Math.max(waitMs, Math.ceil(oldest.sentAt + this.probeOptions!.timeoutMs - this.scheduler.now()));
      }
      this.cancelTimer = this.scheduler.setTimer(() => {
        this.cancelTimer = undefined;
        this.pump();
      }, Math.max(1, waitMs));
    }
  }

  /**
   * Whether the OS may be handed another write. Before probing, at most `maxPending` writes it has
   * not confirmed. Once the board answers probes, its answers bound everything ahead (an answered
   * probe means the OS, the wire and the board took every byte before it), and the OS's own
   * confirmations are not waited for: each is a round trip through the host (serialport writes on
   * libuv's thread pool) that takes wall time, not wire time. On a loaded host they came back after
   * p50 7–12 ms, p90 25–108 ms, so 4 writes of one 3-byte message each left the link idle most of the
   * time: 0.08–0.27 of bare firmata-io's commands per board second at load 10–18
   * (bench/link-throughput.bench.ts).
   */
  private mayWrite(): boolean {
    return this.probing || this.pendingWrites < this.maxPending;
  }

  /** Bytes sent the board has not answered for; probes older than the timeout count as answered. */
  private unacked(): number {
    if (!this.probing) return 0;
    const now = this.scheduler.now();
    while (this.probes.length > 0 && now - this.probes[0]!.sentAt > this.probeOptions!.timeoutMs) {
      this.acked = Math.max(this.acked, this.probes.shift()!.upTo);
    }
    // Bytes after the last probe are not waited for: they are fewer than `everyBytes`.
    const lastProbe = this.probes.length > 0 ? this.probes[this.probes.length - 1]!.upTo : this.acked;
    return Math.max(0, lastProbe - this.acked);
  }

  private writeNow(bytes: Uint8Array, messages: number, done: WriteDone): void {
    this.updateBacklog();
    this.backlog += bytes.length;
    this.written += bytes.length;
    this.pendingWrites++;
    this.stats.sent += messages;
    this.stats.bytes += bytes.length;
    let called = false;
    this.sink.write(bytes, (error) => {
      if (called) return;
      called = true;
      this.pendingWrites--;
      done(error);
      if (error) {
        for (const l of [...this.failListeners]) l(error);
      } else {
        this.pump();
      }
    });
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
