/**
 * The RoboKit firmware's line protocol on the host (docs/protocol.md): text lines in, text lines
 * out, read with `@serialport/parser-readline`.
 *
 * - Every command gets exactly one answer (`ok …`, `err …`, `hello …`), paired first in, first out.
 *   Any other line is an event (`done`, `stopped`, `s`, `evt`, an unasked boot `hello`).
 * - At most `windowBytes` (48) bytes of unanswered commands on the wire: the board's receive buffer
 *   holds 64, so a `stop` written at once always fits behind them.
 * - A command with a key (`m`, `led`, …) replaces an unsent one with the same key queued after the
 *   last unkeyed command: a program that sets the motors in a tight loop sends only the latest value.
 * - `stop` jumps the queue: written at once, everything not yet written is dropped.
 * - Heartbeat: `hb` when nothing was written for `heartbeatMs` (the board's failsafe hears the host).
 * - Lost link: the port closes, or a command stays unanswered for `lostAfterMs`.
 * - Bad lines from the board (noise at boot, an answer nobody asked for, a word we do not know) are
 *   counted and reported, never fatal.
 */
import { ReadlineParser } from '@serialport/parser-readline';
import { type Scheduler, systemScheduler } from './command-queue';
import type { SerialLink } from './serial-link';

export const LINE_DEFAULTS = { windowBytes: 48, heartbeatMs: 100, lostAfterMs: 1000, maxQueued: 1000 } as const;
/** The longest line we accept from the board; longer is noise. */
const MAX_LINE = 200;
const ANSWER_WORDS = new Set(['ok', 'err']);
const EVENT_WORDS = new Set(['done', 'stopped', 's', 'evt', 'hello']);

export interface LineTransportOptions {
  readonly scheduler?: Scheduler;
  readonly windowBytes?: number;
  readonly heartbeatMs?: number;
  readonly lostAfterMs?: number;
  readonly maxQueued?: number;
}

/** An answer: `ok` with its `key=value` fields, or `err CODE detail`, or a `hello` line. */
export interface Answer {
  readonly ok: boolean;
  readonly line: string;
  /** `key=value` pairs of an `ok` or `hello` answer. */
  readonly fields: Readonly<Record<string, string>>;
  /** `err` code (`unknown`, `range`, …). */
  readonly code?: string;
}

/** A line the board sent unasked. */
export interface BoardEvent {
  readonly word: string;
  readonly args: readonly string[];
  readonly line: string;
}

export class LinkLostError extends Error {
  constructor(reason: string) {
    super(`robot link lost: ${reason}`);
    this.name = 'LinkLostError';
  }
}

export class DroppedError extends Error {
  constructor() {
    super('command dropped by stop');
    this.name = 'DroppedError';
  }
}

export interface LineStats {
  sent: number;
  superseded: number;
  refused: number;
  heartbeats: number;
  badLines: number;
  errors: number;
}

interface Command {
  readonly line: string;
  readonly bytes: number;
  readonly key: string | undefined;
  readonly resolve: ((answer: Answer) => void) | undefined;
  readonly reject: ((error: Error) => void) | undefined;
  sentAt: number;
  /** How long its answer may take before the link counts as lost (default `lostAfterMs`). */
  readonly patienceMs?: number;
}

/** `key=value` tokens of a line; `name=` runs to the end of the line (it may hold spaces). */
export function parseFields(tokens: readonly string[], line: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const token of tokens) {
    const eq = token.indexOf('=');
    if (eq <= 0) continue;
    const key = token.slice(0, eq);
    if (key === 'name') {
      out.name = line.slice(line.indexOf(' name=') + 6);
      break;
    }
    out[key] = token.slice(eq + 1);
  }
  return out;
}

export function parseAnswer(line: string): Answer {
  const tokens = line.split(/ +/);
  if (tokens[0] === 'err') return { ok: false, line, fields: {}, code: tokens[1] ?? '' };
  return { ok: true, line, fields: parseFields(tokens.slice(1), line) };
}

/** A control character (a Firmata byte, noise at boot) never belongs in a protocol line. */
function hasControl(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) < 0x20) return true;
  return false;
}

