/**
 * Worker thread: runs the emulated Uno paced to the wall clock (16 MHz emulated ≈ real time, slower
 * if this machine cannot keep up) and bridges its USART to the board end of the pty pair.
 * Bundled by esbuild at start-up (see worker-bundle.ts), so it must not rely on import.meta.
 */
import { constants, openSync } from 'node:fs';
import { setPriority } from 'node:os';
import { ReadStream } from 'node:tty';
import { parentPort, workerData } from 'node:worker_threads';
import { EVENT_PIN, EVENT_PWM, SHARED, type FromWorker, type ToWorker, type WorkerData } from './rig-protocol';
import { CYCLES_PER_MS, RESET_CAUSE, UnoMachine, type BootOptions, type MachineObserver } from './uno-machine';
import { UltrasonicModel, type UltrasonicWiring } from './ultrasonic-model';
import { PIN_COUNT, PWM_PINS } from './uno-pins';
import { Ws2812Decoder } from './ws2812-decoder';

/** Longest stretch of emulated time run without returning to the event loop. */
const MAX_CHUNK_CYCLES = 4 * CYCLES_PER_MS;
/**
 * Behind the wall clock (the thread was descheduled), the board catches up in chunks; further
 * behind than this, emulated time slips instead (this machine cannot keep up).
 */
const MAX_LAG_CYCLES = 25 * CYCLES_PER_MS;
const SPEED_SAMPLE_MS = 250;
const SPEED_WINDOW_SAMPLES = 9;

/**
 * A real board has a CPU of its own; the emulated one shares this machine's cores with the app it
 * talks to. Where allowed (root, or CAP_SYS_NICE), this thread runs at a raised priority so the
 * board keeps real time while the app starts up or computes. On Linux, pid 0 is this thread only.
 */
function raisePriority(): void {
  try {
    setPriority(0, -10);
  } catch {
    // Not allowed here: the board may then fall behind the wall clock under load (see speed()).
  }
}
raisePriority();

const port = parentPort!;
const config = workerData as WorkerData;
const state = new Float64Array(config.shared);
const wallStart = performance.now();

let events: number[] = [];
let transmitted: number[] = [];
let serial: ReadStream | null = null;
let stopped = false;

/** What the outside world applies to the board; it survives a board reset. */
const analogVolts = new Map<number, number>();
const drivenInputs = new Map<number, 0 | 1>();
/** Last values reported, so a reset reports only what really changed. */
const reportedLevels = new Int8Array(PIN_COUNT);
const reportedDuties = new Int16Array(PIN_COUNT);

const observer: MachineObserver = {
  onPin(pin, level, tMs) {
    if (reportedLevels[pin] === level) return;
    reportedLevels[pin] = level;
    events.push(EVENT_PIN, pin, level, tMs, wallEpochMs());
  },
  onPwm(pin, duty, tMs) {
    if (reportedDuties[pin] === duty) return;
    reportedDuties[pin] = duty;
    events.push(EVENT_PWM, pin, duty, tMs, wallEpochMs());
  },
  onTransmit: (byte) => transmitted.push(byte),
};

const eeprom = new Uint8Array(config.eeprom);

/** A board with the rig's EEPROM cells: they outlive every reset, as on the chip. */
/** Devices wired to the board: they stay wired across a board reset. */
let ultrasonic: { wiring: UltrasonicWiring; distanceMm: number } | null = null;
const rgbPins = new Set<number>();

/** A board with the rig's EEPROM cells and devices: they outlive every reset, as on the chip. */
function newMachine(flash: Uint8Array, startMs: number, boot: BootOptions): UnoMachine {
  const board = new UnoMachine(flash, observer, startMs, boot);
  board.attachEeprom(eeprom);
  wireDevices(board);
  return board;
}

function wireDevices(board: UnoMachine): void {
  if (ultrasonic) new UltrasonicModel(board, ultrasonic.wiring, () => ultrasonic?.distanceMm ?? Infinity);
  for (const pin of rgbPins) new Ws2812Decoder(board, pin, (colours) => post({ type: 'rgb', pin, colours }));
}

let machine = newMachine(config.flash, 0, { resetVector: config.resetVector });
let pace = { wall: performance.now(), cycles: 0 };
let busyMs = 0;

function wallEpochMs(): number {
  return performance.timeOrigin + performance.now();
}

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

function step(): void {
  if (stopped) return;
  const now = performance.now();
  let target = pace.cycles + (now - pace.wall) * CYCLES_PER_MS;
  if (target - machine.cycles > MAX_LAG_CYCLES) {
    pace = { wall: now, cycles: machine.cycles };
    target = machine.cycles;
  }
  const end = Math.min(target, machine.cycles + MAX_CHUNK_CYCLES);
  if (end > machine.cycles) {
    machine.runUntil(end, true);
    busyMs += performance.now() - now;
  }
  publish();
  if (machine.cycles >= target) setTimeout(step, 1);
  else setImmediate(step);
}

