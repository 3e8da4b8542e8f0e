/**
 * STK500v1, the protocol of the Arduino Uno's Optiboot and the older Nano bootloader (the subset
 * avrdude uses for them): sync, signature, load address, program page, read page, leave.
 * Strictly one command at a time: the bootloader reads nothing while it writes flash or answers,
 * and the chip holds only three unread bytes.
 */
import type { BootLink } from './boot-link';

export const STK = {
  OK: 0x10,
  INSYNC: 0x14,
  CRC_EOP: 0x20,
  GET_SYNC: 0x30,
  ENTER_PROGMODE: 0x50,
  LEAVE_PROGMODE: 0x51,
  LOAD_ADDRESS: 0x55,
  PROG_PAGE: 0x64,
  READ_PAGE: 0x74,
  READ_SIGN: 0x75,
} as const;

export class Stk500Error extends Error {
  constructor(
    message: string,
    readonly reason: 'timeout' | 'not-in-sync',
  ) {
    super(message);
    this.name = 'Stk500Error';
  }
}

/** Bytes from the board, read in order with a timeout; `drain()` forgets what is waiting. */
class Inbox {
  private buffer: number[] = [];
  private wake: (() => void) | null = null;

  push(chunk: Uint8Array): void {
    for (const byte of chunk) this.buffer.push(byte);
    this.wake?.();
  }

  drain(): number {
    const count = this.buffer.length;
    this.buffer = [];
    return count;
  }

  async read(count: number, timeoutMs: number): Promise<number[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.buffer.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Stk500Error(`no answer within ${timeoutMs} ms`, 'timeout');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
    return this.buffer.splice(0, count);
  }
}

const loadAddress = (byteAddress: number): number[] => [STK.LOAD_ADDRESS, (byteAddress >> 1) & 0xff, (byteAddress >> 9) & 0xff];

/** Time the answer may take beyond its bytes on the wire: the flash write, USB latency, a slow host. */
const COMMAND_SLACK_MS = 1_000;

export class Stk500 {
  private readonly inbox = new Inbox();
  private readonly offData: () => void;

  constructor(
    private readonly link: BootLink,
    private readonly baud: number,
  ) {
    this.offData = link.onData((chunk) => this.inbox.push(chunk));
  }

  dispose(): void {
    this.offData();
  }

  drain(): number {
    return this.inbox.drain();
  }

  /** avrdude's attempt: GET_SYNC, then INSYNC OK within `timeoutMs`, or false. */
  async trySync(timeoutMs: number): Promise<boolean> {
    return this.tryExchange([STK.GET_SYNC, STK.CRC_EOP], timeoutMs);
  }

  /**
   * Sends `bytes` and waits for INSYNC OK. Optiboot answers any unknown command followed by CRC_EOP
   * with INSYNC OK, so a stream of CRC_EOP bytes is read as such pairs however many the chip loses
   * while it blinks its LED (a lost GET_SYNC instead leaves it waiting for a CRC_EOP that the next
   * command's first byte spoils, and it then quits to the application).
   */
  async tryExchange(bytes: readonly number[], timeoutMs: number): Promise<boolean> {
    this.inbox.drain();
    await this.link.write(Uint8Array.from(bytes));
    try {
      const answer = await this.inbox.read(2, timeoutMs);
      return answer[0] === STK.INSYNC && answer[1] === STK.OK;
    } catch (error) {
      if (error instanceof Stk500Error) return false;
      throw error;
    }
  }

  async signature(): Promise<number[]> {
    return this.command([STK.READ_SIGN], 3);
  }

  async enterProgramming(): Promise<void> {
    await this.command([STK.ENTER_PROGMODE], 0);
  }

  async leaveProgramming(): Promise<void> {
    await this.command([STK.LEAVE_PROGMODE], 0);
  }

  /**
   * LOAD_ADDRESS and PROG_PAGE in one write: the bootloader answers the first in two character
   * times and is back reading before a third byte of the page arrives, so nothing overruns.
   * (Not so after PROG_PAGE: the page write keeps it from reading for 4.5 ms.)
   */
  async programPageAt(byteAddress: number, data: Uint8Array): Promise<void> {
    await this.exchange([loadAddress(byteAddress), [STK.PROG_PAGE, data.length >> 8, data.length & 0xff, 0x46, ...data]], [0, 0]);
  }

  /** LOAD_ADDRESS and READ_PAGE in one write (see programPageAt). */
  async readPageAt(byteAddress: number, length: number): Promise<Uint8Array> {
    const [, page] = await this.exchange([loadAddress(byteAddress), [STK.READ_PAGE, length >> 8, length & 0xff, 0x46]], [0, length]);
    return Uint8Array.from(page!);
  }

  /** One command: its bytes and CRC_EOP, then INSYNC, `replyLength` bytes, OK. */
  private async command(bytes: readonly number[], replyLength: number): Promise<number[]> {
    const [reply] = await this.exchange([bytes], [replyLength]);
    return reply!;
  }

  /** Commands written at once, each with CRC_EOP; their answers (INSYNC, data, OK) read in order. */
  private async exchange(commands: ReadonlyArray<readonly number[]>, replyLengths: readonly number[]): Promise<number[][]> {
    const out = commands.flatMap((bytes) => [...bytes, STK.CRC_EOP]);
    await this.link.write(Uint8Array.from(out));
    const replies: number[][] = [];
    for (const replyLength of replyLengths) {
      const wireMs = ((out.length + replyLength + 2) * 10 * 1000) / this.baud;
      const [insync] = await this.inbox.read(1, wireMs + COMMAND_SLACK_MS);
      if (insync !== STK.INSYNC) throw new Stk500Error(`expected INSYNC, got 0x${insync!.toString(16)}`, 'not-in-sync');
      const reply = await this.inbox.read(replyLength + 1, wireMs + COMMAND_SLACK_MS);
      if (reply.at(-1) !== STK.OK) throw new Stk500Error(`expected OK, got 0x${reply.at(-1)!.toString(16)}`, 'not-in-sync');
      replies.push(reply.slice(0, replyLength));
    }
    return replies;
  }
}
