/**
 * The contract every RobotIo adapter passes: the fake, the simulator, the emulated Uno over
 * Firmata, the RoboKit firmware, a real board. The suite drives the adapter through RobotIo and
 * looks at the robot side through a ContractObserver, which each rig implements its own way
 * (reading the fake's state, the simulated robot, the emulated pins and PWM duty, …).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CAPABILITIES, type Capability, type Side } from '../../app/core/ir';
import { capabilitiesOf, type RobotIo } from '../../app/core/robot-io';

export interface ContractObserver {
  /** Motor power the robot side sees, −100…100 %. */
  motors?(): { left: number; right: number };
  light?(): boolean;
  /** Tone frequency being played, 0 when silent (sound `pitch`). */
  toneHz?(): number;
  /** Whether the buzzer sounds (sound `on-off`). */
  soundOn?(): boolean;
  penDown?(): boolean;
  /** Sensor inputs on the robot side. */
  setDistance?(cm: number): void;
  setLine?(side: Side, dark: boolean): void;
  setLight?(level: number): void;
  setButton?(pressed: boolean): void;
  /**
   * Resolves once what was sent so far has reached the robot and sensor inputs set so far have
   * reached the adapter (a rig with a real link waits for a few reports; the fake resolves at once).
   */
  settle(): Promise<void>;
  /** How close observed values must be, given the robot's resolution (PWM steps, ADC steps, curves). */
  readonly tolerance?: { readonly motors?: number; readonly toneHz?: number; readonly distance?: number; readonly light?: number };
}

export interface ContractAdapter {
  readonly io: RobotIo;
  readonly observe: ContractObserver;
  dispose(): Promise<void>;
}

export interface ContractOptions {
  /** The capabilities this adapter must have (default: all). */
  readonly capabilities?: readonly Capability[];
  /** Commands in the flood sent before `stopAll` (default 500). */
  readonly floodSize?: number;
  /**
   * What the robot side shows of a tone: `pitch` (default), its frequency (`toneHz`), as the fake
   * and the simulator do; `on-off`, only whether it sounds (`soundOn`), for a buzzer that plays its
   * own pitch — the Firmata adapter's beep, since a pitch over Firmata costs a message per half
   * period and would starve the stop.
   */
  readonly sound?: 'pitch' | 'on-off';
}

function observed<K extends keyof ContractObserver>(observe: ContractObserver, key: K): NonNullable<ContractObserver[K]> {
  const value = observe[key];
  if (value === undefined) throw new Error(`the contract observer needs ${String(key)}() for this capability`);
  return (typeof value === 'function' ? value.bind(observe) : value) as NonNullable<ContractObserver[K]>;
}

