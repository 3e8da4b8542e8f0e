/**
 * WS2812 RGB LEDs on a pin of the emulated board: the colours the firmware sent, decoded from the
 * pin's high times in CPU cycles as the LEDs do (a 0 is high ~0.4 µs, a 1 ~0.8 µs: the split is at
 * 0.6 µs), 24 bits per LED in green-red-blue order, a frame latched by ≥ 50 µs of low.
 */
import { CPU_HZ, type UnoMachine } from './uno-machine';

const CYCLES_PER_US = CPU_HZ / 1e6;
const ONE_ABOVE_CYCLES = 0.6 * CYCLES_PER_US;
const LATCH_CYCLES = 50 * CYCLES_PER_US;
/** A high longer than this is no WS2812 bit (the pin used otherwise). */
const MAX_BIT_CYCLES = 5 * CYCLES_PER_US;

export type Rgb = readonly [number, number, number];

export class Ws2812Decoder {
  private bits: number[] = [];
  private riseCycles = -1;
  private lastFallCycles = -Infinity;
  private readonly remove: () => void;

  constructor(
    private readonly machine: UnoMachine,
    readonly pin: number,
    private readonly onFrame: (colours: Rgb[]) => void,
  ) {
    this.remove = machine.onPinEdge((edgePin, level, cycles) => {
      if (edgePin === pin) this.edge(level, cycles);
    });
  }

  detach(): void {
    this.remove();
  }

  private edge(level: 0 | 1, cycles: number): void {
    if (level === 1) {
      if (cycles - this.lastFallCycles >= LATCH_CYCLES) this.latch();
      this.riseCycles = cycles;
      return;
    }
    if (this.riseCycles < 0) return;
    const high = cycles - this.riseCycles;
    this.riseCycles = -1;
    this.lastFallCycles = cycles;
    if (high > MAX_BIT_CYCLES) {
      this.bits = [];
      return;
    }
    this.bits.push(high > ONE_ABOVE_CYCLES ? 1 : 0);
    const fall = cycles;
    this.machine.at(cycles + LATCH_CYCLES, () => {
      if (this.lastFallCycles === fall && this.riseCycles < 0) this.latch();
    });
  }

  private latch(): void {
    const bits = this.bits;
    this.bits = [];
    if (bits.length < 24) return;
    const colours: Rgb[] = [];
    const byte = (at: number) => bits.slice(at, at + 8).reduce((value, bit) => (value << 1) | bit, 0);
    for (let at = 0; at + 24 <= bits.length; at += 24) colours.push([byte(at + 8), byte(at), byte(at + 16)]);
    this.onFrame(colours);
  }
}
