/**
 * A hand-written fake of a board running the RoboKit firmware (docs/protocol.md), at the far end of
 * a FakeLink: it answers every line, keeps the actuators' state, times moves and tones on its own
 * clock (a Scheduler), reports watched sensors on change, and runs the failsafe. Enough protocol for
 * the host's transport, adapter and detection; the real firmware is tested on the emulated Uno.
 */
import { type Scheduler, systemScheduler } from '../../../firmware-bridge/src/command-queue';
import { configHash } from '../../../firmware-bridge/src/robokit-config';
import type { FakeEndpoint, FakeLink } from './fake-board';

export type RobokitBehaviour = 'robokit' | 'silent' | 'garbage-first';

type SensorKey = 'd' | 'll' | 'lr' | 'li' | 'b';

interface TimedAction {
  readonly tag: number;
  readonly cancel: () => void;
}


export class FakeRobokitBoard implements FakeEndpoint {
  motors = { left: 0, right: 0 };
  toneHz = 0;
  light = false;
  penDown = false;
  readonly sensors: Record<SensorKey, number> = { d: 800, ll: 0, lr: 0, li: 0, b: 0 };
  watched: SensorKey[] = [];
  /** Every line received, in order. */
  readonly received: string[] = [];
  readonly events: string[] = [];
  kit = '-';
  name = 'Robot Lila';
  /** 00000000: a new board, no id yet (the host gives one with `id`). */
  boardId = '3F2A9C01';
  storedHash = '00000000';
  failsafeMs = 300;
  failsafeFired = 0;
  private lines: string[] = [];
  private configured = new Set<string>();
  private savedCaps: string[] = [];
  private move: TimedAction | undefined;
  private tone: TimedAction | undefined;
  private link: FakeLink | undefined;
  private buffer = '';
  private cancelFailsafe: (() => void) | undefined;
  private cancelWatch: (() => void) | undefined;
  private reported: Partial<Record<SensorKey, number>> = {};

  constructor(
    public behaviour: RobokitBehaviour = 'robokit',
    private readonly clock: Scheduler = systemScheduler,
  ) {}

  attach(link: FakeLink): void {
    this.link = link;
  }

  /** The board boots: outputs off, then its hello, unasked. */
  boot(): void {
    this.safe();
    this.watched = [];
    this.say(this.helloLine());
  }

  /** Every watched sensor's latest value has been reported. */
  get reportsCurrent(): boolean {
    return this.watched.every((k) => this.reported[k] === this.sensors[k]);
  }

  setSensor(key: SensorKey, value: number): void {
    this.sensors[key] = value;
  }

  receive(bytes: Uint8Array): void {
    if (this.behaviour === 'silent') return;
    this.buffer += Buffer.from(bytes).toString('utf8');
    for (let nl = this.buffer.indexOf('\n'); nl >= 0; nl = this.buffer.indexOf('\n')) {
      const line = this.buffer.slice(0, nl).replace(/\r$/, '');
      this.buffer = this.buffer.slice(nl + 1);
      this.received.push(line);
      this.armFailsafe();
      if (this.behaviour === 'garbage-first' && this.received.length === 1) this.link?.fromBoard(Uint8Array.of(0xff, 0x00, 0x13, 0x0a));
      this.say(this.handle(line));
    }
  }

  private say(line: string): void {
    this.link?.fromBoard(Buffer.from(`${line}\r\n`, 'utf8'));
  }

  private event(line: string): void {
    this.events.push(line);
    this.say(line);
  }

  private helloLine(): string {
    const caps = this.savedCaps.length > 0 ? this.savedCaps.join(',') : '-';
    return `hello fw=robokit ver=1.0.0 proto=1 board=uno id=${this.boardId} caps=${caps} kit=${this.kit} name=${this.name}`;
  }

