/**
 * Connecting to a board that runs the RoboKit firmware (the hand-written fake): detection, the
 * configuration sent only when the board's stored one differs, board-timed moves, the lost link.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../app/core/errors';
import { BUILT_IN_PROFILES } from '../../app/core/profiles';
import { RobotConnection, type ConnectOptions } from '../../firmware-bridge/src/connection';
import { configHash, configLines } from '../../firmware-bridge/src/robokit-config';
import { FakeBoard, FakeLink } from './fakes/fake-board';
import { FakeRobokitBoard } from './fakes/fake-robokit-board';

const twoWheel = BUILT_IN_PROFILES['arduino-2wd']!;
const servoBot = BUILT_IN_PROFILES['servo-bot']!;

let open: RobotConnection[] = [];
let boards: FakeRobokitBoard[] = [];
afterEach(async () => {
  for (const c of open) await c.close();
  for (const b of boards) b.dispose();
  open = [];
  boards = [];
});

interface Opened {
  readonly baud: number;
}
function options(board: FakeRobokitBoard | FakeBoard, opened: Opened[] = [], extra: ConnectOptions = {}): ConnectOptions {
  if (board instanceof FakeRobokitBoard) boards.push(board);
  return {
    timeoutMs: 1000,
    reconnect: false,
    openLink: async (_path, baud) => {
      opened.push({ baud });
      return new FakeLink(board);
    },
    ...extra,
  };
}
async function connect(board: FakeRobokitBoard, profile = twoWheel, extra: ConnectOptions = {}): Promise<RobotConnection> {
  const c = await RobotConnection.connect('/dev/ttyACM0', profile, options(board, [], extra));
  open.push(c);
  return c;
}
const waitFor = async (check: () => boolean, ms = 2000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 2));
  }
};

describe('detection', () => {
  it('finds the RoboKit firmware at 115200 baud, and says its version and the robot’s name', async () => {
    const opened: Opened[] = [];
    const board = new FakeRobokitBoard();
    const c = await RobotConnection.connect('/dev/ttyACM0', twoWheel, options(board, opened));
    open.push(c);
    expect(opened).toEqual([{ baud: 115200 }]);
    expect(c.firmware).toBe('RoboKit 1.0.0');
    expect(c.firmwareInfo).toMatchObject({ kind: 'robokit', version: '1.0.0', robotName: 'Robot Lila', boardId: '3F2A9C01' });
  });

  it('a robot named with accents (UTF-8 bytes ≥ 0x80 in its hello) is still the RoboKit firmware', async () => {
    const opened: Opened[] = [];
    const board = new FakeRobokitBoard();
    board.name = 'Hélène et Zoé à l’école';
    const c = await RobotConnection.connect('/dev/ttyACM0', twoWheel, options(board, opened));
    open.push(c);
    expect(opened).toEqual([{ baud: 115200 }]);
    expect(c.firmwareInfo).toMatchObject({ kind: 'robokit', robotName: 'Hélène et Zoé à l’école' });
  });

  it('falls back to StandardFirmata at 57600 baud when the RoboKit firmware does not answer', async () => {
    const opened: Opened[] = [];
    const c = await RobotConnection.connect('/dev/ttyACM0', twoWheel, options(new FakeBoard(), opened));
    open.push(c);
    expect(opened.map((o) => o.baud)).toEqual([115200, 57600]);
    expect(c.firmwareInfo).toMatchObject({ kind: 'firmata', name: 'Fake.ino' });
  });

  it('a board that resets on open and says its boot hello with an accented name is found', async () => {
    const board = new FakeRobokitBoard('silent');
    board.name = 'Hélène et Zoé à l’école';
    setTimeout(() => {
      board.behaviour = 'robokit';
      board.boot();
    }, 150);
    const c = await connect(board);
    expect(c.firmwareInfo).toMatchObject({ kind: 'robokit', robotName: 'Hélène et Zoé à l’école' });
  });

  it('a board that resets on open is found by its boot hello', async () => {
    const board = new FakeRobokitBoard('silent');
    setTimeout(() => {
      board.behaviour = 'robokit';
      board.boot();
    }, 150);
    const c = await connect(board);
    expect(c.firmwareInfo?.kind).toBe('robokit');
  });

  it('a board that talks noise before its first line still connects', async () => {
    const c = await connect(new FakeRobokitBoard('garbage-first'));
    expect(c.state).toBe('ready');
  });

  it('refuses a protocol version it does not know, and says to update', async () => {
    const board = new FakeRobokitBoard();
    board.boot = () => {};
    const link = (): FakeLink => {
      const l = new FakeLink({
        attach: () => {},
        receive: () => l.fromBoard(Buffer.from('hello fw=robokit ver=9.0.0 proto=9 board=uno id=1 caps=- kit=- name=-\n')),
      });
      return l;
    };
    const error = await RobotConnection.connect('/dev/x', twoWheel, { timeoutMs: 500, openLink: async () => link() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('robot-firmware-version');
  });
});

describe('configuration from the profile', () => {
  it('configures a new board once; connecting again sends no cfg line', async () => {
    const board = new FakeRobokitBoard();
    const first = await connect(board);
    const lines = configLines(twoWheel);
    expect(board.received.filter((l) => l.startsWith('cfg'))).toEqual(['cfg reset', ...lines, 'cfg save']);
    expect(board.storedHash).toBe(configHash(lines));
    expect(board.kit).toBe('arduino-2wd');
    await first.close();
    board.received.length = 0;
    await connect(board);
    expect(board.received.filter((l) => l.startsWith('cfg'))).toEqual(['cfg hash']);
  });

  it('another profile on the same board configures it again', async () => {
    const board = new FakeRobokitBoard();
    await (await connect(board)).close();
    board.received.length = 0;
    await connect(board, servoBot);
    expect(board.received).toContain('cfg motors servo D10 D11 2');
    expect(board.kit).toBe('servo-bot');
  });

  it('the configuration hash is the protocol’s CRC-32 of the canonical text (docs/protocol.md’s example)', () => {
    expect(configHash(['cfg motors hbridge D5 D4 D6 D7 1 0', 'cfg light D13', 'cfg kit arduino-2wd'])).toBe('294A8E3E');
    expect(configHash([])).toBe('00000000');
    expect(configLines(twoWheel)[0]).toBe('cfg motors hbridge D5 D4 D6 D7 1 0');
  });

  it('configures each kit with the firmware’s own words (docs/protocol.md), in the canonical order', () => {
    const lines = (id: string): string[] => configLines(BUILT_IN_PROFILES[id]!);
    // the mCore as Makeblock's MeMCore.h wires it: M1 = (D6 PWM, D7 dir) mirrored, M2 = (D5, D4)
    expect(lines('mbot')).toEqual([
      'cfg motors hbridge D6 D7 D5 D4 1 1',
      'cfg rgb D13 2',
      'cfg buzzer D8',
      'cfg distance onewire A3',
      'cfg line digital D9 D10 0',
      'cfg lightsensor A6',
      'cfg button analog A7 100',
      'cfg calib 25 200',
      'cfg kit mbot',
    ]);
    expect(lines('l298n-hcsr04')).toEqual([
      'cfg motors hbridge D5 D4 D6 D7 0 4',
      'cfg light D13',
      'cfg buzzer D8',
      'cfg distance hcsr04 D2 D3',
      'cfg calib 35 220',
      'cfg kit l298n-hcsr04',
    ]);
    expect(lines('l9110-hcsr04')).toEqual([
      'cfg motors hbridge D10 D12 D9 D11 0 4',
      'cfg light D13',
      'cfg distance hcsr04 A0 A1',
      'cfg calib 30 200',
      'cfg kit l9110-hcsr04',
    ]);
  });
});

describe('the robot over the RoboKit firmware', () => {
  it('a real pitch, and sensors watched only for what the program uses', async () => {
    const board = new FakeRobokitBoard();
    const c = await connect(board);
    c.io.sound!.tone(440);
    await waitFor(() => board.toneHz === 440);
    await c.io.prepare(['distance', 'motors']);
    expect(board.watched).toEqual(['d']);
    await c.io.prepare([]);
    expect(board.watched).toEqual([]);
    expect(board.received).toContain('watch');
  });

  it('moves timed by the board: done when the board says so; a stop cancels', async () => {
    const board = new FakeRobokitBoard();
    const c = await connect(board);
    const started = performance.now();
    const finished = await new Promise<boolean>((resolve) => c.io.timer!.move(50, 50, 120, resolve));
    expect(finished).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(board.received.some((l) => /^move 50 50 120 \d+$/.test(l))).toBe(true);
    expect(board.motors).toEqual({ left: 0, right: 0 });

    const cancelled = new Promise<boolean>((resolve) => c.io.timer!.move(40, -40, 5000, resolve));
    await waitFor(() => board.motors.left === 40);
    await c.io.stopAll();
    expect(await cancelled).toBe(false);
    expect(board.motors).toEqual({ left: 0, right: 0 });
  });

  it('beeps timed by the board', async () => {
    const board = new FakeRobokitBoard();
    const c = await connect(board);
    const done = new Promise<boolean>((resolve) => c.io.timer!.tone(880, 50, resolve));
    await waitFor(() => board.toneHz === 880);
    expect(await done).toBe(true);
    expect(board.toneHz).toBe(0);
  });

  it('a board that stops answering is a lost link within about a second, and its timed move is cancelled', async () => {
    const board = new FakeRobokitBoard();
    const c = await connect(board);
    const links: string[] = [];
    c.io.onDidChangeLink!((s) => links.push(s));
    const move = new Promise<boolean>((resolve) => c.io.timer!.move(50, 50, 10_000, resolve));
    await waitFor(() => board.motors.left === 50);
    board.behaviour = 'silent';
    const silentAt = Date.now();
    await waitFor(() => c.state === 'lost', 3000);
    expect(Date.now() - silentAt).toBeLessThan(1600);
    expect(links).toEqual(['lost']);
    expect(await move).toBe(false);
  });

  it('the cable pulled and plugged back: lost, then ready again with the same RobotIo, configuration kept on the board', async () => {
    const board = new FakeRobokitBoard();
    let plugged = true;
    let link: FakeLink | undefined;
    const c = await RobotConnection.connect('/dev/ttyACM0', twoWheel, {
      timeoutMs: 1000,
      pollMs: 20,
      openLink: async () => {
        if (!plugged) throw Object.assign(new Error('No such file or directory'), { code: 'ENOENT' });
        link = new FakeLink(board);
        return link;
      },
      portExists: async () => plugged,
    });
    open.push(c);
    boards.push(board);
    const links: string[] = [];
    c.io.onDidChangeLink!((s) => links.push(s));
    plugged = false;
    link!.vanish();
    await waitFor(() => c.state === 'lost');
    board.received.length = 0;
    plugged = true;
    await waitFor(() => c.state === 'ready', 3000);
    expect(links).toEqual(['lost', 'ready']);
    expect(board.received.filter((l) => l.startsWith('cfg'))).toEqual(['cfg hash']);
    c.io.motors!.setMotors(20, -20);
    await waitFor(() => board.motors.left === 20 && board.motors.right === -20);
  });

  it('a link lost under a question is the pupil’s « robot lost » (robot-link-lost), not an unexpected error', async () => {
    let link: FakeLink | undefined;
    const board = new FakeRobokitBoard();
    const c = await connect(board, twoWheel, {
      openLink: async () => {
        link = new FakeLink(board);
        return link;
      },
    });
    board.behaviour = 'silent'; // the question stays unanswered…
    const asked = c.identify().then(
      () => undefined,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 20));
    link!.vanish(); // …until the cable is pulled
    const error = await asked;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('robot-link-lost');
  });

  it('the heartbeat keeps the board’s failsafe quiet while the host is idle', async () => {
    const board = new FakeRobokitBoard();
    const c = await connect(board);
    c.io.motors!.setMotors(30, 30);
    await new Promise((r) => setTimeout(r, 700));
    expect(board.failsafeFired).toBe(0);
    expect(board.received.filter((l) => l === 'hb').length).toBeGreaterThanOrEqual(4);
    expect(board.motors).toEqual({ left: 30, right: 30 });
  });
});
