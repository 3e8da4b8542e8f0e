/**
 * A tap on the serial wire between a host program and the emulated Uno: the host opens `tap.path`
 * (one end of a socat pty pair), the tap forwards every byte to the board's port and back, and
 * stamps what the host wrote with the wall clock when it was written. Pins and durations are then
 * read from the host's own messages, on the wire, whatever the emulated board's speed: Firmata's
 * pin messages, or the RoboKit firmware's `m L R` lines turned into the pins the board drives.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SerialPort } from 'serialport';
import { PtyLink } from '../../firmware-bridge/emulator/pty-link';
import { directionLevel, pwmDuty } from '../../app/core/hardware-rules';
import type { Profile } from '../../app/core/profiles';
import { ANALOG_MESSAGE, DIGITAL_MESSAGE } from '../../firmware-bridge/src/firmata-messages';

/** One pin write the host sent: PWM duty (analog message) or a digital level. */
export interface PinWrite {
  readonly tMs: number;
  readonly pin: number;
  readonly kind: 'pwm' | 'digital';
  readonly value: number;
}

export interface WireTap {
  /** The port the host opens. */
  readonly path: string;
  /** Pin writes since the last `reset()`, in order. */
  writes(): PinWrite[];
  reset(): void;
  close(): Promise<void>;
}

/** Turns the host's bytes into pin writes. */
export interface WireDecoder {
  readonly writes: PinWrite[];
  push(chunk: Buffer, tMs: number): void;
  reset(): void;
}

