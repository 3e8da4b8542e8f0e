/**
 * The emulated Arduino Uno rig: real StandardFirmata on avr8js in a worker thread, reachable by
 * the app through a real tty (`path`), observable and drivable from this thread.
 *
 * Board behaviour to know:
 * - Pin reads are synchronous and in step with the listeners: they show the changes received so
 *   far from the worker (a millisecond or so behind the board). Inputs and reset are applied by
 *   the worker within a few ms: use `waitFor` after changing them.
 * - Opening the port does NOT reset the board (a pty carries no DTR line). A real Uno resets on
 *   open, so a client that waits for the boot-time version report should call `reset()` right
 *   after opening, or ask for the version itself (firmata.js does after `reportVersionTimeout`).
 * - `disconnect()` pulls the cable: the app's port closes, the board keeps running (battery robot:
 *   its outputs stay as they were) and the host's bytes it had not read yet are lost. `reconnect()`
 *   plugs it back at the same path and, by default, resets the board as a USB replug does; pass
 *   `{ resetBoard: false }` to keep it running.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { BOOT_RESET_VECTOR, withOptiboot } from './bootloader';
import { EEPROM_BYTES, blankEeprom } from './eeprom-cells';
import { fetchFirmata } from './fetch-firmata';
import { parseIntelHex } from '../src/intel-hex';
import type { PwmChange } from './pwm-history';
import { PtyLink } from './pty-link';
import { EVENT_FIELDS, EVENT_PIN, SHARED, type FromWorker, type ToWorker, type WorkerData } from './rig-protocol';
import { ANALOG_CHANNEL_COUNT, FLASH_BYTES, PIN_COUNT, isPwmPin, pinLocation } from './uno-pins';
import { unoWorkerSource } from './worker-bundle';

export interface EmulationSpeed {
  /** Emulated time / wall time since start: 1 when the emulator keeps up with real time. */
  readonly realTimeRatio: number;
  /** The same over the last two seconds or so (start-up and JIT warm-up excluded). */
  readonly recentRealTimeRatio: number;
  /** Emulated time / time spent executing: how many times real time this machine could run. */
  readonly capacity: number;
}

export interface EmulatedUno {
  /** The tty the app opens (after `reconnect({ appName })`, the new one). */
  readonly path: string;
  digital(pin: number): 0 | 1;
  pwm(pin: number): number;
  servoPulseUs(pin: number): number | null;
  setAnalogVoltage(channel: number, volts: number): void;
  setDigitalInput(pin: number, level: 0 | 1): void;
  onPinChange(listener: (pin: number, level: 0 | 1, tMs: number) => void): () => void;
  onPwmChange(listener: (pin: number, duty: number, tMs: number) => void): () => void;
  waitFor(predicate: () => boolean, timeoutMs: number): Promise<void>;
  disconnect(): Promise<void>;
  /**
   * Plugs the cable back; `appName` makes the app's tty `<dir>/<appName>` (a replug that the
   * operating system names differently: /dev/ttyACM0 → /dev/ttyACM1).
   */
  reconnect(options?: { resetBoard?: boolean; appName?: string }): Promise<void>;
  /** The reset button (a pty has no DTR line: the rig presses it, as a pupil would). */
  reset(): void;
  /** Test fault: the next flash page write covering `address` stores that byte with a bit flipped. */
  corruptNextFlashWrite(address: number): void;
  /** The board's flash as it is now. */
  readFlash(): Promise<Uint8Array>;
  stop(): Promise<void>;
  /** Every PWM duty change since start (or of one pin), oldest first. */
  pwmHistory(pin?: number): readonly PwmChange[];
  /** The rig clock: emulated ms since start. */
  emulatedMs(): number;
  speed(): EmulationSpeed;
  /**
   * Wires an ultrasonic sensor (HC-SR04 on two pins, or a one-wire sensor: `echo` = `trigger`) that
   * sees something at `distanceMm` (more than 4000: nothing in range); call again to move it.
   */
  setUltrasonic(wiring: { trigger: number; echo: number }, distanceMm: number): void;
  /** Test fault: the firmware hangs (an endless loop, interrupts off); only its watchdog can reset it. */
  hang(): void;
  /** Wires WS2812 LEDs on `pin`: `rgb(pin)` then gives the colours the firmware last sent them. */
  wireRgbLeds(pin: number): void;
  /** The last frame sent to the WS2812 LEDs on `pin`, [red, green, blue] per LED; null before any. */
  rgb(pin: number): ReadonlyArray<readonly [number, number, number]> | null;
  /** The EEPROM as it is now (1,024 bytes); it survives resets, as on a real chip. */
  eeprom(): Uint8Array;
  readonly connected: boolean;
}

