/**
 * Does the RoboKit firmware answer on this link? Asks `hello` (again every `askEveryMs`: a board
 * that resets when the port opens misses the first ones, then says hello itself), takes the first
 * `hello fw=robokit …` line, then drains: it sends a word the firmware does not know, `syncN` (again
 * with the next N after `askEveryMs` of silence), and waits for the answer to the last one sent,
 * `err unknown syncN`. The board answers in order, so every late answer (to an extra `hello`, to an
 * earlier `syncN`) came before it: none reaches the line transport, whose answers are paired first
 * in, first out. (An `ok` would not do: on a slow board several are due, and the first says nothing
 * of the others.)
 *
 * StandardFirmata is told apart at once: the first thing sent is Firmata's 1-byte version query
 * (0xF9, then a newline; to the RoboKit firmware one bad line, `err unknown`). Firmata's answer, its
 * boot announcement, or its 57,600-baud bytes read at 115,200 all carry bytes ≥ 0x80, which the
 * RoboKit firmware never sends before its first line (its lines begin with an ASCII word; only the
 * robot's name, at the end of its hello, may hold UTF-8 bytes ≥ 0x80 — a boot hello can be the
 * first line heard):
 * the probe gives up at Firmata's 0xF9, or at a few such bytes (one glitch at reset is forgiven), and
 * a Firmata board does not wait for the probe's timeout.
 */
import { ReadlineParser } from '@serialport/parser-readline';
import { type Scheduler, systemScheduler } from './command-queue';
import { REPORT_VERSION } from './firmata-messages';
import { parseHello, PROTOCOLS, type RobokitHello } from './robokit-hello';
import type { SerialLink } from './serial-link';

/** Bytes ≥ 0x80 before any RoboKit line that mean another firmware (or another baud rate) talks. */
const NOT_ROBOKIT_HIGH_BYTES = 3;
/**
 * Longer than any line the RoboKit firmware sends: its hello, the longest, is ~150 bytes with every
 * capability, a long kit id and a 24-byte name (docs/protocol.md).
 */
const LINE_MAX_BYTES = 200;

export interface ProbeOptions {
  /** Until a RoboKit line is heard. */
  readonly timeoutMs: number;
  /** Once one is heard (a slow board is still answering): the whole handshake. Default `timeoutMs`. */
  readonly heardTimeoutMs?: number;
  readonly askEveryMs?: number;
  readonly scheduler?: Scheduler;
}

/** The board's hello, or undefined when nothing RoboKit answered in time. */
export function probeRobokit(link: SerialLink, options: ProbeOptions): Promise<RobokitHello | undefined> {
  const scheduler = options.scheduler ?? systemScheduler;
  const every = options.askEveryMs ?? 300;
  return new Promise((resolve) => {
    const parser = new ReadlineParser({ delimiter: '\n', encoding: 'utf8' });
    let hello: RobokitHello | undefined;
    let cancelAsk: (() => void) | undefined;
    let sync = 0;
    let heardAt = scheduler.now();
    const ask = (): void => {
      // Once hello is heard, a new syncN only after a silence: a slow board still sending earlier
      // answers would otherwise be chased by a newer syncN forever.
      const quiet = scheduler.now() - heardAt >= every;
      if (!hello || sync === 0 || quiet) {
        if (hello) sync++;
        link.write(Buffer.from(hello ? `sync${sync}\n` : 'hello\n'), () => {});
      }
      cancelAsk = scheduler.setTimer(ask, every);
    };
    const finish = (result: RobokitHello | undefined): void => {
      cancelAsk?.();
      cancelTimeout();
      offData();
      offClose();
      parser.removeAllListeners('data');
      resolve(result);
    };
    let heard = false;
    let highBytes = 0;
    // Where the bytes read so far leave the current line: its length, and whether it began as the
    // RoboKit firmware's lines do (a lowercase ASCII word). Such a line may carry the robot's name
    // in UTF-8 (« Hélène »: bytes ≥ 0x80) and is not counted against RoboKit, up to LINE_MAX_BYTES.
    let lineLength = 0;
    let lineLooksRobokit = false;
    const countHighBytes = (chunk: Uint8Array): void => {
      for (const byte of chunk) {
        if (byte === 0x0a) {
          lineLength = 0;
          continue;
        }
        if (lineLength === 0) lineLooksRobokit = byte >= 0x61 && byte <= 0x7a;
        lineLength++;
        if (byte >= 0x80 && !(lineLooksRobokit && lineLength <= LINE_MAX_BYTES)) highBytes++;
      }
    };
    parser.on('data', (raw: string) => {
      const line = raw.replace(/\r$/, '');
      if (!heard && /^(hello fw=robokit|err |ok$)/.test(line)) {
        heard = true;
        cancelTimeout();
        const rest = (options.heardTimeoutMs ?? options.timeoutMs) - (scheduler.now() - started);
        cancelTimeout = scheduler.setTimer(() => finish(undefined), Math.max(0, rest));
      }
      if (!hello) {
        hello = parseHello(line);
        if (hello && !(PROTOCOLS as readonly number[]).includes(hello.protocol)) {
          finish(hello); // not one we drive: no need to drain
        } else if (hello) {
          cancelAsk?.();
          ask();
        }
      } else if (line === `err unknown sync${sync}`) {
        finish(hello);
      }
    });
    const offData = link.onData((chunk) => {
      heardAt = scheduler.now();
      if (!heard) {
        countHighBytes(chunk);
        if (chunk.includes(REPORT_VERSION) || highBytes >= NOT_ROBOKIT_HIGH_BYTES) return finish(undefined);
      }
      parser.write(chunk);
    });
    const offClose = link.onClose(() => finish(undefined));
    const started = scheduler.now();
    let cancelTimeout = scheduler.setTimer(() => finish(undefined), options.timeoutMs);
    link.write(Uint8Array.of(REPORT_VERSION, 0x0a), () => {});
    ask();
  });
}
