/**
 * An ATmega328P at 16 MHz as on an Arduino Uno, built from avr8js, plus an observer that reads pin
 * levels, PWM duty and servo pulses from the emulated registers (never from the Firmata stream).
 * Synchronous and single-threaded: the worker paces it against the wall clock.
 */
import {
  AVRADC,
  AVRClock,
  AVREEPROM,
  AVRIOPort,
  AVRTimer,
  AVRUSART,
  AVRWatchdog,
  CPU,
  adcConfig,
  avrInstruction,
  clockConfig,
  portBConfig,
  portCConfig,
  portDConfig,
  timer0Config,
  timer1Config,
  timer2Config,
  usart0Config,
  watchdogConfig,
} from 'avr8js';
import { KeptEeprom } from './eeprom-cells';
import { ReceiveLine } from './receive-line';
import { SPM_OPCODE, SelfProgramming } from './self-programming';
import {
  ANALOG_CHANNEL_COUNT,
  FLASH_BYTES,
  PIN_COUNT,
  PORT_REGISTERS,
  PWM_PINS,
  UNO_PINS,
  UNO_PWM,
  WATCHED_REGISTERS,
  pinLocation,
  type PortName,
} from './uno-pins';

export const CPU_HZ = 16_000_000;
export const CYCLES_PER_MS = CPU_HZ / 1000;
export { FLASH_BYTES };
const SRAM_BYTES = 0x800;
const ADC_REFERENCE_VOLTS = 5;
/** Servo pulses are 0.5–2.5 ms every 20 ms; anything else on the pin is not a servo signal. */
const SERVO_MIN_US = 300;
const SERVO_MAX_US = 3000;
const SERVO_STALE_MS = 60;
/**
 * Once the board has sent a byte, runUntil returns within 0.5 ms of board time so the host gets it:
 * a real UART's bytes leave at once, and a bootloader's answer would otherwise wait for the end of
 * the worker's chunk (up to 4 ms) on every command.
 */
const FLUSH_AFTER_CYCLES = CPU_HZ / 2000;
/** 10 µs: far shorter than any PWM period, far longer than analogWrite's own register steps. */
const PWM_SETTLE_CYCLES = 160;

const RJMP_TO_ITSELF = 0xcfff;
const SREG = 0x5f;
const SREG_I = 0x80;

/** MCUSR reset causes. */
export const RESET_CAUSE = { powerOn: 0x01, external: 0x02 } as const;
const MCUSR = 0x54;
/** I/O registers a reset clears (0x20–0xFF), except the PIN registers, which show the wiring. */
const IO_START = 0x20;
const IO_END = 0x100;

export interface BootOptions {
  /** Word address every reset starts at: 0, or the bootloader's (BOOTRST fuse, 0x3F00 for Optiboot). */
  readonly resetVector?: number;
  /** MCUSR at start: why the chip (re)started (RESET_CAUSE). */
  readonly resetCause?: number;
}

export type PinEdgeListener = (pin: number, level: 0 | 1, cycles: number) => void;

export interface MachineObserver {
  onPin(pin: number, level: 0 | 1, tMs: number): void;
  onPwm(pin: number, duty: number, tMs: number): void;
  onTransmit(byte: number): void;
}

export class UnoMachine {
  private readonly cpu: CPU;
  private readonly usart: AVRUSART;
  private readonly adc: AVRADC;
  private readonly ports: Record<PortName, AVRIOPort>;
  private readonly levels = new Int8Array(PIN_COUNT);
  private readonly duties = new Int16Array(PIN_COUNT);
  private readonly reportedDuties = new Int16Array(PIN_COUNT);
  private readonly pwmChangedAt = new Float64Array(PIN_COUNT).fill(-1);
  private readonly drive = new Int8Array(PIN_COUNT).fill(-1);
  private readonly inputLevels = new Int8Array(PIN_COUNT).fill(-1);
  private readonly riseCycles = new Float64Array(PIN_COUNT).fill(-1);
  private readonly servoUs = new Float64Array(PIN_COUNT).fill(Number.NaN);
  private readonly servoSeenCycles = new Float64Array(PIN_COUNT).fill(-Infinity);
  private readonly receiver: ReceiveLine;
  private readonly edgeListeners = new Set<PinEdgeListener>();
  private readonly selfProgramming: SelfProgramming;
  private readonly resetVector: number;
  /** runUntil returns early at this cycle, so what the board sent reaches the host soon (see FLUSH_AFTER_CYCLES). */
  private returnBy = Infinity;
  private flushEarly = false;
  /** Set by a reset from inside the CPU loop (the watchdog): handled once the clock event returns. */
  private resetInLoop = false;

