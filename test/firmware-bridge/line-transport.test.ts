import { afterEach, describe, expect, it } from 'vitest';
import type { ByteSink } from '../../firmware-bridge/src/command-queue';
import { DroppedError, LineTransport, parseAnswer } from '../../firmware-bridge/src/line-transport';
import { FakeLink, type FakeEndpoint } from './fakes/fake-board';
import { ManualScheduler } from './fakes/manual-scheduler';

/** A board that keeps what it received and answers only when the test says so. */
class ScriptedBoard implements FakeEndpoint {
  readonly lines: string[] = [];
  link: FakeLink | undefined;
  private buffer = '';
  attach(link: FakeLink): void {
    this.link = link;
  }
  receive(bytes: Uint8Array): void {
    this.buffer += Buffer.from(bytes).toString('utf8');
    const parts = this.buffer.split('\n');
    this.buffer = parts.pop()!;
    this.lines.push(...parts);
  }
  say(text: string | Uint8Array): void {
    this.link!.fromBoard(typeof text === 'string' ? Buffer.from(text) : text);
  }
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
let transports: LineTransport[] = [];
function make(scheduler = new ManualScheduler()): { t: LineTransport; board: ScriptedBoard; link: FakeLink; clock: ManualScheduler } {
  const board = new ScriptedBoard();
  const link = new FakeLink(board);
  const t = new LineTransport(link, { scheduler });
  transports.push(t);
  return { t, board, link, clock: scheduler };
}
afterEach(async () => {
  for (const t of transports) await t.close();
  transports = [];
});

describe('LineTransport', () => {
  it('pairs answers with commands first in, first out, and dispatches events between them', async () => {
    const { t, board } = make();
    const events: string[] = [];
    t.onEvent((e) => events.push(e.line));
    const a = t.request('cfg hash');
    const b = t.request('read');
    board.say('ok hash=91C0E2A4\r\ndone 7\r\ns d=235 ll=1\r\nerr range L\r\n');
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra).toMatchObject({ ok: true, fields: { hash: '91C0E2A4' } });
    expect(rb).toMatchObject({ ok: false, code: 'range' });
    expect(events).toEqual(['done 7', 's d=235 ll=1']);
    expect(board.lines).toEqual(['cfg hash', 'read']);
  });

  it('keeps at most 48 bytes unanswered on the wire; each answer lets more go', async () => {
    const { t, board } = make();
    for (let i = 0; i < 20; i++) t.send(`move 50 50 1000 ${i}`); // 18 bytes each
    expect(board.lines.length).toBe(2);
    expect(t.unansweredBytes).toBeLessThanOrEqual(48);
    board.say('ok\n');
    await tick();
    expect(board.lines.length).toBe(3);
    expect(t.unansweredBytes).toBeLessThanOrEqual(48);
  });

  it('a keyed command replaces its unsent predecessor, never across an unkeyed one', async () => {
    const { t, board } = make();
    for (let i = 0; i < 10; i++) t.send('move 1 1 1 1'); // fill the window with unkeyed lines
    for (let i = 0; i < 100; i++) t.send(`m ${i % 100} 0`, 'm');
    t.send('led 1', 'led');
    t.send('m 5 5', 'm');
    for (let i = 0; i < 20; i++) {
      board.say('ok\n');
      await tick();
    }
    // The latest motor value takes the queued one's place (ahead of the light): same end state.
    expect(board.lines.slice(10)).toEqual(['m 5 5', 'led 1']);
    expect(t.stats.superseded).toBe(100);
  });

  it('stop jumps the queue: written at once, queued commands dropped, within 48 bytes of the last one on the wire', async () => {
    const { t, board } = make();
    const dropped = t.request('read').catch((e: unknown) => e);
    for (let i = 0; i < 50; i++) t.send(`move 50 50 1000 ${i}`);
    const queuedRequest = t.request('cfg hash').catch((e: unknown) => e);
    const stopping = t.stop();
    expect(board.lines.at(-1)).toBe('stop');
    expect(board.lines.length).toBeLessThanOrEqual(4);
    expect(await queuedRequest).toBeInstanceOf(DroppedError);
    board.say('ok\nok\nok\nok\n');
    expect((await stopping).ok).toBe(true);
    expect(await dropped).toMatchObject({ ok: true });
    t.send('m 10 10', 'm');
    expect(board.lines.at(-1)).toBe('m 10 10');
  });

  it('sends hb every 100 ms when idle, and nothing extra while commands flow', async () => {
    const { t, board, clock } = make();
    t.startHeartbeat();
    clock.advance(100);
    expect(board.lines).toEqual(['hb']);
    board.say('ok\n');
    await tick();
    clock.advance(50);
    t.send('m 1 1', 'm');
    board.say('ok\n');
    await tick();
    clock.advance(60); // 110 ms since the last hb, 60 since the m: no hb
    expect(board.lines).toEqual(['hb', 'm 1 1']);
    clock.advance(100);
    expect(board.lines).toEqual(['hb', 'm 1 1', 'hb']);
  });

  it('the link is lost when an answer is missing for a second, and when the port closes', async () => {
    const { t, clock } = make();
    const lost: string[] = [];
    t.onDidLose((e) => lost.push(e.message));
    t.startHeartbeat();
    clock.advance(1050); // hb at 100 never answered
    expect(lost).toEqual([]);
    clock.advance(100);
    expect(lost).toHaveLength(1);
    expect(t.lost).toBe(true);
    expect(t.send('m 1 1')).toBe(false);

    const other = make();
    const lost2: string[] = [];
    other.t.onDidLose((e) => lost2.push(e.message));
    const pending = other.t.request('read').catch((e: unknown) => e);
    other.link.vanish();
    expect(lost2).toHaveLength(1);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('a command the board is slow to answer (cfg save) gets its own patience', async () => {
    const { t, board, clock } = make();
    const lost: string[] = [];
    t.onDidLose((e) => lost.push(e.message));
    t.startHeartbeat();
    const saving = t.request('cfg save', 3000);
    clock.advance(2500);
    expect(lost).toEqual([]);
    board.say('ok hash=5F7DC41D\n');
    expect((await saving).fields.hash).toBe('5F7DC41D');
    clock.advance(600);
    expect(lost).toHaveLength(1); // the heartbeats behind it were never answered
  });

  it('tolerates bad lines: noise, answers nobody asked for, unknown words, long lines', async () => {
    const { t, board } = make();
    const problems: string[] = [];
    t.onDidReportProblem((l) => problems.push(l));
    board.say(Uint8Array.of(0xff, 0xfe, 0x00, 0x0a));
    board.say('ok\nbonjour\n' + 'x'.repeat(500) + '\n');
    await tick();
    const answer = t.request('hb');
    board.say('\r\n\nok\n');
    expect((await answer).ok).toBe(true);
    expect(t.stats.badLines).toBe(4);
    expect(problems).toHaveLength(4);
  });

  it('an unasked hello (the board rebooted) is an event, and forgets what was on the wire', async () => {
    const { t, board } = make();
    const events: string[] = [];
    t.onEvent((e) => events.push(e.word));
    const lostCommand = t.request('read').catch((e: unknown) => e);
    board.say('hello fw=robokit ver=1.0.0 proto=1 board=uno id=1 caps=- kit=- name=-\n');
    expect(await lostCommand).toBeInstanceOf(DroppedError);
    expect(events).toEqual(['hello']);
    const asked = t.request('hello');
    board.say('hello fw=robokit ver=1.0.0 proto=1 board=uno id=1 caps=- kit=- name=Robot Lila\n');
    expect((await asked).fields.name).toBe('Robot Lila');
  });

  it('parses err answers and ok fields', () => {
    expect(parseAnswer('err unknown moev')).toMatchObject({ ok: false, code: 'unknown' });
    expect(parseAnswer('ok d=235 ll=0').fields).toEqual({ d: '235', ll: '0' });
  });
});

describe('LineTransport.lastGasp (the host process is failing)', () => {
  it('drops what is queued, writes stop synchronously and again behind older writes, then sends nothing', async () => {
    const { t, board, link } = make();
    const synced: string[] = [];
    (link as ByteSink).writeSync = (bytes) => {
      synced.push(Buffer.from(bytes).toString('utf8'));
      return true;
    };
    for (let i = 0; i < 10; i++) t.send(`move 50 50 1000 ${i}`); // 2 on the wire, 8 queued
    const queued = t.request('read');
    const gasp = t.lastGasp();
    expect(synced).toEqual(['\nstop\n']); // before any turn of the event loop
    await gasp;
    await expect(queued).rejects.toThrow();
    expect(board.lines.filter((l) => l.startsWith('move'))).toHaveLength(2);
    expect(board.lines.slice(-2)).toEqual(['', 'stop']);
    t.send('m 50 50');
    await tick();
    expect(board.lines.at(-1)).toBe('stop');
  });
});
