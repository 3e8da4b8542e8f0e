import { describe, expect, it } from 'vitest';
import { CommandQueue, QueueFullError, type ByteSink, type WriteDone } from '../../firmware-bridge/src/command-queue';
import { analogMessage, digitalPortMessage, type OutgoingMessage } from '../../firmware-bridge/src/firmata-messages';
import { ManualScheduler } from './fakes/manual-scheduler';

/** Records every write with the time it happened; the OS takes bytes at once unless `hold`. */
class FakeSink implements ByteSink {
  readonly writes: Array<{ at: number; bytes: number[] }> = [];
  hold = false;
  private held: WriteDone[] = [];
  failWith: Error | undefined;

  constructor(private readonly clock: ManualScheduler) {}

  write(bytes: Uint8Array, done: WriteDone): void {
    this.writes.push({ at: this.clock.now(), bytes: [...bytes] });
    if (this.failWith) done(this.failWith);
    else if (this.hold) this.held.push(done);
    else done(null);
  }

  release(): void {
    const held = this.held.splice(0);
    for (const d of held) d(null);
  }

  get bytes(): number[] {
    return this.writes.flatMap((w) => w.bytes);
  }
}

const pinMode = (pin: number, mode: number): OutgoingMessage => ({ bytes: Uint8Array.of(0xf4, pin, mode) });

function setup(options: ConstructorParameters<typeof CommandQueue>[1] = {}) {
  const clock = new ManualScheduler();
  const sink = new FakeSink(clock);
  const queue = new CommandQueue(sink, { scheduler: clock, ...options });
  return { clock, sink, queue };
}

