/**
 * An ATmega328P at 16 MHz as on an Arduino Uno, built from avr8js, plus an observer that reads pin
 * levels, PWM duty and servo pulses from the emulated registers (never from the Firmata stream).
 * Synchronous and single-threaded: the worker paces it against the wall clock.
 */
import {
  AVRADC,
  AVRIOPort,
  AVRTimer,
  AVRUSART,
  CPU,
  adcConfig,
  avrInstruction,
  portBConfig,
  portCConfig,
  portDConfig,
  timer0Config,
  timer1Config,
  timer2Config,
  usart0Config,
} from 'avr8js';
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
/** 10 µs: far shorter than any PWM period, far longer than analogWrite's own register steps. */
const PWM_SETTLE_CYCLES = 160;

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
  private readonly rxQueue: number[] = [];

  /** `startMs`: the rig's clock when this board powered up (keeps tMs monotonic across resets). */
  constructor(
    flash: Uint8Array,
    private readonly observer: MachineObserver,
    private readonly startMs = 0,
  ) {
    if (flash.length !== FLASH_BYTES) throw new RangeError(`flash image must be ${FLASH_BYTES} bytes`);
    this.cpu = new CPU(new Uint16Array(flash.slice().buffer), SRAM_BYTES);
    this.ports = {
      B: new AVRIOPort(this.cpu, portBConfig),
      C: new AVRIOPort(this.cpu, portCConfig),
      D: new AVRIOPort(this.cpu, portDConfig),
    };
    for (const config of [timer0Config, timer1Config, timer2Config]) new AVRTimer(this.cpu, config);
    this.usart = new AVRUSART(this.cpu, usart0Config, CPU_HZ);
    this.usart.onByteTransmit = (byte) => this.observer.onTransmit(byte);
    this.usart.onRxComplete = () => this.feedReceiver();
    this.adc = new AVRADC(this.cpu, adcConfig);
    this.adc.avcc = ADC_REFERENCE_VOLTS;
    for (const address of WATCHED_REGISTERS) this.watch(address);
    this.applyInputs();
  }

  /** Emulated milliseconds on the rig clock. */
  get timeMs(): number {
    return this.startMs + this.cpu.cycles / CYCLES_PER_MS;
  }

  get cycles(): number {
    return this.cpu.cycles;
  }

  /** Runs the CPU until its cycle counter reaches `cycles`. */
  runUntil(cycles: number): void {
    this.feedReceiver();
    const { cpu } = this;
    while (cpu.cycles < cycles) {
      avrInstruction(cpu);
      cpu.tick();
    }
    this.settlePwm();
  }

  /** Bytes arriving on RX (D0); shifted into the USART one character time apart. */
  receive(bytes: Iterable<number>): void {
    for (const byte of bytes) this.rxQueue.push(byte & 0xff);
    this.feedReceiver();
  }

  setAnalogVoltage(channel: number, volts: number): void {
    if (!Number.isInteger(channel) || channel < 0 || channel >= ANALOG_CHANNEL_COUNT) {
      throw new RangeError(`No analog channel A${channel} on the Uno (A0–A5)`);
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

  private feedReceiver(): void {
    const { usart, rxQueue } = this;
    if (rxQueue.length > 0 && usart.rxEnable && !usart.rxBusy) usart.writeByte(rxQueue.shift()!);
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