export interface StartEmulatedUnoOptions {
  /** Folder for the `uno` and `app` links; default a fresh temporary folder, removed on stop. */
  dir?: string;
  /** Another Uno image (e.g. RoboKit firmware); null for erased flash; default the verified StandardFirmata. */
  hexPath?: string | null;
  /** Optiboot in the boot section (Debian's arduino-core-avr), as on a real Uno; default none. */
  bootloader?: boolean;
  /** The EEPROM's contents at power-on (1,024 bytes); default erased (0xFF), as a new chip. */
  eeprom?: Uint8Array;
}

const REPLY_TIMEOUT_MS = 5_000;
/** Starting a worker on a busy 2-core machine can take a while. */
const READY_TIMEOUT_MS = 30_000;
const PWM_HISTORY_LIMIT = 100_000;

export async function startEmulatedUno(options: StartEmulatedUnoOptions = {}): Promise<EmulatedUno> {
  const flash = await flashImage(options);
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'robokit-uno-')));
  await mkdir(dir, { recursive: true });
  const source = await unoWorkerSource();
  const link = await PtyLink.open(dir).catch(async (error: unknown) => {
    if (options.dir === undefined) await rm(dir, { recursive: true, force: true });
    throw error;
  });
  const shared = new SharedArrayBuffer(SHARED.length * Float64Array.BYTES_PER_ELEMENT);
  const resetVector = options.bootloader ? BOOT_RESET_VECTOR : 0;
  const eeprom = new SharedArrayBuffer(EEPROM_BYTES);
  new Uint8Array(eeprom).set(options.eeprom ?? blankEeprom());
  const workerData: WorkerData = { flash, shared, eeprom, serialPath: link.boardPath, resetVector };
  const worker = new Worker(source, { eval: true, workerData });
  const rig = new WorkerUno(worker, link, new Float64Array(shared), new Uint8Array(eeprom), dir, options.dir === undefined);
  try {
    await rig.ready();
    return rig;
  } catch (error) {
    await rig.stop();
    throw error;
  }
}

async function flashImage(options: StartEmulatedUnoOptions): Promise<Uint8Array> {
  const hexPath = options.hexPath === undefined ? await fetchFirmata() : options.hexPath;
  const application =
    hexPath === null ? new Uint8Array(FLASH_BYTES).fill(0xff) : parseIntelHex(await readFile(hexPath, 'utf8'), FLASH_BYTES);
  return options.bootloader ? withOptiboot(application) : application;
}

type Waiter = (message: FromWorker | Error) => boolean;

class WorkerUno implements EmulatedUno {
  path: string;
  private readonly pinListeners = new Set<(pin: number, level: 0 | 1, tMs: number) => void>();
  private readonly pwmListeners = new Set<(pin: number, duty: number, tMs: number) => void>();
  private readonly pwmLog: PwmChange[] = [];
  /** Pin levels and duties as of the last change received: always in step with the listeners. */
  private readonly levels = new Int8Array(PIN_COUNT);
  private readonly duties = new Int16Array(PIN_COUNT);
  private readonly waiters = new Set<Waiter>();
  private readonly rgbFrames = new Map<number, ReadonlyArray<readonly [number, number, number]>>();
  private failure: Error | null = null;
  private stopping: Promise<void> | null = null;

