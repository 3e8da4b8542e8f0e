/**
 * The RX side of the Uno's serial line, which avr8js 0.21 models as one data register that a new
 * byte overwrites. Here, as on the ATmega328P:
 * - bytes come down the wire one character time apart, at the baud the firmware set in UBRR;
 * - the chip holds up to three unread bytes (a two-byte receive FIFO and the shift register); avr8js
 *   gets the next one only once the firmware has read the last (RXC clear); a byte that arrives with
 *   all three full is lost (data overrun), as when Optiboot blinks its LED while avrdude syncs;
 * - a byte that arrives while the receiver is disabled (before Serial.begin, during a reset) is lost;
 * - writing UCSR0B with the receiver on (e.g. to turn the send interrupt UDRIE on or off, as every
 *   interrupt-driven serial driver does) leaves an unread byte alone: avr8js clears RXC there, so the
 *   byte was lost and the next one took its place.
 * The host's bytes wait in `pending` (the pty has no baud rate: the host may write a burst at once).
 */
import type { AVRUSART, CPU } from 'avr8js';
import type { usart0Config } from 'avr8js';

/** Bytes the chip can hold unread: avr8js's data register plus FIFO and shift register. */
const HELD_BYTES = 3;
const RXC = 0x80;
const RXEN = 0x10;
/** When the firmware has not set a baud rate yet, the host's bytes still take time: 115200 baud, 8N1. */
const DEFAULT_CYCLES_PER_CHAR = Math.round((16_000_000 / 115_200) * 10);

export class ReceiveLine {
  private readonly pending: number[] = [];
  private readonly held: number[] = [];
  private onWire = false;
  /** Bytes lost to an overrun or a disabled receiver (for tests and diagnostics). */
  lost = 0;

  constructor(
    private readonly cpu: CPU,
    private readonly usart: AVRUSART,
    private readonly config: typeof usart0Config,
  ) {
    const writeControl = cpu.writeHooks[config.UCSRB]!;
    const rxComplete = {
      address: config.rxCompleteInterrupt,
      flagRegister: config.UCSRA,
      flagMask: RXC,
      enableRegister: config.UCSRB,
      enableMask: RXC,
      constant: true,
    };
    cpu.writeHooks[config.UCSRB] = (value, oldValue, address, mask) => {
      const unread = (cpu.data[config.UCSRA]! & RXC) !== 0;
      const handled = writeControl(value, oldValue, address, mask);
      if (unread && value & RXEN && oldValue & RXEN) cpu.setInterruptFlag(rxComplete);
      return handled;
    };
    const read = cpu.readHooks[config.UDR]!;
    cpu.readHooks[config.UDR] = (address) => {
      const value = read(address);
      this.deliver();
      return value;
    };
  }

  /** The host wrote these bytes. */
  send(bytes: Iterable<number>): void {
    for (const byte of bytes) this.pending.push(byte & 0xff);
    this.startNext();
  }

  /** Bytes the host wrote that are not on the wire yet (they survive a board reset). */
  takePending(): number[] {
    return this.pending.splice(0);
  }

  /** After a chip reset: the FIFO is empty and the clock events (the byte on the wire) are gone. */
  reset(): void {
    this.held.length = 0;
    this.onWire = false;
    this.startNext();
  }

  private startNext(): void {
    if (this.onWire || this.pending.length === 0) return;
    const byte = this.pending.shift()!;
    this.onWire = true;
    // avr8js computes a character's time from UBRR, U2X and the frame format (a private getter).
    const fromUbrr = (this.usart as unknown as { cyclesPerChar: number }).cyclesPerChar;
    const cycles = this.usart.rxEnable ? fromUbrr : DEFAULT_CYCLES_PER_CHAR;
    this.cpu.addClockEvent(() => this.arrive(byte), cycles);
  }

  private arrive(byte: number): void {
    this.onWire = false;
    const unread = this.held.length + (this.cpu.data[this.config.UCSRA]! & RXC ? 1 : 0);
    if (!this.usart.rxEnable || unread >= HELD_BYTES) this.lost++;
    else this.held.push(byte);
    this.deliver();
    this.startNext();
  }

  /** Hands avr8js the oldest held byte once its data register is free (RXC clear). */
  private deliver(): void {
    if (!this.usart.rxEnable) {
      // Disabling the receiver flushes its FIFO.
      this.lost += this.held.length;
      this.held.length = 0;
      return;
    }
    if (this.held.length === 0 || this.cpu.data[this.config.UCSRA]! & RXC) return;
    this.usart.writeByte(this.held.shift()!, true);
  }
}