  /** `startMs`: the rig's clock when this board powered up (keeps tMs monotonic across resets). */
  constructor(
    flash: Uint8Array,
    private readonly observer: MachineObserver,
    private readonly startMs = 0,
    boot: BootOptions = {},
  ) {
    // A bootloader image may carry a shadow past the chip's end (see bootloader.ts).
    if (flash.length < FLASH_BYTES || flash.length % 2) throw new RangeError(`flash image must be ${FLASH_BYTES} bytes`);
    this.cpu = new CPU(new Uint16Array(flash.slice().buffer), SRAM_BYTES);
    this.ports = {
      B: new AVRIOPort(this.cpu, portBConfig),
      C: new AVRIOPort(this.cpu, portCConfig),
      D: new AVRIOPort(this.cpu, portDConfig),
    };
    const timers = [timer0Config, timer1Config, timer2Config].map((config) => new AVRTimer(this.cpu, config));
    this.usart = new AVRUSART(this.cpu, usart0Config, CPU_HZ);
    this.usart.onByteTransmit = (byte) => {
      this.observer.onTransmit(byte);
      if (this.flushEarly) this.returnBy = Math.min(this.returnBy, this.cpu.cycles + FLUSH_AFTER_CYCLES);
    };
    this.receiver = new ReceiveLine(this.cpu, this.usart, usart0Config);
    this.adc = new AVRADC(this.cpu, adcConfig);
    this.adc.avcc = ADC_REFERENCE_VOLTS;
    new AVRWatchdog(this.cpu, watchdogConfig, new AVRClock(this.cpu, CPU_HZ, clockConfig));
    this.selfProgramming = new SelfProgramming(this.cpu);
    for (const address of WATCHED_REGISTERS) this.watch(address);
    this.resetVector = boot.resetVector ?? 0;
    this.wrapReset(timers);
    this.cpu.pc = this.resetVector;
    this.cpu.data[MCUSR] = boot.resetCause ?? RESET_CAUSE.powerOn;
    this.applyInputs();
  }

  /**
   * avr8js's cpu.reset() (its watchdog calls it) resets neither the I/O registers nor the
   * peripherals: a USART left mid-byte would block the next program. Reset them as the chip does,
   * and start at the reset vector (the bootloader's, when the BOOTRST fuse says so).
   */
  private wrapReset(timers: readonly AVRTimer[]): void {
    const { cpu } = this;
    const resetCpu = cpu.reset.bind(cpu);
    cpu.reset = () => {
      const pins = Object.values(PORT_REGISTERS).map((port) => [port.PIN, cpu.data[port.PIN]!] as const);
      cpu.data.fill(0, IO_START, IO_END);
      for (const [address, value] of pins) cpu.data[address] = value;
      this.usart.reset();
      for (const timer of timers) timer.reset();
      this.selfProgramming.reset();
      resetCpu();
      cpu.pc = this.resetVector;
      for (const port of Object.values(PORT_REGISTERS)) {
        cpu.writeData(port.DDR, 0);
        cpu.writeData(port.PORT, 0);
      }
      this.resetInLoop = true;
    };
  }

  /** The flash as it is now (a bootloader may have rewritten it). */
  flashImage(): Uint8Array {
    return this.cpu.progBytes.slice();
  }

  /**
   * Test fault: the firmware hangs, as a program stuck in an endless loop with interrupts off. The
   * CPU jumps to a `rjmp .-2` of the image (every avr-gcc program ends in one, after `exit`); only
   * the watchdog can bring the board back.
   */
  hang(): void {
    const { progMem } = this.cpu;
    const selfLoop = progMem.indexOf(RJMP_TO_ITSELF);
    if (selfLoop < 0) throw new Error('The image has no endless loop (rjmp .-2) to hang in');
    this.cpu.data[SREG] = this.cpu.data[SREG]! & ~SREG_I;
    this.cpu.pc = selfLoop;
  }

  /** Test fault: the next page write covering `address` stores that byte with a bit flipped. */
  corruptNextFlashWrite(address: number): void {
    this.selfProgramming.corruptNextWrite(address);
  }

  /** The armed flash fault, if it has not fired yet (a rig reset carries it to the next machine). */
  get pendingFlashCorruption(): number | null {
    return this.selfProgramming.pendingCorruption;
  }

  /** Bytes the host sent that have not reached the chip yet. */
  takePendingInput(): number[] {
    return this.receiver.takePending();
  }