export async function startWireTap(boardPath: string, decoder: WireDecoder = new FirmataWrites()): Promise<WireTap> {
  const dir = await mkdtemp(join(tmpdir(), 'robokit-tap-'));
  const link = await PtyLink.open(dir);
  const open = (path: string, baudRate: number) =>
    new Promise<SerialPort>((resolve, reject) => {
      const port = new SerialPort({ path, baudRate }, (error) => (error ? reject(error) : resolve(port)));
    });
  const host = await open(link.boardPath, 57600);
  const board = await open(boardPath, 57600);
  host.on('data', (chunk: Buffer) => {
    decoder.push(chunk, performance.now());
    board.write(chunk);
  });
  board.on('data', (chunk: Buffer) => host.write(chunk));
  const close = (port: SerialPort) => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));
  return {
    path: link.appPath,
    writes: () => [...decoder.writes],
    reset: () => decoder.reset(),
    async close() {
      await Promise.all([close(host), close(board)]);
      await link.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Decodes the RoboKit firmware's motor lines (`m L R`, percent) into the H-bridge pins the board
 * drives for them (PWM duty and direction level, by RoboKit's hardware rules); skips other lines.
 */
export class RobokitLineWrites implements WireDecoder {
  readonly writes: PinWrite[] = [];
  private partial = '';

  constructor(private readonly profile: Profile) {}

  reset(): void {
    this.writes.length = 0;
  }

  push(chunk: Buffer, tMs: number): void {
    const lines = (this.partial + chunk.toString('latin1')).split('\n');
    this.partial = lines.pop()!;
    const motors = this.profile.pins.motors;
    if (motors?.type !== 'hbridge') return;
    for (const line of lines) {
      const m = /^m (-?\d+) (-?\d+)\r?$/.exec(line);
      if (!m) continue;
      for (const [side, power] of [[motors.left, Number(m[1])], [motors.right, Number(m[2])]] as const) {
        this.writes.push({ tMs, pin: side.dir, kind: 'digital', value: directionLevel(power, motors.forwardLevel) });
        this.writes.push({ tMs, pin: side.pwm, kind: 'pwm', value: pwmDuty(power) });
      }
    }
  }
}

/** Decodes analog (PWM) and digital port messages from the host's byte stream; skips the rest. */
class FirmataWrites implements WireDecoder {
  readonly writes: PinWrite[] = [];
  private ports = new Map<number, number>();
  private message: number[] = [];
  private inSysex = false;

  /** A new run: no writes, and every port's first message says all its pins again. */
  reset(): void {
    this.writes.length = 0;
    this.ports.clear();
  }

  push(chunk: Buffer, tMs: number): void {
    for (const byte of chunk) {
      if (this.inSysex) {
        if (byte === 0xf7) this.inSysex = false;
        continue;
      }
      if (byte === 0xf0) {
        this.inSysex = true;
        this.message = [];
        continue;
      }
      if (byte & 0x80) this.message = [byte];
      else if (this.message.length > 0) this.message.push(byte);
      if (this.message.length === 3) this.complete(tMs);
    }
  }

  private complete(tMs: number): void {
    const [command, lsb, msb] = this.message as [number, number, number];
    this.message = [];
    const value = lsb | (msb << 7);
    if ((command & 0xf0) === ANALOG_MESSAGE) {
      this.writes.push({ tMs, pin: command & 0x0f, kind: 'pwm', value });
    } else if ((command & 0xf0) === DIGITAL_MESSAGE) {
      const port = command & 0x0f;
      const before = this.ports.get(port) ?? 0;
      this.ports.set(port, value);
      for (let bit = 0; bit < 8; bit++) {
        const level = (value >> bit) & 1;
        if (level !== ((before >> bit) & 1) || !this.ports.has(-1 - port)) {
          this.writes.push({ tMs, pin: port * 8 + bit, kind: 'digital', value: level });
        }
      }
      this.ports.set(-1 - port, 1);
    }
  }
}

/** What one PWM pin did from its first non-zero duty: held duties with their direction level and time. */
export interface DriveSpan {
  readonly duty: number;
  /** The direction pin's level meanwhile (undefined without a direction pin). */
  readonly dir: number | undefined;
  readonly ms: number;
  /** When it ended (wire ms), to merge neighbours. */
  readonly until?: number;
}

/**
 * Cuts one PWM pin's writes into held states (duty and direction level): every write to the PWM or
 * the direction pin is a breakpoint; states held less than `minMs` are dropped (two writes at one
 * instant, or in either order: stop then the next move, direction then duty), and equal states less
 * than `minMs` apart merged (the robot does not stop between two moves the same way); the stretch
 * after the last write is left out.
 */
export function driveSpans(writes: readonly PinWrite[], pwmPin: number, dirPin?: number, minMs = 15): DriveSpan[] {
  let duty = 0;
  let dir: number | undefined;
  const states: { duty: number; dir: number | undefined; from: number }[] = [];
  for (const w of writes) {
    if (w.kind === 'pwm' && w.pin === pwmPin) duty = w.value;
    else if (w.kind === 'digital' && w.pin === dirPin) dir = w.value;
    else continue;
    states.push({ duty, dir, from: w.tMs });
  }
  const held: DriveSpan[] = [];
  states.forEach((state, i) => {
    const next = states[i + 1];
    if (!next || next.from - state.from < minMs) return;
    const last = held.at(-1);
    if (last && last.duty === state.duty && last.dir === state.dir && state.from - last.until! < minMs) {
      held[held.length - 1] = { ...last, ms: next.from - (last.until! - last.ms), until: next.from };
    } else held.push({ duty: state.duty, dir: state.dir, ms: next.from - state.from, until: next.from });
  });
  return held.filter((s) => s.duty > 0).map(({ duty, dir, ms }) => ({ duty, dir, ms }));
}

/** Each time a digital pin went HIGH: how long it stayed there. */
export function highSpans(writes: readonly PinWrite[], pin: number): number[] {
  const out: number[] = [];
  let since: number | null = null;
  for (const w of writes) {
    if (w.kind !== 'digital' || w.pin !== pin) continue;
    if (w.value === 1 && since === null) since = w.tMs;
    else if (w.value === 0 && since !== null) {
      out.push(w.tMs - since);
      since = null;
    }
  }
  return out;
}