describe('CommandQueue', () => {
  it('writes at once while the link has room', () => {
    const { sink, queue } = setup();
    queue.send(analogMessage(5, 128));
    expect(sink.bytes).toEqual([0xe5, 0x00, 0x01]);
  });

  it('paces to the link rate: never more than the window ahead of the wire', () => {
    const { clock, sink, queue } = setup({ bytesPerSecond: 5760, maxInFlightBytes: 24 });
    for (let i = 0; i < 200; i++) queue.send(pinMode(i % 20, 1)); // unkeyed: nothing coalesces
    for (let t = 0; t < 2000 && queue.length > 0; t++) clock.advance(1);
    expect(queue.length).toBe(0);
    // 600 bytes at 5,760 bytes/s take ~104 ms; at any time, written ≤ wire capacity + window.
    for (const w of sink.writes) {
      const before = sink.writes.filter((x) => x.at <= w.at).reduce((n, x) => n + x.bytes.length, 0);
      expect(before).toBeLessThanOrEqual((w.at * 5760) / 1000 + 24 + 3);
    }
    const last = sink.writes[sink.writes.length - 1]!.at;
    expect(last).toBeGreaterThanOrEqual(95);
    expect(last).toBeLessThanOrEqual(110);
  });

  it('a newer value for the same pin supersedes an unsent older one', () => {
    const { clock, sink, queue } = setup({ maxInFlightBytes: 3 });
    queue.send(analogMessage(9, 1)); // goes out at once and fills the window
    for (let v = 10; v < 110; v++) queue.send(analogMessage(5, v));
    queue.send(analogMessage(6, 7));
    expect(queue.length).toBe(2);
    expect(queue.stats.superseded).toBe(99);
    clock.advance(50);
    expect(sink.writes.map((w) => w.bytes)).toEqual([
      [0xe9, 1, 0],
      [0xe5, 109, 0],
      [0xe6, 7, 0],
    ]);
  });

  it('keeps the newest value last, so values of different pins stay in the order they were set', () => {
    const { clock, sink, queue } = setup({ maxInFlightBytes: 3 });
    queue.send(analogMessage(9, 1));
    queue.send(analogMessage(5, 1));
    queue.send(digitalPortMessage(0, 0x10));
    queue.send(analogMessage(5, 2));
    clock.advance(50);
    expect(sink.writes.slice(1).map((w) => w.bytes[0])).toEqual([0x90, 0xe5]);
  });

  it('does not coalesce across a barrier (a pin mode change keeps its place)', () => {
    const { clock, sink, queue } = setup({ maxInFlightBytes: 3 });
    queue.send(analogMessage(9, 1));
    queue.send(analogMessage(5, 1));
    queue.send(pinMode(5, 3));
    queue.send(analogMessage(5, 2));
    clock.advance(50);
    expect(sink.writes.slice(1).map((w) => w.bytes)).toEqual([
      [0xe5, 1, 0],
      [0xf4, 5, 3],
      [0xe5, 2, 0],
    ]);
  });

  it('is bounded: refuses beyond maxQueued and tells the sender', () => {
    const { queue } = setup({ maxQueued: 10, maxInFlightBytes: 3 });
    const results: Array<Error | null | undefined> = [];
    let accepted = 0;
    for (let i = 0; i < 30; i++) if (queue.send(pinMode(2, 1), (e) => results.push(e))) accepted++;
    expect(accepted).toBe(11); // one written at once, ten queued
    expect(queue.length).toBe(10);
    expect(queue.stats.refused).toBe(19);
    expect(results.filter((e) => e instanceof QueueFullError)).toHaveLength(19);
  });

  it('a flood of motor values stays small: one entry per pin', () => {
    const { queue } = setup({ maxInFlightBytes: 3 });
    for (let i = 0; i < 10_000; i++) {
      queue.send(analogMessage(5, i % 256));
      queue.send(analogMessage(6, i % 256));
      queue.send(digitalPortMessage(0, i % 2 ? 0x90 : 0));
    }
    expect(queue.length).toBeLessThanOrEqual(3);
    expect(queue.stats.refused).toBe(0);
  });

  it('under a flood, a direction write never reaches the board after the PWM write it came before', () => {
    // The Firmata adapter's setMotors, step after step: the left direction (port 0, which also
    // holds the right direction), the left PWM, port 0 again with the right direction, the right
    // PWM. Each message carries its step (the PWM value; port 0's bits), so the board side can
    // check that when PWM k arrives, port 0 already carries step k or a later one.
    const { clock, sink, queue } = setup({ maxInFlightBytes: 3, bytesPerSecond: 5760 });
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const STEPS = 127;
    for (let k = 1; k <= STEPS; k++) {
      queue.send(digitalPortMessage(0, k));
      queue.send(analogMessage(5, k));
      queue.send(digitalPortMessage(0, k));
      queue.send(analogMessage(6, k));
      clock.advance(Math.floor(random() * 3));
    }
    clock.advance(1000);
    let port = 0;
    const late: string[] = [];
    for (const bytes of sink.writes.map((w) => w.bytes)) {
      if (bytes[0] === 0x90) port = bytes[1]! | (bytes[2]! << 7);
      else if (bytes[0] === 0xe5 || bytes[0] === 0xe6) {
        const step = bytes[1]! | (bytes[2]! << 7);
        if (port < step) late.push(`PWM D${bytes[0] & 0x0f} of step ${step} with port 0 of step ${port}`);
      }
    }
    expect(late).toEqual([]);
    // The flood was coalesced, and the last state reached the board.
    expect(queue.stats.superseded).toBeGreaterThan(0);
    expect(port).toBe(STEPS);
  });

  it('urgent jumps the queue: written at once, before anything queued, and supersedes the same pins', async () => {
    const { clock, sink, queue } = setup({ maxInFlightBytes: 3 });
    queue.send(analogMessage(9, 1));
    queue.send(analogMessage(5, 200));
    queue.send(analogMessage(6, 200));
    queue.send(analogMessage(10, 90));
    await queue.urgent([analogMessage(5, 0), analogMessage(6, 0)]);
    expect(sink.writes[1]!.bytes).toEqual([0xe5, 0, 0, 0xe6, 0, 0]);
    clock.advance(50);
    // The superseded motor values are never sent; the servo still is.
    expect(sink.writes.slice(2).map((w) => w.bytes)).toEqual([[0xea, 90, 0]]);
  });

  it('urgent rewrites a same-pin value queued behind a barrier to the urgent value', async () => {
    const { clock, sink, queue } = setup({ maxInFlightBytes: 3 });
    queue.send(analogMessage(9, 1));
    queue.send(pinMode(5, 3));
    queue.send(analogMessage(5, 200));
    await queue.urgent([analogMessage(5, 0)]);
    clock.advance(50);
    expect(sink.writes.slice(1).map((w) => w.bytes)).toEqual([
      [0xe5, 0, 0],
      [0xf4, 5, 3],
      [0xe5, 0, 0],
    ]);
  });

  it('urgent is written even when the OS has not confirmed earlier writes', async () => {
    const { sink, queue } = setup({ maxPendingWrites: 1 });
    sink.hold = true;
    queue.send(analogMessage(9, 1));
    queue.send(analogMessage(5, 9));
    const stop = queue.urgent([analogMessage(5, 0)]);
    expect(sink.writes.map((w) => w.bytes[0])).toEqual([0xe9, 0xe5]);
    expect(sink.writes[1]!.bytes).toEqual([0xe5, 0, 0]);
    sink.release();
    await stop;
  });

  it('last gasp: written synchronously ahead of everything queued, again behind writes in the OS, then nothing', async () => {
    const { clock, sink, queue } = setup({ maxInFlightBytes: 3, maxPendingWrites: 1 });
    const direct: number[][] = [];
    (sink as ByteSink).writeSync = (bytes) => {
      direct.push([...bytes]);
      return true;
    };
    sink.hold = true;
    queue.send(analogMessage(5, 200)); // handed to the OS, not confirmed
    queue.send(analogMessage(6, 200)); // queued
    queue.send(pinMode(8, 1)); // queued
    const told: Array<Error | null | undefined> = [];
    queue.send(analogMessage(10, 90), (e) => told.push(e));
    const gasp = queue.lastGasp([analogMessage(5, 0), analogMessage(6, 0)]);
    // Before the event loop turns: straight to the port, after an END_SYSEX that closes any cut message.
    expect(direct).toEqual([[0xf7, 0xe5, 0, 0, 0xe6, 0, 0]]);
    expect(sink.writes.map((w) => w.bytes)).toEqual([[0xe5, 72, 1], [0xe5, 0, 0, 0xe6, 0, 0]]);
    expect(told[0]?.name).toBe('QueueClosedError');
    sink.release();
    await gasp;
    expect(queue.send(analogMessage(5, 255))).toBe(false);
    clock.advance(100);
    sink.release();
    expect(sink.writes).toHaveLength(2);
  });

  it('last gasp without a synchronous path still writes at once, and still resolves on a failed link', async () => {
    const { sink, queue } = setup();
    await queue.lastGasp([analogMessage(5, 0)]);
    expect(sink.bytes).toEqual([0xe5, 0, 0]);
    const broken = setup();
    broken.sink.failWith = new Error('EIO');
    await expect(broken.queue.lastGasp([analogMessage(5, 0)])).rejects.toThrow('EIO');
  });

  it('arms no timer when idle, and one at most while waiting for the link', () => {
    const { clock, queue } = setup({ maxInFlightBytes: 3 });
    expect(clock.pendingTimers).toBe(0);
    for (let i = 0; i < 50; i++) queue.send(pinMode(i, 1));
    expect(clock.pendingTimers).toBe(1);
    clock.advance(1000);
    expect(queue.length).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('reports a failed write to its listeners (the link is gone)', () => {
    const { sink, queue } = setup();
    const failures: Error[] = [];
    queue.onDidFail((e) => failures.push(e));
    sink.failWith = new Error('EIO');
    queue.send(analogMessage(5, 1));
    expect(failures.map((e) => e.message)).toEqual(['EIO']);
  });

  it('after close, refuses and tells queued senders', async () => {
    const { queue } = setup({ maxInFlightBytes: 3 });
    queue.send(analogMessage(9, 1));
    const told: Array<Error | null | undefined> = [];
    queue.send(pinMode(2, 1), (e) => told.push(e));
    queue.close();
    expect(told[0]?.name).toBe('QueueClosedError');
    expect(queue.send(pinMode(3, 1))).toBe(false);
    await expect(queue.urgent([analogMessage(5, 0)])).rejects.toThrow('closed');
  });

  describe('board back-pressure (probes)', () => {
    const probe = { bytes: Uint8Array.of(0xf9), everyBytes: 6, maxUnacked: 12, timeoutMs: 300 };
    const isProbe = (w: { bytes: number[] }) => w.bytes[w.bytes.length - 1] === 0xf9;

    it('sends a probe every few bytes and waits for answers when the board falls behind', () => {
      const { clock, sink, queue } = setup({ probe, maxInFlightBytes: 100 });
      queue.enableProbes();
      for (let i = 0; i < 20; i++) queue.send(pinMode(i, 1));
      clock.advance(100); // the wire is free, but the board has not answered
      const sent = sink.bytes.length;
      expect(sink.writes.filter(isProbe).length).toBeGreaterThan(0);
      expect(sent).toBeLessThanOrEqual(12 + 3 + 2);
      queue.acknowledge();
      queue.acknowledge();
      expect(sink.bytes.length).toBeGreaterThan(sent);
    });

    it('an unanswered probe counts as answered after its timeout (a lost reply never stalls)', () => {
      const { clock, sink, queue } = setup({ probe, maxInFlightBytes: 100 });
      queue.enableProbes();
      for (let i = 0; i < 20; i++) queue.send(pinMode(i, 1));
      const sent = sink.bytes.length;
      clock.advance(310);
      expect(sink.bytes.length).toBeGreaterThan(sent);
      clock.advance(5000);
      expect(queue.length).toBe(0);
    });

    it('the stop does not wait for the board', async () => {
      const { sink, queue } = setup({ probe, maxInFlightBytes: 100 });
      queue.enableProbes();
      for (let i = 0; i < 20; i++) queue.send(pinMode(i, 1));
      const before = sink.writes.length;
      await queue.urgent([analogMessage(5, 0)]);
      expect(sink.writes[before]!.bytes).toEqual([0xe5, 0, 0]);
    });

    it("on a slow host the board's answers pace the queue, not the OS's confirmations of each write", () => {
      // The session's settings, a board that reads at wire speed and answers each probe as it reaches
      // it, and an OS whose confirmations come back only every 20 ms (a loaded host: serialport's
      // callbacks take a round trip through libuv's thread pool). The link must still carry what the
      // board's answers allow.
      const wire = 5760;
      const session = { bytes: Uint8Array.of(0xf9), everyBytes: 32, maxUnacked: 96, timeoutMs: 300 };
      const { clock, sink, queue } = setup({ probe: session, maxInFlightBytes: 96, bytesPerSecond: wire });
      queue.enableProbes();
      sink.hold = true;
      let read = 0;
      let aheadMost = 0;
      let x = 0;
      for (let t = 1; t <= 200; t++) {
        for (let i = 0; i < 50; i++) {
          x = (x % 100) + 1; // the pupil's loop: motors (x, x) without waits
          queue.send(analogMessage(5, x));
          queue.send(analogMessage(6, x));
        }
        aheadMost = Math.max(aheadMost, sink.bytes.length - read);
        clock.advance(1);
        if (t % 20 === 0) sink.release();
        const written = sink.bytes;
        const upTo = Math.min(written.length, Math.floor((clock.now() * wire) / 1000));
        for (; read < upTo; read++) if (written[read] === 0xf9) queue.acknowledge();
      }
      const messages = sink.bytes.filter((b) => b === 0xe5 || b === 0xe6).length;
      expect(messages).toBeGreaterThanOrEqual(0.9 * ((0.2 * wire) / 3) * (32 / 33)); // all but the probes' share
      expect(aheadMost).toBeLessThanOrEqual(session.maxUnacked + session.everyBytes + 3 + 1);
    });

    it('sends no probe before enableProbes', () => {
      const { clock, sink, queue } = setup({ probe, maxInFlightBytes: 100 });
      for (let i = 0; i < 20; i++) queue.send(pinMode(i, 1));
      clock.advance(100);
      expect(sink.writes.filter(isProbe)).toHaveLength(0);
      expect(queue.length).toBe(0);
    });
  });
});