  constructor(
    private readonly worker: Worker,
    private link: PtyLink | null,
    private readonly state: Float64Array,
    private readonly eepromCells: Uint8Array,
    private readonly dir: string,
    private readonly ownsDir: boolean,
  ) {
    this.path = link!.appPath;
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (!this.stopping) this.fail(new Error(`emulator worker exited (code ${code})`));
    });
  }

  get connected(): boolean {
    return this.link?.alive ?? false;
  }

  async ready(): Promise<void> {
    await this.reply((message) => message.type === 'ready', READY_TIMEOUT_MS);
  }

  digital(pin: number): 0 | 1 {
    pinLocation(pin);
    return this.levels[pin] === 1 ? 1 : 0;
  }

  pwm(pin: number): number {
    if (!isPwmPin(pin)) throw new RangeError(`D${pin} is not a PWM pin (3, 5, 6, 9, 10, 11)`);
    return this.duties[pin]!;
  }

  servoPulseUs(pin: number): number | null {
    pinLocation(pin);
    const width = this.state[SHARED.servoUs + pin]!;
    return Number.isNaN(width) ? null : width;
  }

  setAnalogVoltage(channel: number, volts: number): void {
    if (!Number.isInteger(channel) || channel < 0 || channel >= ANALOG_CHANNEL_COUNT) {
      throw new RangeError(`No analog channel A${channel} (A0–A7)`);
    }
    if (!Number.isFinite(volts)) throw new RangeError(`Voltage must be a finite number, got ${volts}`);
    this.send({ type: 'analog', channel, volts });
  }

  setDigitalInput(pin: number, level: 0 | 1): void {
    pinLocation(pin);
    if (level !== 0 && level !== 1) throw new RangeError(`Level must be 0 or 1, got ${String(level)}`);
    this.send({ type: 'digital-input', pin, level });
  }

  onPinChange(listener: (pin: number, level: 0 | 1, tMs: number) => void): () => void {
    this.pinListeners.add(listener);
    return () => this.pinListeners.delete(listener);
  }

  onPwmChange(listener: (pin: number, duty: number, tMs: number) => void): () => void {
    this.pwmListeners.add(listener);
    return () => this.pwmListeners.delete(listener);
  }

  pwmHistory(pin?: number): readonly PwmChange[] {
    return pin === undefined ? [...this.pwmLog] : this.pwmLog.filter((change) => change.pin === pin);
  }

  emulatedMs(): number {
    return this.state[SHARED.emulatedMs]!;
  }

  eeprom(): Uint8Array {
    return this.eepromCells.slice();
  }

  setUltrasonic(wiring: { trigger: number; echo: number }, distanceMm: number): void {
    pinLocation(wiring.trigger);
    pinLocation(wiring.echo);
    if (!(distanceMm >= 0)) throw new RangeError(`Distance must be ≥ 0 mm, got ${distanceMm}`);
    this.send({ type: 'ultrasonic', trigger: wiring.trigger, echo: wiring.echo, distanceMm });
  }

  hang(): void {
    this.send({ type: 'hang' });
  }

  wireRgbLeds(pin: number): void {
    pinLocation(pin);
    this.send({ type: 'rgb-leds', pin });
  }

  rgb(pin: number): ReadonlyArray<readonly [number, number, number]> | null {
    return this.rgbFrames.get(pin) ?? null;
  }

  speed(): EmulationSpeed {
    const emulated = this.state[SHARED.emulatedMs]!;
    return {
      realTimeRatio: emulated / Math.max(1e-9, this.state[SHARED.wallMs]!),
      recentRealTimeRatio: this.state[SHARED.recentRatio]!,
      capacity: emulated / Math.max(1e-9, this.state[SHARED.busyMs]!),
    };
  }

  waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const finish = (error?: unknown) => {
        clearInterval(poll);
        clearTimeout(timer);
        this.waiters.delete(onMessage);
        if (error === undefined) resolve();
        else reject(error);
      };
      const check = () => {
        if (this.failure) return finish(this.failure);
        try {
          if (predicate()) finish();
        } catch (error) {
          finish(error);
        }
      };
      const onMessage: Waiter = () => {
        check();
        return false;
      };
      const poll = setInterval(check, 5);
      const timer = setTimeout(() => finish(new Error(`waitFor: condition still false after ${timeoutMs} ms`)), timeoutMs);
      this.waiters.add(onMessage);
      check();
    });
  }

  async disconnect(): Promise<void> {
    const link = this.link;
    if (!link) return;
    this.link = null;
    await link.close();
    this.send({ type: 'detach-serial' });
    await this.reply((message) => message.type === 'acknowledge' && message.request === 'detach-serial');
  }

  async reconnect(options: { resetBoard?: boolean; appName?: string } = {}): Promise<void> {
    if (this.link?.alive) return;
    await this.link?.close();
    const link = await PtyLink.open(this.dir, options.appName);
    this.link = link;
    this.path = link.appPath;
    this.send({ type: 'attach-serial', path: link.boardPath });
    await this.reply((message) => message.type === 'serial-attached');
    if (options.resetBoard ?? true) this.reset();
  }

  reset(): void {
    this.send({ type: 'reset' });
  }

  corruptNextFlashWrite(address: number): void {
    if (!Number.isInteger(address) || address < 0 || address >= FLASH_BYTES) throw new RangeError(`No flash byte at ${address}`);
    this.send({ type: 'corrupt-flash', address });
  }

  async readFlash(): Promise<Uint8Array> {
    this.send({ type: 'read-flash' });
    const reply = await this.reply((message) => message.type === 'flash');
    return (reply as Extract<FromWorker, { type: 'flash' }>).bytes;
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  private async shutDown(): Promise<void> {
    if (!this.failure) {
      this.worker.postMessage({ type: 'stop' } satisfies ToWorker);
      await this.reply((message) => message.type === 'acknowledge' && message.request === 'stop').catch(() => {});
    }
    await this.worker.terminate();
    await this.link?.close();
    this.link = null;
    if (this.ownsDir) await rm(this.dir, { recursive: true, force: true });
  }

  private send(message: ToWorker): void {
    if (this.failure) throw this.failure;
    if (this.stopping) throw new Error('The emulated Uno is stopped');
    this.worker.postMessage(message);
  }

  /** Resolves with the first worker message matching `accept`; rejects on failure or timeout. */
  private reply(accept: (message: FromWorker) => boolean, timeoutMs = REPLY_TIMEOUT_MS): Promise<FromWorker> {
    return new Promise<FromWorker>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`The emulator worker did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = (message) => {
        if (message instanceof Error) reject(message);
        else if (message.type === 'failed') reject(new Error(message.message));
        else if (accept(message)) resolve(message);
        else return false;
        clearTimeout(timer);
        return true;
      };
      if (this.failure) waiter(this.failure);
      else this.waiters.add(waiter);
    });
  }

  private receive(message: FromWorker): void {
    if (message.type === 'events') this.dispatch(message.events);
    if (message.type === 'rgb') this.rgbFrames.set(message.pin, message.colours);
    for (const waiter of [...this.waiters]) {
      if (waiter(message)) this.waiters.delete(waiter);
    }
  }

  private dispatch(events: Float64Array): void {
    for (let offset = 0; offset < events.length; offset += EVENT_FIELDS) {
      const pin = events[offset + 1]!;
      const value = events[offset + 2]!;
      const tMs = events[offset + 3]!;
      if (events[offset] === EVENT_PIN) {
        this.levels[pin] = value;
        for (const listener of this.pinListeners) listener(pin, value === 1 ? 1 : 0, tMs);
        continue;
      }
      if (this.pwmLog.length >= PWM_HISTORY_LIMIT) this.pwmLog.splice(0, PWM_HISTORY_LIMIT / 10);
      this.pwmLog.push({ pin, duty: value, tMs, wallMs: events[offset + 4]! });
      this.duties[pin] = value;
      for (const listener of this.pwmListeners) listener(pin, value, tMs);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of [...this.waiters]) {
      if (waiter(this.failure)) this.waiters.delete(waiter);
    }
  }
}
