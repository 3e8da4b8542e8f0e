import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../app/core/errors';
import { message } from '../../app/core/i18n/messages';
import { BUILT_IN_PROFILES, type Profile } from '../../app/core/profiles';
import type { LinkState } from '../../app/core/robot-io';
import { RobotConnection, type ConnectOptions, type ConnectionState } from '../../firmware-bridge/src/connection';
import { FakeBoard, FakeLink, type BoardBehaviour } from './fakes/fake-board';

const twoWheel = BUILT_IN_PROFILES['arduino-2wd']!;
const servoBot = BUILT_IN_PROFILES['servo-bot']!;

/** A board on a cable that can be pulled and plugged back. */
class Bench {
  board: FakeBoard;
  link: FakeLink | undefined;
  plugged = true;
  opens = 0;
  constructor(behaviour: BoardBehaviour = 'firmata') {
    this.board = new FakeBoard(behaviour);
  }
  options(extra: ConnectOptions = {}): ConnectOptions {
    return {
      timeoutMs: 400,
      pollMs: 20,
      openLink: async () => {
        if (!this.plugged) throw Object.assign(new Error('Error: No such file or directory, cannot open /dev/ttyACM0'), { code: 'ENOENT' });
        this.opens++;
        this.link = new FakeLink(this.board);
        return this.link;
      },
      portExists: async () => this.plugged,
      ...extra,
    };
  }
  unplug(): void {
    this.plugged = false;
    this.link?.vanish();
  }
  /** Plug back in: the board reboots as a USB replug does. */
  plug(): void {
    this.board = new FakeBoard();
    this.plugged = true;
  }
}

const waitFor = async (check: () => boolean, ms = 2000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 2));
  }
};

let open: RobotConnection[] = [];
async function connect(bench: Bench, profile: Profile = twoWheel, extra: ConnectOptions = {}): Promise<RobotConnection> {
  const c = await RobotConnection.connect('/dev/ttyACM0', profile, bench.options(extra));
  open.push(c);
  return c;
}
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('connecting', () => {
  it('gets ready, sets the pin modes, and applies the safe state', async () => {
    const bench = new Bench();
    const c = await connect(bench);
    expect(c.state).toBe('ready');
    expect(c.firmware).toBe('Fake.ino 2.5');
    const b = bench.board;
    expect([5, 6].map((p) => b.modes.get(p))).toEqual([3, 3]); // PWM
    expect([4, 7, 13, 8].map((p) => b.modes.get(p))).toEqual([1, 1, 1, 1]); // OUTPUT
    expect([b.modes.get(2), b.pullups.has(2)]).toEqual([0, true]); // INPUT with the pull-up
    expect(b.modes.get(9)).toBe(4); // pen servo
    expect(b.value(9)).toBe(90); // pen up
    expect([b.value(5), b.value(6), b.digital(4), b.digital(7), b.digital(8)]).toEqual([0, 0, 0, 0, 0]);
    expect(b.reportingAnalog.size + b.reportingPorts.size).toBe(0); // idle means idle
  });

  it.each([
    ['EBUSY', 'Error Resource temporarily unavailable Cannot lock port', 'robot-port-busy'],
    ['', 'Opening COM3: Access denied', 'robot-port-busy'],
    ['EACCES', 'Error: Permission denied, cannot open /dev/ttyACM0', 'robot-permission-denied'],
    ['ENOENT', 'Error: No such file or directory, cannot open /dev/ttyACM0', 'robot-port-not-found'],
    ['', 'Opening COM9: File not found', 'robot-port-not-found'],
    ['EIO', 'Error: Input/output error', 'robot-open-failed'],
  ])('opening fails with %s "%s" → %s', async (code, text, expected) => {
    const error = await failure(
      RobotConnection.connect('/dev/ttyACM0', twoWheel, {
        openLink: async () => {
          throw Object.assign(new Error(text), code ? { code } : {});
        },
      }),
    );
    expect(error.code).toBe(expected);
    expect(error.params).toEqual({ path: '/dev/ttyACM0' });
  });

  it('permission denied tells Linux users about the dialout group', () => {
    expect(message('robot-permission-denied', 'fr', { path: '/dev/ttyACM0' })).toContain('sudo usermod -aG dialout $USER');
    expect(message('robot-permission-denied', 'en', { path: '/dev/ttyACM0' })).toContain('log out and back in');
  });

  it('a board that answers without Firmata: install the robot’s program (from RoboKit, no IDE)', async () => {
    const bench = new Bench('chatty-not-firmata');
    const error = await failure(connect(bench));
    expect(error.code).toBe('robot-no-firmata');
    expect(message('robot-no-firmata', 'fr', error.params)).toContain('Installer le programme du robot');
    expect(bench.link!.closed).toBe(true);
  });

  it('a board that stays silent: nothing answers', async () => {
    const bench = new Bench('silent');
    const started = Date.now();
    const error = await failure(connect(bench));
    expect(error.code).toBe('robot-no-answer');
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(bench.link!.closed).toBe(true);
  });

  it('refuses a profile that is not driven over Firmata', async () => {
    const error = await failure(RobotConnection.connect('/dev/x', BUILT_IN_PROFILES['sim']!, new Bench().options()));
    expect(error.code).toBe('robot-wrong-profile');
  });
});

