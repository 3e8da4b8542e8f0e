/**
 * What crosses between the test/CLI thread and the emulator worker: plain messages (pin and PWM
 * changes, in order), plus one SharedArrayBuffer for what changes too often to post (servo pulse
 * widths, clocks).
 */
import { PIN_COUNT } from './uno-pins';

/** Float64 slots of the shared state. */
export const SHARED = {
  servoUs: 0, // PIN_COUNT slots: µs, NaN when no pulses
  emulatedMs: PIN_COUNT, // rig clock (emulated ms since the rig started)
  wallMs: PIN_COUNT + 1, // wall ms since the rig started, at the last chunk
  busyMs: PIN_COUNT + 2, // wall ms the worker spent executing AVR instructions
  recentRatio: PIN_COUNT + 3, // emulated / wall time over the last couple of seconds
  length: PIN_COUNT + 4,
} as const;

export interface WorkerData {
  readonly flash: Uint8Array;
  readonly shared: SharedArrayBuffer;
  /** The EEPROM's 1,024 cells (shared: the test thread reads them as they are). */
  readonly eeprom: SharedArrayBuffer;
  readonly serialPath: string;
  /** Word address every reset starts at: 0, or Optiboot's when the rig has a bootloader. */
  readonly resetVector: number;
}

export type ToWorker =
  | { readonly type: 'analog'; readonly channel: number; readonly volts: number }
  | { readonly type: 'digital-input'; readonly pin: number; readonly level: 0 | 1 }
  | { readonly type: 'ultrasonic'; readonly trigger: number; readonly echo: number; readonly distanceMm: number }
  | { readonly type: 'rgb-leds'; readonly pin: number }
  | { readonly type: 'reset' }
  | { readonly type: 'hang' }
  | { readonly type: 'corrupt-flash'; readonly address: number }
  | { readonly type: 'read-flash' }
  | { readonly type: 'attach-serial'; readonly path: string }
  | { readonly type: 'detach-serial' }
  | { readonly type: 'stop' };

/** Pin and PWM changes, flattened: kind (0 pin, 1 pwm), pin, value, emulated ms, wall epoch ms. */
export const EVENT_FIELDS = 5;
export const EVENT_PIN = 0;
export const EVENT_PWM = 1;

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'events'; readonly events: Float64Array }
  | { readonly type: 'serial-attached'; readonly path: string }
  | { readonly type: 'serial-detached'; readonly reason: string }
  | { readonly type: 'flash'; readonly bytes: Uint8Array }
  | { readonly type: 'rgb'; readonly pin: number; readonly colours: ReadonlyArray<readonly [number, number, number]> }
  | { readonly type: 'acknowledge'; readonly request: ToWorker['type'] }
  | { readonly type: 'failed'; readonly message: string };
