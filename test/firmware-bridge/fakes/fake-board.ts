/**
 * A hand-written fake of a serial link with a board at the far end that speaks just enough
 * Firmata: answers the version and firmware queries, keeps pin modes, PWM/servo values and digital
 * outputs, and reports analog channels and digital ports when asked to. Writes complete at once.
 */
import type { WriteDone } from '../../../firmware-bridge/src/command-queue';
import type { SerialLink } from '../../../firmware-bridge/src/serial-link';

export type BoardBehaviour = 'firmata' | 'silent' | 'chatty-not-firmata';

export class FakeBoard {
  readonly modes = new Map<number, number>();
  readonly analogOut = new Map<number, number>();
  readonly ports = [0, 0, 0];
  readonly reportingAnalog = new Set<number>();
  readonly reportingPorts = new Set<number>();
  readonly analogIn = new Map<number, number>();
  readonly inputs = new Map<number, 0 | 1>();
  /** Inputs with the pull-up on (INPUT written HIGH, as StandardFirmata 2.4 does it). */
  readonly pullups = new Set<number>();
  /** Every message received, in order. */
  readonly received: number[][] = [];
  private pending: number[] = [];
  private link: FakeLink | undefined;

  constructor(public behaviour: BoardBehaviour = 'firmata') {}

  attach(link: FakeLink): void {
    this.link = link;
  }

  digital(pin: number): 0 | 1 {
    return ((this.ports[pin >> 3]! >> (pin & 7)) & 1) as 0 | 1;
  }

  value(pin: number): number | undefined {
    return this.analogOut.get(pin);
  }

  /** Send a report of every reporting analog channel (what the board does each sampling interval). */
  tick(): void {
    for (const ch of this.reportingAnalog) {
      const v = this.analogIn.get(ch) ?? 0;
      this.send([0xe0 | ch, v & 0x7f, (v >> 7) & 0x7f]);
    }
  }

  setDigitalInput(pin: number, level: 0 | 1): void {
    this.inputs.set(pin, level);
    if (this.reportingPorts.has(pin >> 3)) this.sendPort(pin >> 3);
  }

  /** The board reboots: everything back to inputs, then it announces itself. */
  reboot(): void {
    this.modes.clear();
    this.analogOut.clear();
    this.ports.fill(0);
    this.reportingAnalog.clear();
    this.reportingPorts.clear();
    this.pullups.clear();
    this.announce();
  }

  send(bytes: readonly number[]): void {
    this.link?.fromBoard(Uint8Array.from(bytes));
  }

  receive(bytes: Uint8Array): void {
    if (this.behaviour === 'silent') return;
    if (this.behaviour === 'chatty-not-firmata') {
      this.send([...Buffer.from('hello\r\n')]);
      return;
    }
    for (const b of bytes) {
      if (b >= 0x80 && this.pending[0] !== 0xf0) this.pending = [];
      this.pending.push(b);
      this.complete();
    }
  }

  private complete(): void {
    const m = this.pending;
    const first = m[0]!;
    const command = first < 0xf0 ? first & 0xf0 : first;
    const length: Record<number, number> = { 0xe0: 3, 0x90: 3, 0xf4: 3, 0xc0: 2, 0xd0: 2, 0xf9: 1, 0xff: 1 };
    if (first === 0xf0) {
      if (m[m.length - 1] !== 0xf7) return;
    } else if (m.length < (length[command] ?? 1)) {
      return;
    }
    this.pending = [];
    this.received.push(m);
    this.handle(m, command);
  }

  private handle(m: number[], command: number): void {
    const channel = m[0]! & 0x0f;
    switch (command) {
      case 0xf9:
        this.send([0xf9, 2, 5]);
        break;
      case 0xf4:
        this.modes.set(m[1]!, m[2]!);
        break;
      case 0xe0:
        this.analogOut.set(channel, m[1]! | (m[2]! << 7));
        break;
      case 0x90:
        // Like StandardFirmata: only pins in OUTPUT mode change.
        for (let bit = 0; bit < 8; bit++) {
          const pin = channel * 8 + bit;
          const level = ((m[1]! | (m[2]! << 7)) >> bit) & 1;
          if (this.modes.get(pin) === 0) {
            if (level) this.pullups.add(pin);
            else this.pullups.delete(pin);
          }
          if (this.modes.get(pin) !== 1) continue;
          this.ports[channel] = (this.ports[channel]! & ~(1 << bit)) | (level << bit);
        }
        break;
      case 0xc0:
        if (m[1]) this.reportingAnalog.add(channel);
        else this.reportingAnalog.delete(channel);
        break;
      case 0xd0:
        if (m[1]) {
          this.reportingPorts.add(channel);
          this.sendPort(channel);
        } else {
          this.reportingPorts.delete(channel);
        }
        break;
      case 0xf0:
        if (m[1] === 0x79) this.announceFirmware();
        if (m[1] === 0x70) this.modes.set(m[2]!, 4); // SERVO_CONFIG attaches the servo
        break;
    }
  }

  private sendPort(port: number): void {
    let bits = 0;
    for (let bit = 0; bit < 8; bit++) {
      const pin = port * 8 + bit;
      if ((this.inputs.get(pin) ?? (this.pullups.has(pin) ? 1 : 0)) === 1) bits |= 1 << bit;
    }
    this.send([0x90 | port, bits & 0x7f, (bits >> 7) & 1]);
  }

  announce(): void {
    this.send([0xf9, 2, 5]);
    this.announceFirmware();
  }

  private announceFirmware(): void {
    const name = [...Buffer.from('Fake.ino')].flatMap((c) => [c & 0x7f, c >> 7]);
    this.send([0xf0, 0x79, 2, 5, ...name, 0xf7]);
  }
}

/** What sits at the far end of a FakeLink: this Firmata board, or the RoboKit firmware's fake. */
export interface FakeEndpoint {
  attach(link: FakeLink): void;
  receive(bytes: Uint8Array): void;
}

export class FakeLink implements SerialLink {
  closed = false;
  /** When set, writes fail with this error (a link that broke while open). */
  failWrites: Error | undefined;
  readonly written: Uint8Array[] = [];
  private readonly dataListeners = new Set<(chunk: Uint8Array) => void>();
  private readonly closeListeners = new Set<(error?: Error) => void>();

  constructor(readonly board: FakeEndpoint) {
    board.attach(this);
  }

  write(bytes: Uint8Array, done: WriteDone): void {
    if (this.closed || this.failWrites) {
      queueMicrotask(() => done(this.failWrites ?? new Error('closed')));
      return;
    }
    this.written.push(bytes);
    this.board.receive(bytes);
    queueMicrotask(() => done(null));
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** How long closing takes (a busy operating system); the port is free only after. */
  closeDelayMs = 0;

  async close(): Promise<void> {
    if (this.closeDelayMs > 0) await new Promise((r) => setTimeout(r, this.closeDelayMs));
    this.end();
  }

  /** The cable is pulled. */
  vanish(): void {
    this.end(Object.assign(new Error('bad file descriptor'), { disconnected: true }));
  }

  fromBoard(chunk: Uint8Array): void {
    if (this.closed) return;
    // Like a serial port: bytes arrive asynchronously.
    setImmediate(() => {
      if (!this.closed) for (const l of [...this.dataListeners]) l(chunk);
    });
  }

  private end(error?: Error): void {
    if (this.closed) return;
    this.closed = true;
    for (const l of [...this.closeListeners]) l(error);
  }
}