  /** Bytes lost on the RX line (overrun, or the receiver disabled). */
  get lostInput(): number {
    return this.receiver.lost;
  }

  /**
   * Listens to every level change of the pins, stamped with the CPU cycle it happened at: what
   * devices wired to the board (an ultrasonic sensor, WS2812 LEDs) react to. Returns a remover.
   */
  onPinEdge(listener: PinEdgeListener): () => void {
    this.edgeListeners.add(listener);
    return () => this.edgeListeners.delete(listener);
  }

  /** Runs `callback` when the CPU reaches `cycles` (a device's own timing). */
  at(cycles: number, callback: () => void): void {
    this.cpu.addClockEvent(callback, Math.max(1, cycles - this.cpu.cycles));
  }

  /** Stops driving an input pin from outside (a one-wire sensor lets go of its line). */
  releaseDigitalInput(pin: number): void {
    pinLocation(pin);
    this.drive[pin] = -1;
    this.applyInputs();
    this.observe();
  }

  /** Whether the firmware made `pin` an output (DDR bit). */
  isOutput(pin: number): boolean {
    const { port, bit } = pinLocation(pin);
    return ((this.cpu.data[PORT_REGISTERS[port].DDR]! >> bit) & 1) === 1;
  }

  /** The chip's EEPROM, backed by `cells` the caller keeps across board resets (as a real chip does). */
  attachEeprom(cells: Uint8Array): void {
    new AVREEPROM(this.cpu, new KeptEeprom(cells));
  }

  /** Emulated milliseconds on the rig clock. */
  get timeMs(): number {
    return this.startMs + this.cpu.cycles / CYCLES_PER_MS;
  }

  get cycles(): number {
    return this.cpu.cycles;
  }

  /**
   * Runs the CPU until its cycle counter reaches `cycles`; with `returnWhenSent`, returns early once
   * a byte it sent has waited FLUSH_AFTER_CYCLES (the worker then hands it to the host).
   */
  runUntil(cycles: number, returnWhenSent = false): void {
    const { cpu } = this;
    const progMem = cpu.progMem;
    this.returnBy = Infinity;
    this.flushEarly = returnWhenSent;
    while (cpu.cycles < cycles && cpu.cycles < this.returnBy) {
      if (progMem[cpu.pc] === SPM_OPCODE) this.selfProgramming.execute();
      avrInstruction(cpu);
      cpu.tick();
      if (this.resetInLoop) this.afterReset();
    }
    this.settlePwm();
  }

  /**
   * avr8js's tick() puts back the clock events of before the reset once the watchdog's event
   * returns: drop them (the peripherals were reset), then restart what the new program needs.
   */
  private afterReset(): void {
    this.resetInLoop = false;
    (this.cpu as unknown as { nextClockEvent: unknown }).nextClockEvent = null;
    this.receiver.reset();
    this.applyInputs();
    this.observe();
  }

  /** Bytes the host sends on RX (D0); they reach the chip one character time apart. */
  receive(bytes: Iterable<number>): void {
    this.receiver.send(bytes);
  }

  setAnalogVoltage(channel: number, volts: number): void {
    if (!Number.isInteger(channel) || channel < 0 || channel >= ANALOG_CHANNEL_COUNT) {
      throw new RangeError(`No analog channel A${channel} (A0–A7)`);
    }
    if (!Number.isFinite(volts)) throw new RangeError(`Voltage must be a number, got ${volts}`);
    this.adc.channelValues[channel] = Math.min(ADC_REFERENCE_VOLTS, Math.max(0, volts));
  }

  /** Drives an input pin from outside, as a button or sensor would. */
  setDigitalInput(pin: number, level: 0 | 1): void {
    pinLocation(pin);
    this.drive[pin] = level;
    this.applyInputs();
    this.observe();
  }

  digital(pin: number): 0 | 1 {
    pinLocation(pin);
    return this.levels[pin] ? 1 : 0;
  }

  pwm(pin: number): number {
    if (UNO_PWM[pin] === undefined) throw new RangeError(`D${pin} is not a PWM pin (3, 5, 6, 9, 10, 11)`);
    return this.duties[pin]!;
  }

  /** Width of the latest servo pulse on `pin` in µs, or null if none in the last few frames. */
  servoPulseUs(pin: number): number | null {
    pinLocation(pin);
    const fresh = (this.cpu.cycles - this.servoSeenCycles[pin]!) / CYCLES_PER_MS <= SERVO_STALE_MS;
    const width = this.servoUs[pin]!;
    return fresh && !Number.isNaN(width) ? width : null;
  }