export class LineTransport {
  readonly stats: LineStats = { sent: 0, superseded: 0, refused: 0, heartbeats: 0, badLines: 0, errors: 0 };
  private readonly queue: Command[] = [];
  private readonly inFlight: Command[] = [];
  private inFlightBytes = 0;
  private readonly scheduler: Scheduler;
  private readonly windowBytes: number;
  private readonly heartbeatMs: number;
  private readonly lostAfterMs: number;
  private readonly maxQueued: number;
  private readonly eventListeners = new Set<(event: BoardEvent) => void>();
  private readonly lostListeners = new Set<(error: Error) => void>();
  private readonly problemListeners = new Set<(line: string) => void>();
  private readonly offs: Array<() => void> = [];
  private lastWriteAt: number;
  private cancelBeat: (() => void) | undefined;
  private ended: Error | undefined;

  constructor(
    private readonly link: SerialLink,
    options: LineTransportOptions = {},
  ) {
    this.scheduler = options.scheduler ?? systemScheduler;
    this.windowBytes = options.windowBytes ?? LINE_DEFAULTS.windowBytes;
    this.heartbeatMs = options.heartbeatMs ?? LINE_DEFAULTS.heartbeatMs;
    this.lostAfterMs = options.lostAfterMs ?? LINE_DEFAULTS.lostAfterMs;
    this.maxQueued = options.maxQueued ?? LINE_DEFAULTS.maxQueued;
    this.lastWriteAt = this.scheduler.now();
    const parser = new ReadlineParser({ delimiter: '\n', encoding: 'utf8' });
    parser.on('data', (line: string) => this.receive(line));
    this.offs.push(
      link.onData((chunk) => parser.write(chunk)),
      link.onClose((error) => this.lose(error ?? new Error('port closed'))),
    );
  }

  get lost(): boolean {
    return this.ended !== undefined;
  }

  /** Bytes of commands written and not yet answered. */
  get unansweredBytes(): number {
    return this.inFlightBytes;
  }

