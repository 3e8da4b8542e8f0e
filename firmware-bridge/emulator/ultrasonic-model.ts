/**
 * An ultrasonic distance sensor wired to the emulated board, timed in CPU cycles as the real one:
 * - HC-SR04: a HIGH pulse of ≥ 10 µs on TRIG; ~450 µs later (its 8-cycle 40 kHz burst) ECHO goes
 *   HIGH for the sound's round trip (5.83 µs per mm), or ~38 ms when nothing is in range (> 4 m).
 * - One-wire (mBot's Me Ultrasonic): trigger and echo on one pin; the sensor answers only once the
 *   firmware has let go of the pin (made it an input), and lets go of it after its echo.
 */
import { CPU_HZ, type UnoMachine } from './uno-machine';

export interface UltrasonicWiring {
  readonly trigger: number;
  /** The same as `trigger` for a one-wire sensor. */
  readonly echo: number;
}

const CYCLES_PER_US = CPU_HZ / 1e6;
const MIN_TRIGGER_US = 8;
const BURST_US = 450;
const US_PER_MM = 2 / 0.343; // there and back at 343 m/s
const RANGE_MM = 4000;
const NO_ECHO_US = 38_000;

export class UltrasonicModel {
  private riseCycles = -1;
  private busy = false;
  private readonly remove: () => void;

  constructor(
    private readonly machine: UnoMachine,
    readonly wiring: UltrasonicWiring,
    private distance: () => number,
  ) {
    this.remove = machine.onPinEdge((pin, level, cycles) => this.edge(pin, level, cycles));
  }

  detach(): void {
    this.remove();
  }

  /** The echo's width for what the sensor sees now. */
  echoUs(): number {
    const mm = this.distance();
    return mm > RANGE_MM ? NO_ECHO_US : mm * US_PER_MM;
  }

  private edge(pin: number, level: 0 | 1, cycles: number): void {
    const { trigger, echo } = this.wiring;
    if (pin !== trigger || this.busy || !this.machine.isOutput(trigger)) return;
    if (level === 1) {
      this.riseCycles = cycles;
      return;
    }
    if (this.riseCycles < 0 || cycles - this.riseCycles < MIN_TRIGGER_US * CYCLES_PER_US) return;
    this.riseCycles = -1;
    this.busy = true;
    const start = cycles + BURST_US * CYCLES_PER_US;
    const end = start + this.echoUs() * CYCLES_PER_US;
    this.machine.at(start, () => {
      // a one-wire sensor answers only on a line the firmware has let go of
      if (trigger === echo && this.machine.isOutput(echo)) {
        this.busy = false;
        return;
      }
      this.machine.setDigitalInput(echo, 1);
      this.machine.at(end, () => {
        this.machine.setDigitalInput(echo, 0);
        if (trigger === echo) this.machine.releaseDigitalInput(echo);
        this.busy = false;
      });
    });
  }
}