function publish(): void {
  for (let pin = 0; pin < PIN_COUNT; pin++) state[SHARED.servoUs + pin] = machine.servoPulseUs(pin) ?? Number.NaN;
  const wallMs = performance.now() - wallStart;
  state[SHARED.emulatedMs] = machine.timeMs;
  state[SHARED.wallMs] = wallMs;
  state[SHARED.busyMs] = busyMs;
  sampleSpeed(wallMs, machine.timeMs);
  if (transmitted.length > 0) {
    if (serial && !serial.destroyed) serial.write(Uint8Array.from(transmitted));
    transmitted = [];
  }
  if (events.length > 0) {
    const batch = Float64Array.from(events);
    events = [];
    post({ type: 'events', events: batch }, [batch.buffer]);
  }
}

/** Emulated/wall ratio over a sliding window of about two seconds. */
const speedSamples: Array<{ wallMs: number; emulatedMs: number }> = [];
function sampleSpeed(wallMs: number, emulatedMs: number): void {
  const last = speedSamples.at(-1);
  if (last && wallMs - last.wallMs < SPEED_SAMPLE_MS) return;
  speedSamples.push({ wallMs, emulatedMs });
  if (speedSamples.length > SPEED_WINDOW_SAMPLES) speedSamples.shift();
  const first = speedSamples[0]!;
  if (wallMs > first.wallMs) state[SHARED.recentRatio] = (emulatedMs - first.emulatedMs) / (wallMs - first.wallMs);
}

function attachSerial(path: string): void {
  detachSerial();
  const fd = openSync(path, constants.O_RDWR | constants.O_NOCTTY);
  const stream = new ReadStream(fd);
  stream.setRawMode(true);
  stream.on('data', (chunk: Buffer) => machine.receive(chunk));
  stream.on('error', (error: Error) => detachSerial(`link error: ${error.message}`));
  stream.on('close', () => detachSerial('link closed'));
  serial = stream;
  post({ type: 'serial-attached', path });
}

/**
 * The cable is pulled: whatever the host wrote that the chip has not taken yet is gone (the USB-serial
 * chip and the host's buffers lose it), so a flood left behind does not reach the board after a replug.
 */
function detachSerial(reason?: string): void {
  const stream = serial;
  if (!stream) return;
  serial = null;
  stream.destroy();
  machine.takePendingInput();
  if (reason) post({ type: 'serial-detached', reason });
}

/** The reset button: the flash (perhaps rewritten by the bootloader) stays, the host's unsent bytes too. */
function resetBoard(): void {
  const startMs = machine.timeMs;
  const pendingInput = machine.takePendingInput();
  const corruption = machine.pendingFlashCorruption;
  machine = newMachine(machine.flashImage(), startMs, {
    resetVector: config.resetVector,
    resetCause: RESET_CAUSE.external,
  });
  machine.receive(pendingInput);
  if (corruption !== null) machine.corruptNextFlashWrite(corruption);
  pace = { wall: performance.now(), cycles: 0 };
  for (const [channel, volts] of analogVolts) machine.setAnalogVoltage(channel, volts);
  for (const [pin, level] of drivenInputs) machine.setDigitalInput(pin, level);
  for (let pin = 0; pin < PIN_COUNT; pin++) observer.onPin(pin, machine.digital(pin), startMs);
  for (const pin of PWM_PINS) observer.onPwm(pin, machine.pwm(pin), startMs);
  publish();
}

function handle(message: ToWorker): void {
  switch (message.type) {
    case 'analog':
      machine.setAnalogVoltage(message.channel, message.volts);
      analogVolts.set(message.channel, message.volts);
      break;
    case 'digital-input':
      machine.setDigitalInput(message.pin, message.level);
      drivenInputs.set(message.pin, message.level);
      break;
    case 'ultrasonic': {
      const wiring = { trigger: message.trigger, echo: message.echo };
      const rewire = !ultrasonic || ultrasonic.wiring.trigger !== wiring.trigger || ultrasonic.wiring.echo !== wiring.echo;
      if (ultrasonic && rewire) throw new Error('The rig has one ultrasonic sensor, already wired to other pins');
      const first = !ultrasonic;
      ultrasonic = { wiring, distanceMm: message.distanceMm };
      if (first) new UltrasonicModel(machine, wiring, () => ultrasonic?.distanceMm ?? Infinity);
      break;
    }
    case 'rgb-leds':
      if (!rgbPins.has(message.pin)) {
        rgbPins.add(message.pin);
        new Ws2812Decoder(machine, message.pin, (colours) => post({ type: 'rgb', pin: message.pin, colours }));
      }
      break;
    case 'hang':
      machine.hang();
      break;
    case 'reset':
      resetBoard();
      break;
    case 'corrupt-flash':
      machine.corruptNextFlashWrite(message.address);
      break;
    case 'read-flash': {
      const bytes = machine.flashImage();
      post({ type: 'flash', bytes }, [bytes.buffer as ArrayBuffer]);
      return; // answered by flash
    }
    case 'attach-serial':
      attachSerial(message.path);
      return; // acknowledged by serial-attached
    case 'detach-serial':
      detachSerial('detached');
      break;
    case 'stop':
      stopped = true;
      detachSerial('stopped');
      break;
    default:
      message satisfies never;
  }
  post({ type: 'acknowledge', request: message.type });
}

port.on('message', (message: ToWorker) => {
  try {
    handle(message);
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});

attachSerial(config.serialPath);
post({ type: 'ready' });
step();