  /** Lets the peripheral handle the write first, then looks at the result. */
  private watch(address: number): void {
    const { cpu } = this;
    const previous = cpu.writeHooks[address];
    cpu.writeHooks[address] = (value, oldValue, addr, mask) => {
      if (!previous?.(value, oldValue, addr, mask)) cpu.data[address] = value;
      this.applyInputs();
      this.observe();
      return true;
    };
  }

  /** Input pins read what drives them, else their pull-up (PORT bit), else LOW. */
  private applyInputs(): void {
    const data = this.cpu.data;
    for (let pin = 0; pin < PIN_COUNT; pin++) {
      const { port, bit } = UNO_PINS[pin]!;
      const driven = this.drive[pin]!;
      const level = driven === -1 ? (data[PORT_REGISTERS[port].PORT]! >> bit) & 1 : driven;
      if (level !== this.inputLevels[pin]) {
        this.inputLevels[pin] = level;
        this.ports[port].setPin(bit, level === 1);
      }
    }
  }

  private observe(): void {
    const tMs = this.timeMs;
    for (let pin = 0; pin < PIN_COUNT; pin++) {
      const level = this.readLevel(pin);
      if (level !== this.levels[pin]) {
        this.levels[pin] = level;
        this.trackServo(pin, level);
        this.observer.onPin(pin, level, tMs);
        for (const listener of this.edgeListeners) listener(pin, level, this.cpu.cycles);
      }
    }
    this.settlePwm();
    for (const pin of PWM_PINS) {
      const duty = this.readDuty(pin);
      this.duties[pin] = duty;
      if (duty === this.reportedDuties[pin]) this.pwmChangedAt[pin] = -1;
      else if (this.pwmChangedAt[pin]! < 0) this.pwmChangedAt[pin] = this.cpu.cycles;
    }
  }

  /**
   * analogWrite(pin, 255) first clears the compare output, then sets the PORT bit: for a few
   * cycles the pin reads LOW. Duty changes are reported once they have held for PWM_SETTLE_CYCLES,
   * stamped with the time they began, so such steps do not show up as changes.
   */
  private settlePwm(): void {
    const { cycles } = this.cpu;
    for (const pin of PWM_PINS) {
      const since = this.pwmChangedAt[pin]!;
      if (since < 0 || cycles - since < PWM_SETTLE_CYCLES) continue;
      this.pwmChangedAt[pin] = -1;
      this.reportedDuties[pin] = this.duties[pin]!;
      this.observer.onPwm(pin, this.duties[pin]!, this.startMs + since / CYCLES_PER_MS);
    }
  }

  /** Output pins: the PORT bit; input pins: the PIN register. */
  private readLevel(pin: number): 0 | 1 {
    const { port, bit } = UNO_PINS[pin]!;
    const registers = PORT_REGISTERS[port];
    const data = this.cpu.data;
    const output = (data[registers.DDR]! >> bit) & 1;
    return ((data[output ? registers.PORT : registers.PIN]! >> bit) & 1) as 0 | 1;
  }

  /** Compare output on: OCR (inverted if COM=3); else the plain digital level (0 or 255). */
  private readDuty(pin: number): number {
    const unit = UNO_PWM[pin]!;
    const { port, bit } = UNO_PINS[pin]!;
    const data = this.cpu.data;
    if (!((data[PORT_REGISTERS[port].DDR]! >> bit) & 1)) return 0;
    const com = (data[unit.tccrA]! >> unit.comShift) & 3;
    const ocr = unit.timer === 1 ? Math.min(255, data[unit.ocr]! | (data[unit.ocr + 1]! << 8)) : data[unit.ocr]!;
    if (com === 2) return ocr;
    if (com === 3) return 255 - ocr;
    return (data[PORT_REGISTERS[port].PORT]! >> bit) & 1 ? 255 : 0;
  }

  private trackServo(pin: number, level: 0 | 1): void {
    const { cycles } = this.cpu;
    if (level === 1) {
      this.riseCycles[pin] = cycles;
      return;
    }
    const rise = this.riseCycles[pin]!;
    if (rise < 0) return;
    const widthUs = (cycles - rise) / (CPU_HZ / 1e6);
    if (widthUs >= SERVO_MIN_US && widthUs <= SERVO_MAX_US) {
      this.servoUs[pin] = widthUs;
      this.servoSeenCycles[pin] = cycles;
    }
  }
}
