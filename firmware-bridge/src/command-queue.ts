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
 * - `urgent` (the stop) is written at once, ahead of everything queued, and the same keys still
 *   queued are dropped (or, behind a barrier, rewritten to the urgent value).
 * - No busy timers: a timer is armed only while something waits for the link.
 */
import type { OutgoingMessage } from './firmata-messages';

export type WriteDone = (error?: Error | null) => void;

/** Where the bytes go (the serial port). `done` runs once the OS has taken them. */
export interface ByteSink {
  write(bytes: Uint8Array, done: WriteDone): void;
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
  /** OS writes whose callback has not come back yet. */
  readonly maxPendingWrites?: number;
  readonly scheduler?: Scheduler;
}

export interface QueueStats {
  /** Messages handed to the OS (urgent ones included). */
  sent: number;
  bytes: number;
  superseded: number;
  refused: number;
  urgent: number;
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
  readonly stats: QueueStats = { sent: 0, bytes: 0, superseded: 0, refused: 0, urgent: 0 };
  private readonly entries: Entry[] = [];
  private readonly rate: number;
  private readonly maxInFlight: number;
  private readonly maxQueued: number;
  private readonly maxPending: number;
  private readonly scheduler: Scheduler;
  /** Estimated bytes not yet on the wire, as of `backlogAt`. */
  private backlog = 0;
  private backlogAt: number;
  private pendingWrites = 0;
  private cancelTimer: (() => void) | undefined;
  private closed = false;
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
    const batch: Entry[] = [];
    let size = 0;
    while (this.entries.length > 0 && this.pendingWrites < this.maxPending) {
      const next = this.entries[0]!;
      const fits = this.backlog + size + next.bytes.length <= this.maxInFlight;
      // A message longer than the window goes alone, once the link is idle.
      if (!fits && (size > 0 || this.backlog > 0.5)) break;
      batch.push(this.entries.shift()!);
      size += next.bytes.length;
      if (!fits) break;
    }
    if (batch.length > 0) {
      this.writeNow(concat(batch.map((e) => e.bytes)), batch.length, (error) => {
        for (const e of batch) e.done?.(error ?? null);
      });
    }
    if (this.entries.length > 0 && this.pendingWrites < this.maxPending && !this.cancelTimer) {
      const needed = this.backlog + this.entries[0]!.bytes.length - this.maxInFlight;
      const waitMs = Math.max(1, Math.ceil((needed * 1000) / this.rate));
      this.cancelTimer = this.scheduler.setTimer(() => {
        this.cancelTimer = undefined;
        this.pump();
      }, waitMs);
    }
  }

  private writeNow(bytes: Uint8Array, messages: number, done: WriteDone): void {
    this.updateBacklog();
    this.backlog += bytes.length;
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