  /**
   * Send a command and get its answer (an `err` answer resolves too: look at `ok`). `patienceMs`:
   * for a command the board is slow to answer (`cfg save` writes EEPROM: ~3.3 ms a byte).
   */
  request(line: string, patienceMs?: number): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => this.enqueue(line, undefined, resolve, reject, patienceMs));
  }

  /** Send a command whose answer only matters if it is an error (counted and reported). */
  send(line: string, key?: string): boolean {
    return this.enqueue(line, key, undefined, undefined);
  }

  /**
   * `stop`, ahead of everything: what is queued is dropped, the line is written now (at most the
   * window's 48 bytes behind what is already on the wire). Resolves with its answer.
   */
  stop(line = 'stop'): Promise<Answer> {
    if (this.ended) return Promise.reject(this.ended);
    for (const c of this.queue.splice(0)) c.reject?.(new DroppedError());
    return new Promise<Answer>((resolve, reject) => {
      this.write({ line, bytes: line.length + 1, key: undefined, resolve, reject, sentAt: 0 });
    });
  }

  /**
   * The host process is going down: drop what is queued and write `stop` at once — synchronously
   * where the link can, so it reaches the OS even if the event loop never turns again — then once
   * more through the ordinary path, behind any older write still in the OS's hands. The leading
   * newline ends a line cut short by a partial write (the board ignores an empty line). Nothing is
   * sent after. Resolves when the OS has taken the second copy (or the link is gone).
   */
  lastGasp(): Promise<void> {
    const bytes = Buffer.from('\nstop\n', 'utf8');
    for (const c of this.queue.splice(0)) c.reject?.(new DroppedError());
    this.stopHeartbeat();
    try {
      this.link.writeSync?.(bytes);
    } catch {
      // The link is gone: the board's failsafe stops the motors.
    }
    this.ended ??= new LinkLostError('the host is going down');
    return new Promise<void>((resolve) => this.link.write(bytes, () => resolve()));
  }

  /** Start the heartbeat (`hb` when idle) and the lost-link check. */
  startHeartbeat(): void {
    if (this.cancelBeat || this.ended) return;
    const beat = (): void => {
      this.cancelBeat = undefined;
      if (this.ended) return;
      const now = this.scheduler.now();
      const oldest = this.inFlight[0];
      if (oldest && now - oldest.sentAt >= (oldest.patienceMs ?? this.lostAfterMs)) {
        this.lose(new Error(`no answer for ${Math.round(now - oldest.sentAt)} ms`));
        return;
      }
      if (now - this.lastWriteAt >= this.heartbeatMs - 1 && this.queue.length === 0) {
        this.stats.heartbeats++;
        this.send('hb');
      }
      this.cancelBeat = this.scheduler.setTimer(beat, this.heartbeatMs);
    };
    this.cancelBeat = this.scheduler.setTimer(beat, this.heartbeatMs);
  }

  stopHeartbeat(): void {
    this.cancelBeat?.();
    this.cancelBeat = undefined;
  }

  onEvent(listener: (event: BoardEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onDidLose(listener: (error: Error) => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  /** A line from the board we could not use, or an `err` answer to a fire-and-forget command. */
  onDidReportProblem(listener: (line: string) => void): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  /** Stop the heartbeat, forget what is pending, close the port. */
  async close(): Promise<void> {
    this.finish(new LinkLostError('closed'));
    await this.link.close().catch(() => {});
  }

  private enqueue(
    line: string,
    key: string | undefined,
    resolve: ((answer: Answer) => void) | undefined,
    reject: ((error: Error) => void) | undefined,
    patienceMs?: number,
  ): boolean {
    if (this.ended) {
      reject?.(this.ended);
      return false;
    }
    if (key !== undefined && this.supersede(line, key, resolve, reject)) return true;
    if (this.queue.length >= this.maxQueued) {
      this.stats.refused++;
      reject?.(new Error('line queue full'));
      return false;
    }
    const bytes = Buffer.byteLength(line) + 1;
    this.queue.push({ line, bytes, key, resolve, reject, sentAt: 0, ...(patienceMs === undefined ? {} : { patienceMs }) });
    this.pump();
    return true;
  }

  /** A keyed command replaces the unsent one with its key, if no unkeyed command sits after it. */
  private supersede(
    line: string,
    key: string,
    resolve: ((answer: Answer) => void) | undefined,
    reject: ((error: Error) => void) | undefined,
  ): boolean {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const queued = this.queue[i]!;
      if (queued.key === undefined) return false;
      if (queued.key !== key || queued.resolve || resolve) continue;
      this.queue[i] = { line, bytes: Buffer.byteLength(line) + 1, key, resolve, reject, sentAt: 0 };
      this.stats.superseded++;
      return true;
    }
    return false;
  }

  private pump(): void {
    while (!this.ended && this.queue.length > 0 && this.inFlightBytes + this.queue[0]!.bytes <= this.windowBytes) {
      this.write(this.queue.shift()!);
    }
  }

  private write(command: Command): void {
    command.sentAt = this.scheduler.now();
    this.lastWriteAt = command.sentAt;
    this.inFlight.push(command);
    this.inFlightBytes += command.bytes;
    this.stats.sent++;
    this.link.write(Buffer.from(`${command.line}\n`, 'utf8'), (error) => {
      if (error) this.lose(error);
    });
  }

  private receive(raw: string): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.length === 0) return;
    const tokens = line.split(/ +/);
    const word = tokens[0]!;
    if (line.length > MAX_LINE || hasControl(line)) return this.bad(line);
    const oldest = this.inFlight[0];
    if (ANSWER_WORDS.has(word) || (word === 'hello' && oldest?.line === 'hello')) {
      if (!oldest) return this.bad(line);
      this.answer(parseAnswer(line));
      return;
    }
    if (!EVENT_WORDS.has(word)) return this.bad(line);
    if (word === 'hello') this.forgetInFlight(); // the board rebooted: what was on the wire is gone
    const event: BoardEvent = { word, args: tokens.slice(1), line };
    for (const l of [...this.eventListeners]) l(event);
  }

  private answer(answer: Answer): void {
    const command = this.inFlight.shift()!;
    this.inFlightBytes -= command.bytes;
    if (!answer.ok) {
      this.stats.errors++;
      if (!command.resolve) this.problem(`${command.line} → ${answer.line}`);
    }
    command.resolve?.(answer);
    this.pump();
  }

  private forgetInFlight(): void {
    for (const c of this.inFlight.splice(0)) c.reject?.(new DroppedError());
    this.inFlightBytes = 0;
    this.pump();
  }

  private bad(line: string): void {
    this.stats.badLines++;
    this.problem(line);
  }

  private problem(line: string): void {
    for (const l of [...this.problemListeners]) l(line);
  }

  private lose(error: Error): void {
    if (this.ended) return;
    this.finish(new LinkLostError(error.message));
    for (const l of [...this.lostListeners]) l(this.ended!);
  }

  private finish(error: Error): void {
    if (this.ended) return;
    this.ended = error;
    this.stopHeartbeat();
    for (const off of this.offs.splice(0)) off();
    for (const c of [...this.inFlight.splice(0), ...this.queue.splice(0)]) c.reject?.(error);
    this.inFlightBytes = 0;
  }
}
