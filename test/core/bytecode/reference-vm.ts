/**
 * The bytecode's executable specification (docs/bytecode.md), for tests: runs an image on virtual
 * time against a RobotIo, with float32 arithmetic as the AVR does. The conformance tests compare it
 * with the host runtime; the firmware's VM is compared with the same host timelines on the emulator.
 */
import { createRandom } from '../../../app/core/random';
import { clampPower, durationMs, TURN_POWER } from '../../../app/core/hardware-rules';
import type { RobotIo } from '../../../app/core/robot-io';
import { crc16, HEADER_BYTES, OP, RANDOM_LIMIT } from '../../../app/core/bytecode/format';

const f32 = Math.fround;
const STACK = 16;
const MAX_FRAMES = 8;
/** Instructions per slice; a slice costs 1 ms of board time (the firmware's loop services its I/O). */
const SLICE_OPS = 250;

export type VmEnd = 'end' | 'timeout' | `error ${string}`;

export interface VmClock {
  timeMs: number;
}

interface Frame {
  readonly locals: number[];
  readonly returnTo: number;
}

export function runImage(image: Uint8Array, io: RobotIo, clock: VmClock, limitMs: number, seed?: number): VmEnd {
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  const codeLength = view.getUint16(4, true);
  if (image[0] !== 0x52 || image[1] !== 0x4b || image[2] !== 1) return 'error header';
  if (view.getUint16(HEADER_BYTES + codeLength, true) !== crc16(image, HEADER_BYTES + codeLength)) return 'error crc';
  const code = image.subarray(HEADER_BYTES, HEADER_BYTES + codeLength);
  const codeView = new DataView(code.buffer, code.byteOffset, code.byteLength);
  const msPerDegree = view.getFloat32(8, true);
  const random = createRandom(seed ?? view.getUint32(12, true));
  const globals: number[] = new Array<number>(image[6]!).fill(0);
  const stack: number[] = [];
  const frames: Frame[] = [];
  let pc = 0;
  let ops = 0;

  const push = (v: number): void => {
    if (stack.length >= STACK) throw new VmError('stack');
    stack.push(f32(v));
  };
  const pop = (): number => {
    const v = stack.pop();
    if (v === undefined) throw new VmError('stack');
    return v;
  };
  const u8 = (): number => code[pc++]!;
  const u16 = (): number => {
    const v = codeView.getUint16(pc, true);
    pc += 2;
    return v;
  };
  const frame = (): Frame => frames.at(-1)!;
  const timed = (ms: number): boolean => {
    const until = clock.timeMs + Math.round(ms);
    clock.timeMs = Math.min(until, limitMs);
    return until <= limitMs;
  };
  const safe = (): void => {
    io.motors?.setMotors(0, 0);
    io.sound?.noTone();
  };
  const bool = (v: number): number => (v !== 0 && !Number.isNaN(v) ? 1 : 0);
  const round = (x: number): number => Math.floor(x + 0.5);

  try {
    for (;;) {
      if (++ops % SLICE_OPS === 0 && !timed(1)) return 'timeout';
      if (clock.timeMs >= limitMs) return 'timeout';
      const op = u8();
      switch (op) {
        case OP.END:
          safe();
          return 'end';
        case OP.PUSH_F:
          push(codeView.getFloat32(pc, true));
          pc += 4;
          break;
        case OP.PUSH_I8:
          push(codeView.getInt8(pc++));
          break;
        case OP.PUSH_I16:
          push(codeView.getInt16(pc, true));
          pc += 2;
          break;
        case OP.LOAD_G:
          push(globals[u8()]!);
          break;
        case OP.STORE_G:
          globals[u8()] = pop();
          break;
        case OP.LOAD_L:
          push(frame().locals[u8()]!);
          break;
        case OP.STORE_L:
          frame().locals[u8()] = pop();
          break;
        case OP.POP:
          pop();
          break;
        case OP.DUP: {
          const v = pop();
          push(v);
          push(v);
          break;
        }
        case OP.ADD:
        case OP.SUB:
        case OP.MUL:
        case OP.DIV:
        case OP.POW: {
          const b = pop();
          const a = pop();
          if (op === OP.DIV && b === 0) throw new VmError('div0');
          const r = op === OP.ADD ? a + b : op === OP.SUB ? a - b : op === OP.MUL ? a * b : op === OP.DIV ? a / b : Math.pow(a, b);
          if (Number.isNaN(r)) throw new VmError('nan');
          push(r);
          break;
        }
        case OP.BOOL:
          push(bool(pop()));
          break;
        case OP.NOT:
          push(1 - bool(pop()));
          break;
        case OP.EQ:
        case OP.NE:
        case OP.LT:
        case OP.LE:
        case OP.GT:
        case OP.GE: {
          const b = pop();
          const a = pop();
          const r = op === OP.EQ ? a === b : op === OP.NE ? a !== b : op === OP.LT ? a < b : op === OP.LE ? a <= b : op === OP.GT ? a > b : a >= b;
          push(r ? 1 : 0);
          break;
        }
        case OP.RANDOM: {
          let high = round(pop());
          let low = round(pop());
          if (low > high) [low, high] = [high, low];
          if (Math.abs(low) > RANDOM_LIMIT || Math.abs(high) > RANDOM_LIMIT) throw new VmError('range');
          const u = BigInt(Math.floor(random() * 2 ** 32));
          push(low + Number((u * BigInt(high - low + 1)) >> 32n));
          break;
        }
        case OP.JMP:
          pc = u16();
          break;
        case OP.JZ: {
          const to = u16();
          if (bool(pop()) === 0) pc = to;
          break;
        }
        case OP.CALL: {
          const to = u16();
          const n = u8();
          if (frames.length >= MAX_FRAMES) throw new VmError('deep');
          const args = stack.splice(stack.length - n, n);
          frames.push({ locals: args, returnTo: pc });
          pc = to;
          break;
        }
        case OP.ENTER: {
          const k = u8();
          if (frames.length === 0) frames.push({ locals: [], returnTo: -1 });
          const locals = frame().locals;
          while (locals.length < k) locals.push(0);
          break;
        }
        case OP.RET:
          pc = frames.pop()!.returnTo;
          break;
        case OP.SENSOR:
          push(readSensor(io, u8()));
          break;
        case OP.MOTORS: {
          const right = pop();
          const left = pop();
          io.motors!.setMotors(clampPower(left), clampPower(right));
          break;
        }
        case OP.MOVE: {
          const backward = u8() === 1;
          const seconds = pop();
          const speed = pop();
          const power = clampPower(backward ? -speed : speed);
          io.motors!.setMotors(power, power);
          if (!timed(durationMs(seconds))) return 'timeout';
          io.motors!.setMotors(0, 0);
          break;
        }
        case OP.TURN: {
          const right = u8() === 1;
          const degrees = pop();
          const left = !right === degrees >= 0;
          io.motors!.setMotors(left ? -TURN_POWER : TURN_POWER, left ? TURN_POWER : -TURN_POWER);
          if (!timed(Math.abs(degrees) * msPerDegree)) return 'timeout';
          io.motors!.setMotors(0, 0);
          break;
        }
        case OP.STOP:
          io.motors!.setMotors(0, 0);
          break;
        case OP.LIGHT:
          io.light!.setLight(u8() === 1);
          break;
        case OP.TONE: {
          const seconds = pop();
          io.sound!.tone(Math.max(0, pop()));
          if (!timed(durationMs(seconds))) return 'timeout';
          io.sound!.noTone();
          break;
        }
        case OP.PEN:
          io.pen!.setPen(u8() === 1);
          break;
        case OP.WAIT:
          if (!timed(durationMs(pop()))) return 'timeout';
          break;
        default:
          throw new VmError('op');
      }
    }
  } catch (error) {
    if (!(error instanceof VmError)) throw error;
    safe();
    return `error ${error.code}`;
  }
}

function readSensor(io: RobotIo, sensor: number): number {
  switch (sensor) {
    case 0:
      return io.distance!.readDistance();
    case 1:
      return io.line!.readLine('left') ? 1 : 0;
    case 2:
      return io.line!.readLine('right') ? 1 : 0;
    case 3:
      return io.lightSensor!.readLight();
    case 4:
      return io.button!.readButton() ? 1 : 0;
    default:
      throw new VmError('op');
  }
}

class VmError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}