export function robotIoContract(
  name: string,
  makeAdapter: () => Promise<ContractAdapter>,
  options: ContractOptions = {},
): void {
  const expected = options.capabilities ?? CAPABILITIES;
  const has = (c: Capability): boolean => expected.includes(c);
  const floodSize = options.floodSize ?? 500;
  const soundKind = options.sound ?? 'pitch';
  /** Tests of a capability exist only for adapters that must have it (nothing is skipped). */
  const forCapability = (capability: Capability, title: string, tests: () => void): void => {
    if (has(capability)) describe(title, tests);
  };

  describe(`RobotIo contract: ${name}`, () => {
    let adapter: ContractAdapter;
    let io: RobotIo;
    let observe: ContractObserver;
    const near = (kind: 'motors' | 'toneHz' | 'distance' | 'light', actual: number, wanted: number): void => {
      const tolerance = observe.tolerance?.[kind] ?? 0.5;
      expect(Math.abs(actual - wanted), `${kind}: ${actual} vs ${wanted}`).toBeLessThanOrEqual(tolerance);
    };
    /** Sounding or not, as this robot side shows it. */
    const sounding = (): boolean =>
      soundKind === 'pitch' ? observed(observe, 'toneHz')() > 0 : observed(observe, 'soundOn')();
    const motorsNear = (left: number, right: number): void => {
      const m = observed(observe, 'motors')();
      near('motors', m.left, left);
      near('motors', m.right, right);
    };

    beforeEach(async () => {
      adapter = await makeAdapter();
      io = adapter.io;
      observe = adapter.observe;
      await io.prepare(expected);
    });
    afterEach(async () => {
      await io.stopAll();
      await adapter.dispose();
    });

    it('has exactly the expected capabilities, each with its methods', () => {
      expect([...capabilitiesOf(io)].sort()).toEqual([...expected].sort());
      const methods: Record<Capability, readonly string[]> = {
        motors: ['setMotors'],
        light: ['setLight'],
        sound: ['tone', 'noTone'],
        pen: ['setPen'],
        distance: ['readDistance'],
        line: ['readLine'],
        lightSensor: ['readLight'],
        button: ['readButton'],
      };
      for (const capability of expected) {
        const part = io[capability] as unknown as Record<string, unknown>;
        for (const method of methods[capability]) expect(typeof part[method], `${capability}.${method}`).toBe('function');
      }
    });

    it('prepare resolves, for every capability and for none', async () => {
      await expect(io.prepare(expected)).resolves.toBeUndefined();
      await expect(io.prepare([])).resolves.toBeUndefined();
    });

    it('stopAll resolves and is idempotent, called twice at once or again later', async () => {
      await expect(Promise.all([io.stopAll(), io.stopAll()])).resolves.toEqual([undefined, undefined]);
      await expect(io.stopAll()).resolves.toBeUndefined();
    });

    forCapability('motors', 'motors', () => {
      it('motor values set are observable, and 0 again', async () => {
        io.motors!.setMotors(40, -60);
        await observe.settle();
        motorsNear(40, -60);
        io.motors!.setMotors(0, 0);
        await observe.settle();
        motorsNear(0, 0);
      });

      it('clamps values outside −100…100', async () => {
        io.motors!.setMotors(150, -250);
        await observe.settle();
        motorsNear(100, -100);
      });

      it('stopAll sets motors to 0', async () => {
        io.motors!.setMotors(80, 80);
        await observe.settle();
        await io.stopAll();
        await observe.settle();
        motorsNear(0, 0);
      });

      it('stopAll wins over a flood of queued commands, and commands work again after it', async () => {
        for (let i = 0; i < floodSize; i++) io.motors!.setMotors(50 + (i % 50), -50 - (i % 50));
        if (io.sound) io.sound.tone(880);
        await io.stopAll();
        await observe.settle();
        motorsNear(0, 0);
        if (io.sound) expect(sounding()).toBe(false);
        await observe.settle();
        motorsNear(0, 0);
        io.motors!.setMotors(30, 30);
        await observe.settle();
        motorsNear(30, 30);
      });
    });

    forCapability('light', 'light', () => {
      it('on and off are observable', async () => {
        io.light!.setLight(true);
        await observe.settle();
        expect(observed(observe, 'light')()).toBe(true);
        io.light!.setLight(false);
        await observe.settle();
        expect(observed(observe, 'light')()).toBe(false);
      });
    });

    forCapability('sound', 'sound', () => {
      it('a tone is heard until noTone, and tone(0) is silence', async () => {
        io.sound!.tone(440);
        await observe.settle();
        expect(sounding()).toBe(true);
        io.sound!.noTone();
        await observe.settle();
        expect(sounding()).toBe(false);
        io.sound!.tone(440);
        io.sound!.tone(0);
        await observe.settle();
        expect(sounding()).toBe(false);
      });

      it('stopAll silences the tone', async () => {
        io.sound!.tone(660);
        await observe.settle();
        expect(sounding()).toBe(true);
        await io.stopAll();
        await observe.settle();
        expect(sounding()).toBe(false);
      });

      if (soundKind === 'pitch') {
        it('plays the pitch asked for, and a new tone replaces it', async () => {
          const toneHz = observed(observe, 'toneHz');
          io.sound!.tone(440);
          await observe.settle();
          near('toneHz', toneHz(), 440);
          io.sound!.tone(880);
          await observe.settle();
          near('toneHz', toneHz(), 880);
        });
      }
    });

    forCapability('pen', 'pen', () => {
      it('down and up are observable', async () => {
        io.pen!.setPen(true);
        await observe.settle();
        expect(observed(observe, 'penDown')()).toBe(true);
        io.pen!.setPen(false);
        await observe.settle();
        expect(observed(observe, 'penDown')()).toBe(false);
      });
    });

    forCapability('distance', 'distance sensor', () => {
      it('reads the distance the robot sees, in cm', async () => {
        for (const cm of [15, 40]) {
          observed(observe, 'setDistance')(cm);
          await observe.settle();
          const read = io.distance!.readDistance();
          expect(Number.isFinite(read)).toBe(true);
          near('distance', read, cm);
        }
      });
    });

    forCapability('line', 'line sensors', () => {
      it('each side reads dark or not, independently', async () => {
        const setLine = observed(observe, 'setLine');
        setLine('left', true);
        setLine('right', false);
        await observe.settle();
        expect([io.line!.readLine('left'), io.line!.readLine('right')]).toEqual([true, false]);
        setLine('left', false);
        setLine('right', true);
        await observe.settle();
        expect([io.line!.readLine('left'), io.line!.readLine('right')]).toEqual([false, true]);
      });
    });

    forCapability('lightSensor', 'light sensor', () => {
      it('reads ambient light within 0…100', async () => {
        for (const level of [10, 80]) {
          observed(observe, 'setLight')(level);
          await observe.settle();
          const read = io.lightSensor!.readLight();
          expect(read).toBeGreaterThanOrEqual(0);
          expect(read).toBeLessThanOrEqual(100);
          near('light', read, level);
        }
      });
    });

    forCapability('button', 'button', () => {
      it('reads pressed and released', async () => {
        const setButton = observed(observe, 'setButton');
        setButton(true);
        await observe.settle();
        expect(io.button!.readButton()).toBe(true);
        setButton(false);
        await observe.settle();
        expect(io.button!.readButton()).toBe(false);
      });
    });
  });
}