  private handle(line: string): string {
    const [word = '', ...args] = line.split(/ +/);
    const n = args.map(Number);
    switch (word) {
      case 'hello':
        return this.helloLine();
      case 'hb':
      case 'identify':
        return 'ok';
      case 'failsafe':
        if (!(n[0]! >= 100 && n[0]! <= 2000)) return 'err range MS';
        this.failsafeMs = n[0]!;
        return 'ok';
      case 'name':
        this.name = line.slice(5) || '-';
        return 'ok';
      case 'id':
        if (!/^[0-9A-Fa-f]{8}$/.test(args[0] ?? '') || /^0+$/.test(args[0]!)) return 'err range ID';
        this.boardId = args[0]!.toUpperCase();
        return 'ok';
      case 'cfg':
        return this.cfg(line, args);
      case 'm':
        if (args.length !== 2) return 'err args';
        if (n.some((v) => !(v >= -100 && v <= 100))) return 'err range L';
        this.cancelMove();
        this.motors = { left: n[0]!, right: n[1]! };
        return 'ok';
      case 'move':
        return this.timedMove(n);
      case 'tone':
        return this.timedTone(n);
      case 'led':
        this.light = n[0] === 1;
        return 'ok';
      case 'pen':
        this.penDown = n[0] === 1;
        return 'ok';
      case 'stop':
        this.safe();
        return 'ok';
      case 'watch':
        return this.watch(args);
      case 'read':
        return `ok d=${this.sensors.d} ll=${this.sensors.ll} lr=${this.sensors.lr} li=${this.sensors.li} b=${this.sensors.b}`;
      default:
        // Like the firmware: what it says back is printable ASCII.
        return `err unknown ${word.replace(/[^\x20-\x7e]/g, '?')}`;
    }
  }

  private cfg(line: string, args: string[]): string {
    const part = args[0];
    if (part === 'reset') {
      this.lines = [];
      this.configured.clear();
      return 'ok';
    }
    if (part === 'hash') return `ok hash=${this.storedHash}`;
    if (part === 'save') {
      this.storedHash = configHash(this.lines);
      this.savedCaps = [...this.configured];
      return `ok hash=${this.storedHash}`;
    }
    if (part === 'kit') this.kit = args[1] ?? '-';
    const caps: Record<string, string> = {
      motors: 'motors',
      light: 'light',
      buzzer: 'sound',
      pen: 'pen',
      distance: 'distance',
      line: 'line',
      lightsensor: 'lightSensor',
      button: 'button',
      rgb: 'rgb',
    };
    if (part !== 'kit' && part !== 'calib' && !(part! in caps)) return 'err unknown cfg';
    if (part! in caps) this.configured.add(caps[part!]!);
    this.lines.push(line);
    return 'ok';
  }

  private timedMove(n: number[]): string {
    const [left, right, ms, tag] = n;
    if (n.length !== 4) return 'err args';
    this.cancelMove();
    this.motors = { left: left!, right: right! };
    const cancel = this.clock.setTimer(() => {
      this.move = undefined;
      this.motors = { left: 0, right: 0 };
      this.event(`done ${tag}`);
    }, ms!);
    this.move = { tag: tag!, cancel };
    return 'ok';
  }

  private timedTone(n: number[]): string {
    const [hz, ms, tag] = n;
    this.cancelTone();
    this.toneHz = hz!;
    if (hz !== 0 && ms !== undefined) {
      const cancel = this.clock.setTimer(() => {
        this.tone = undefined;
        this.toneHz = 0;
        this.event(`done ${tag}`);
      }, ms);
      this.tone = { tag: tag!, cancel };
    }
    return 'ok';
  }

  private watch(args: string[]): string {
    this.cancelWatch?.();
    this.cancelWatch = undefined;
    if (args.length === 0) {
      this.watched = [];
      return 'ok';
    }
    this.watched = args[0]!.split(',') as SensorKey[];
    this.reported = {};
    const every = Number(args[1] ?? 50);
    const tick = (): void => {
      const changed = this.watched.filter((k) => this.reported[k] !== this.sensors[k]);
      if (changed.length > 0) {
        for (const k of changed) this.reported[k] = this.sensors[k];
        this.event(`s ${changed.map((k) => `${k}=${this.sensors[k]}`).join(' ')}`);
      }
      this.cancelWatch = this.clock.setTimer(tick, every);
    };
    this.cancelWatch = this.clock.setTimer(tick, 0);
    return 'ok';
  }

  private cancelMove(): void {
    if (!this.move) return;
    this.move.cancel();
    this.event(`stopped ${this.move.tag}`);
    this.move = undefined;
  }

  private cancelTone(): void {
    if (!this.tone) return;
    this.tone.cancel();
    this.event(`stopped ${this.tone.tag}`);
    this.tone = undefined;
  }

  private safe(): void {
    this.cancelMove();
    this.cancelTone();
    this.motors = { left: 0, right: 0 };
    this.toneHz = 0;
  }

  private armFailsafe(): void {
    this.cancelFailsafe?.();
    this.cancelFailsafe = this.clock.setTimer(() => {
      this.cancelFailsafe = undefined;
      this.failsafeFired++;
      this.safe();
      this.event('evt failsafe');
    }, this.failsafeMs);
  }

  /** Stop every timer (the end of a test). */
  dispose(): void {
    this.cancelFailsafe?.();
    this.cancelWatch?.();
    this.move?.cancel();
    this.tone?.cancel();
  }
}