describe('the robot over Firmata (arduino-2wd)', () => {
  it('setMotors(50, 50): PWM 128 on D5 and D6, direction HIGH; backward lowers direction', async () => {
    const bench = new Bench();
    const c = await connect(bench);
    c.io.motors!.setMotors(50, 50);
    await waitFor(() => bench.board.value(5) === 128 && bench.board.value(6) === 128);
    expect([bench.board.digital(4), bench.board.digital(7)]).toEqual([1, 1]);
    c.io.motors!.setMotors(-100, 25);
    // Messages leave in batches paced to the link: wait for the last one.
    await waitFor(() => bench.board.value(5) === 255 && bench.board.value(6) === 64);
    expect([bench.board.digital(4), bench.board.digital(7)]).toEqual([0, 1]);
  });

  it('the same value again costs no link time', async () => {
    const bench = new Bench();
    const c = await connect(bench);
    c.io.motors!.setMotors(50, 50);
    await waitFor(() => bench.board.value(6) === 128);
    const before = bench.board.received.length;
    for (let i = 0; i < 1000; i++) c.io.motors!.setMotors(50, 50);
    await new Promise((r) => setTimeout(r, 30));
    expect(bench.board.received.length).toBe(before);
  });

  it('stopAll writes PWM 0 and direction explicitly, and silences the buzzer', async () => {
    const bench = new Bench();
    const c = await connect(bench);
    c.io.motors!.setMotors(80, 80);
    c.io.sound!.tone(440);
    await waitFor(() => bench.board.digital(8) === 1 && bench.board.value(5) === 204);
    const before = bench.board.received.length;
    await c.io.stopAll();
    await waitFor(() => bench.board.value(5) === 0);
    expect([bench.board.value(6), bench.board.digital(4), bench.board.digital(7), bench.board.digital(8)]).toEqual([0, 0, 0, 0]);
    const stop = bench.board.received.slice(before).map((m) => m[0]);
    expect(stop).toEqual([0xe5, 0xe6, 0x90, 0x91]);
    // Idempotent, and written again even though the pins are already at 0.
    await c.io.stopAll();
    expect(bench.board.received.length).toBe(before + 8);
  });

  it('light, buzzer on/off, pen up 90° / down 30°', async () => {
    const bench = new Bench();
    const c = await connect(bench);
    c.io.light!.setLight(true);
    c.io.pen!.setPen(true);
    await waitFor(() => bench.board.digital(13) === 1 && bench.board.value(9) === 30);
    c.io.sound!.tone(880);
    await waitFor(() => bench.board.digital(8) === 1);
    c.io.sound!.noTone();
    c.io.pen!.setPen(false);
    await waitFor(() => bench.board.digital(8) === 0 && bench.board.value(9) === 90);
    expect(bench.board.digital(13)).toBe(1); // the light shares port 1 with the buzzer
    c.io.sound!.tone(440);
    c.io.sound!.tone(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(bench.board.digital(8)).toBe(0);
  });

  it('prepare turns on reporting only for the sensors the program uses, then reads them', async () => {
    const bench = new Bench();
    const c = await connect(bench);
    const b = bench.board;
    b.analogIn.set(0, Math.round((2.0 * 1023) / 5));
    b.analogIn.set(1, 800);
    b.analogIn.set(2, 100);
    b.analogIn.set(3, 512);
    const ticking = setInterval(() => b.tick(), 5);
    try {
      await c.io.prepare(['motors', 'distance']);
      expect([...b.reportingAnalog]).toEqual([0]);
      expect(b.reportingPorts.size).toBe(0);
      expect(c.io.distance!.readDistance()).toBeLessThan(20);

      await c.io.prepare(['line', 'lightSensor', 'button']);
      expect([...b.reportingAnalog].sort()).toEqual([1, 2, 3]);
      expect([...b.reportingPorts]).toEqual([0]);
      expect([c.io.line!.readLine('left'), c.io.line!.readLine('right'), c.io.lightSensor!.readLight()]).toEqual([true, false, 50]);

      expect(c.io.button!.readButton()).toBe(false); // the pull-up holds D2 HIGH
      b.setDigitalInput(2, 0);
      await waitFor(() => c.io.button!.readButton() === true);
      c.io.motors!.setMotors(50, 50); // a port-0 write while pressed keeps the pull-up on
      await c.io.stopAll();
      await waitFor(() => b.value(5) === 0);
      expect(b.pullups.has(2)).toBe(true);
      b.setDigitalInput(2, 1);
      await waitFor(() => c.io.button!.readButton() === false);

      await c.io.prepare([]);
      expect(b.reportingAnalog.size + b.reportingPorts.size).toBe(0);
    } finally {
      clearInterval(ticking);
    }
  });

  it('prepare rejects when the board does not report', async () => {
    const bench = new Bench();
    const c = await connect(bench);
    const error = await failure(c.io.prepare(['distance']));
    expect(error.code).toBe('robot-no-answer');
  });

  it('identify blinks the light three times and leaves it as it was', async () => {
    const bench = new Bench();
    const c = await connect(bench);
    const levels: number[] = [bench.board.digital(13)];
    const watching = setInterval(() => {
      const level = bench.board.digital(13);
      if (levels[levels.length - 1] !== level) levels.push(level);
    }, 5);
    await c.identify();
    await new Promise((r) => setTimeout(r, 20));
    clearInterval(watching);
    expect(levels).toEqual([0, 1, 0, 1, 0, 1, 0]);
  });

  it('a board that reboots gets its pin setup and safe state again', async () => {
    const bench = new Bench();
    const c = await connect(bench);
    await new Promise((r) => setTimeout(r, 1600)); // past the window where a late answer is expected
    bench.board.reboot();
    await waitFor(() => bench.board.modes.get(5) === 3 && bench.board.value(5) === 0);
    c.io.motors!.setMotors(50, 50);
    await waitFor(() => bench.board.value(5) === 128);
  });
});

describe('servo-bot', () => {
  it('drives continuous servos on D10/D11, right mirrored, neutral on stop', async () => {
    const bench = new Bench();
    const c = await connect(bench, servoBot);
    expect([bench.board.modes.get(10), bench.board.modes.get(11)]).toEqual([4, 4]);
    expect(c.io.pen).toBeUndefined();
    expect(c.io.line).toBeUndefined();
    c.io.motors!.setMotors(100, 100);
    await waitFor(() => bench.board.value(10) === 180 && bench.board.value(11) === 0);
    await c.io.stopAll();
    await waitFor(() => bench.board.value(10) === 90 && bench.board.value(11) === 90);
  });
});

describe('link lost and back', () => {
  it('reports lost, drops commands, then reconnects and re-applies the safe state', async () => {
    const bench = new Bench();
    const c = await connect(bench);
    const states: ConnectionState[] = [];
    const links: LinkState[] = [];
    c.onDidChangeState((s) => states.push(s));
    c.io.onDidChangeLink!((s) => links.push(s));
    c.io.motors!.setMotors(50, 50);
    await waitFor(() => bench.board.value(5) === 128);

    bench.unplug();
    expect(c.state).toBe('lost');
    expect(links).toEqual(['lost']);
    c.io.motors!.setMotors(90, 90); // dropped, not thrown
    await expect(c.io.stopAll()).resolves.toBeUndefined();
    expect((await failure(c.io.prepare(['distance']))).code).toBe('robot-link-lost');
    await new Promise((r) => setTimeout(r, 100));
    expect(c.state).toBe('lost'); // still unplugged: keeps looking, quietly

    bench.board.ports[0] = 0x90; // a battery robot whose direction pins stayed HIGH
    bench.plug();
    await waitFor(() => c.state === 'ready');
    expect(links).toEqual(['lost', 'ready']);
    expect(states[states.length - 1]).toBe('ready');
    expect([bench.board.value(5), bench.board.digital(4)]).toEqual([0, 0]);
    c.io.motors!.setMotors(20, 20);
    await waitFor(() => bench.board.value(5) === 51);
  });

  it('a failing write is a lost link too', async () => {
    const bench = new Bench();
    const c = await connect(bench, twoWheel, { reconnect: false });
    const opens = bench.opens; // the RoboKit firmware probe, then Firmata
    bench.link!.failWrites = new Error('EIO');
    c.io.motors!.setMotors(10, 10);
    await waitFor(() => c.state === 'lost');
    await new Promise((r) => setTimeout(r, 60));
    expect(bench.opens).toBe(opens); // no reconnect asked
  });

  it('close after a lost link waits until the port is really closed (the next connect finds it free)', async () => {
    const bench = new Bench();
    const c = await connect(bench, twoWheel, { reconnect: false });
    const link = bench.link!;
    link.closeDelayMs = 80;
    link.failWrites = new Error('EIO');
    c.io.motors!.setMotors(10, 10);
    await waitFor(() => c.state === 'lost');
    expect(link.closed).toBe(false); // still closing in the background
    await c.close();
    expect(link.closed).toBe(true);
  });

  it('close stops the motors and stops looking for the board', async () => {
    const bench = new Bench();
    const c = await connect(bench);
    c.io.motors!.setMotors(50, 50);
    await waitFor(() => bench.board.value(5) === 128);
    await c.close();
    expect(bench.board.value(5)).toBe(0);
    expect(c.state).toBe('none');
    expect(bench.link!.closed).toBe(true);
    const opens = bench.opens;
    await new Promise((r) => setTimeout(r, 60));
    expect(bench.opens).toBe(opens);
  });
});

describe('fuzz: random bytes from the board', () => {
  it('10,000 chunks never crash the host; a protocol error is reported; the robot stays usable', async () => {
    const bench = new Bench();
    const c = await connect(bench);
    const problems: string[] = [];
    c.onDidReportProblem((e) => problems.push(e.code));
    let s = 7;
    const rnd = (): number => {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      return s / 0x80000000;
    };
    for (let i = 0; i < 10_000; i++) {
      const chunk = Array.from({ length: 1 + Math.floor(rnd() * 32) }, () => Math.floor(rnd() * 256));
      bench.board.send(chunk);
      if (i % 500 === 0) await new Promise((r) => setImmediate(r));
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(problems).toContain('robot-protocol-error');
    expect(c.state).toBe('ready');
    c.io.motors!.setMotors(50, 50);
    await waitFor(() => bench.board.value(5) === 128 && bench.board.value(6) === 128);
    await c.io.stopAll();
    await waitFor(() => bench.board.value(5) === 0);
  });
});
