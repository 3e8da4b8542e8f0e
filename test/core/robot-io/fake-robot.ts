/**
 * A hand-written fake robot for tests: every capability (or a chosen subset), every call recorded
 * in order with the clock time, sensor values set by the test, link loss on demand.
 */
import { CAPABILITIES, type Capability, type Side } from '../../../app/core/ir';
import type {
  Button,
  DistanceSensor,
  Light,
  LightSensor,
  LineSensors,
  LinkState,
  Motors,
  Pen,
  RobotIo,
  Sound,
} from '../../../app/core/robot-io';
import type { Clock } from '../../../app/core/runtime/events';

/** One call the fake received. */
export type FakeCallData =
  | { readonly op: 'prepare'; readonly uses: readonly Capability[] }
  | { readonly op: 'stopAll' }
  | { readonly op: 'setMotors'; readonly left: number; readonly right: number }
  | { readonly op: 'setLight'; readonly on: boolean }
  | { readonly op: 'tone'; readonly frequencyHz: number }
  | { readonly op: 'noTone' }
  | { readonly op: 'setPen'; readonly down: boolean }
  | { readonly op: 'readDistance' | 'readLight' | 'readButton' }
  | { readonly op: 'readLine'; readonly side: Side };

/** A call with the clock time it came at. */
export type FakeCall = FakeCallData & { readonly t: number };

export interface FakeRobotOptions {
  /** Capabilities the fake has (default: all). */
  readonly capabilities?: readonly Capability[];
  /** Time stamped on each call (default: always 0). */
  readonly clock?: Clock;
  /** Give the fake `onDidChangeLink`, so a test can `loseLink()`. */
  readonly link?: boolean;
}

/** What the robot is doing and sensing right now. */
export interface FakeRobotState {
  left: number;
  right: number;
  light: boolean;
  toneHz: number;
  penDown: boolean;
  distanceCm: number;
  line: Record<Side, boolean>;
  ambientLight: number;
  button: boolean;
}

const clamp = (value: number, low: number, high: number): number => Math.max(low, Math.min(high, value));

export class FakeRobot implements RobotIo {
  readonly calls: FakeCall[] = [];
  readonly state: FakeRobotState = {
    left: 0,
    right: 0,
    light: false,
    toneHz: 0,
    penDown: false,
    distanceCm: 100,
    line: { left: false, right: false },
    ambientLight: 50,
    button: false,
  };
  readonly motors: Motors | undefined;
  readonly light: Light | undefined;
  readonly sound: Sound | undefined;
  readonly pen: Pen | undefined;
  readonly distance: DistanceSensor | undefined;
  readonly line: LineSensors | undefined;
  readonly lightSensor: LightSensor | undefined;
  readonly button: Button | undefined;
  readonly onDidChangeLink: ((listener: (state: LinkState) => void) => () => void) | undefined;
  private readonly clock: Clock;
  private readonly linkListeners = new Set<(state: LinkState) => void>();

  constructor(options: FakeRobotOptions = {}) {
    this.clock = options.clock ?? { now: () => 0 };
    const has = new Set(options.capabilities ?? CAPABILITIES);
    const s = this.state;
    const part = <T>(capability: Capability, value: T): T | undefined => (has.has(capability) ? value : undefined);
    this.motors = part('motors', { setMotors: (left, right) => this.setMotors(left, right) });
    this.light = part('light', { setLight: (on) => this.act({ op: 'setLight', on }, () => (s.light = on)) });
    this.sound = part('sound', {
      tone: (frequencyHz) => this.act({ op: 'tone', frequencyHz }, () => (s.toneHz = Math.max(0, frequencyHz))),
      noTone: () => this.act({ op: 'noTone' }, () => (s.toneHz = 0)),
    });
    this.pen = part('pen', { setPen: (down) => this.act({ op: 'setPen', down }, () => (s.penDown = down)) });
    this.distance = part('distance', { readDistance: () => this.read({ op: 'readDistance' }, s.distanceCm) });
    this.line = part('line', { readLine: (side) => this.read({ op: 'readLine', side }, s.line[side]) });
    this.lightSensor = part('lightSensor', { readLight: () => this.read({ op: 'readLight' }, s.ambientLight) });
    this.button = part('button', { readButton: () => this.read({ op: 'readButton' }, s.button) });
    this.onDidChangeLink = options.link ? (listener) => this.listenLink(listener) : undefined;
  }

  prepare(uses: readonly Capability[]): Promise<void> {
    this.record({ op: 'prepare', uses: [...uses] });
    return Promise.resolve();
  }

  stopAll(): Promise<void> {
    this.record({ op: 'stopAll' });
    this.state.left = 0;
    this.state.right = 0;
    this.state.toneHz = 0;
    return Promise.resolve();
  }

  /** The actuator calls only (no reads, prepare or stopAll), without times: handy in assertions. */
  actions(): FakeCallData[] {
    return this.calls
      .filter((c) => !c.op.startsWith('read') && c.op !== 'prepare')
      .map(({ t: _t, ...rest }) => rest);
  }

  setDistance(cm: number): void {
    this.state.distanceCm = cm;
  }

  setLine(side: Side, dark: boolean): void {
    this.state.line[side] = dark;
  }

  setAmbientLight(level: number): void {
    this.state.ambientLight = clamp(level, 0, 100);
  }

  setButton(pressed: boolean): void {
    this.state.button = pressed;
  }

  loseLink(): void {
    for (const listener of [...this.linkListeners]) listener('lost');
  }

  private setMotors(left: number, right: number): void {
    this.act({ op: 'setMotors', left, right }, () => {
      this.state.left = clamp(left, -100, 100);
      this.state.right = clamp(right, -100, 100);
    });
  }

  private listenLink(listener: (state: LinkState) => void): () => void {
    this.linkListeners.add(listener);
    return () => this.linkListeners.delete(listener);
  }

  private act(call: FakeCallData, effect: () => void): void {
    this.record(call);
    effect();
  }

  private read<T>(call: FakeCallData, value: T): T {
    this.record(call);
    return value;
  }

  private record(call: FakeCallData): void {
    this.calls.push({ ...call, t: this.clock.now() } as FakeCall);
  }
}
