import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { newProject, parseProject } from '../../app/core/project/project';
import { FakeRobot } from '../core/robot-io/fake-robot';
import { createDispatcher } from '../../app/host/dispatch';
import { defaultSeams } from '../../app/host/default-seams';
import type { RobotBackend } from '../../app/host/seams';
import type { RunEventMessage, RunStateMessage, SimulationFrame, WorkspaceJson } from '../../app/shared/api';
import { createRequestValidator } from '../../app/shared/api-validate';
import { instantWall, makeHost, tempDir } from './helpers';

const stack = (...blocks: Record<string, unknown>[]): WorkspaceJson => {
  let next: Record<string, unknown> | undefined;
  for (const block of [...blocks].reverse()) next = { ...block, ...(next ? { next: { block: next } } : {}) };
  return { blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', x: 0, y: 0, ...(next ? { next: { block: next } } : {}) }] } };
};
const num = (id: string, n: number) => ({ shadow: { type: 'math_number', id, fields: { NUM: n } } });
const move = { type: 'robot_move', id: 'move', fields: { DIRECTION: 'FORWARD' }, inputs: { SPEED: num('s', 50), SECONDS: num('d', 1) } };
const say = { type: 'robokit_say', id: 'say', inputs: { TEXT: { shadow: { type: 'text', id: 't', fields: { TEXT: 'Bonjour' } } } } };

function record(host: Awaited<ReturnType<typeof makeHost>>['host']) {
  const events: RunEventMessage[] = [];
  const states: RunStateMessage[] = [];
  const frames: SimulationFrame[] = [];
  host.onDidEmitRunEvent((e) => events.push(e));
  host.onDidChangeRunState((s) => states.push(s));
  host.onDidUpdateSimulation((f) => frames.push(f));
  const ended = new Promise<void>((resolve) => host.onDidChangeRunState((s) => s.state === 'ended' && resolve()));
  return { events, states, frames, ended };
}

describe('HostService: runs in the simulator', () => {
  it('compiles, runs and reports blocks, say, motors, frames and the end', async () => {
    const { host } = await makeHost();
    const rec = record(host);
    const result = await host.run({ workspace: stack(say, move), profile: 'arduino-2wd', target: 'sim', world: 'empty-table' });
    expect(result).toMatchObject({ started: true, runId: 1 });
    await rec.ended;
    const types = rec.events.map((e) => e.event.type);
    expect(types).toContain('block');
    expect(rec.events.find((e) => e.event.type === 'say')?.event).toMatchObject({ text: 'Bonjour', blockId: 'say' });
    expect(rec.events.filter((e) => e.event.type === 'motors').map((e) => e.event)).toEqual(
      expect.arrayContaining([expect.objectContaining({ left: 50, right: 50 }), expect.objectContaining({ left: 0, right: 0 })]),
    );
    expect(rec.events.at(-1)?.event).toMatchObject({ type: 'end', reason: 'finished' });
    expect(rec.states.map((s) => s.state)).toEqual(['running', 'ended']);
    // The world travels with the state, so another page (the projector) can draw the same run.
    expect(rec.states.map((s) => s.world)).toEqual(['empty-table', 'empty-table']);
    expect(rec.frames.length).toBeGreaterThan(20);
    const first = rec.frames[0]!;
    const last = rec.frames.at(-1)!;
    // 1 s at 50 % of 30 cm/s: about 15 cm further along its heading.
    expect(Math.hypot(last.pose.x - first.pose.x, last.pose.y - first.pose.y)).toBeCloseTo(15, 0);
  });

  it('returns compile diagnostics on their block instead of running', async () => {
    const { host } = await makeHost();
    const broken = stack({ type: 'robot_move', id: 'bad', fields: { DIRECTION: 'FORWARD' }, inputs: {} });
    const result = await host.run({ workspace: broken, profile: 'sim', target: 'sim' });
    expect(result.started).toBe(false);
    if (!result.started) expect(result.diagnostics[0]).toMatchObject({ blockId: 'bad', message: { fr: expect.any(String) } });
  });

  it('runs one program at a time, pauses, steps and stops', async () => {
    const { host } = await makeHost();
    const rec = record(host);
    const forever = stack({ type: 'robokit_forever', id: 'loop', inputs: { DO: { block: { ...move, id: 'm' } } } });
    await host.run({ workspace: forever, profile: 'sim', target: 'sim', paused: true });
    await expect.poll(() => rec.states.at(-1)?.state).toBe('paused');
    await expect(host.run({ workspace: forever, profile: 'sim', target: 'sim' })).rejects.toMatchObject({ code: 'run-in-progress' });
    await host.step();
    await host.resume();
    await host.stop();
    await rec.ended;
    expect(rec.events.at(-1)?.event).toMatchObject({ type: 'end', reason: 'stopped' });
    await expect(host.pause()).rejects.toMatchObject({ code: 'no-run' });
    await expect(host.stop()).resolves.toBeUndefined();
  });

  it('refuses an unknown world or profile, and a robot run without a robot', async () => {
    const { host } = await makeHost();
    await expect(host.run({ workspace: stack(), profile: 'sim', target: 'sim', world: 'moon' })).rejects.toMatchObject({ code: 'unknown-world' });
    await expect(host.run({ workspace: stack(), profile: 'x-bot', target: 'sim' })).rejects.toMatchObject({ code: 'unknown-profile' });
    await expect(host.run({ workspace: stack(), profile: 'sim', target: 'robot' })).rejects.toMatchObject({ code: 'not-connected' });
  });
});

describe('HostService: robots', () => {
  function fakeBackend(robot: FakeRobot): RobotBackend & { closed: number } {
    const backend = {
      closed: 0,
      listPorts: async () => [{ path: '/dev/ttyACM0', label: 'Arduino Uno — /dev/ttyACM0', board: 'arduino-uno', likelyRobot: true }],
      open: async () => ({ io: robot, close: async () => void backend.closed++ }),
    };
    return backend;
  }

  it('connects, identifies by blinking, runs on the robot, and reports a lost link', async () => {
    const robot = new FakeRobot({ link: true });
    const backend = fakeBackend(robot);
    const { host } = await makeHost({ ...defaultSeams({ wall: instantWall }), robots: backend });
    const states: string[] = [];
    host.onDidChangeConnection((s) => states.push(s.state));
    expect(await host.listPorts()).toHaveLength(1);
    expect(await host.connect({ port: '/dev/ttyACM0', profile: 'arduino-2wd' })).toMatchObject({ state: 'ready' });
    await host.identify();
    expect(robot.actions().filter((a) => a.op === 'setLight')).toHaveLength(6);
    const rec = record(host);
    await host.run({ workspace: stack(move), profile: 'sim', target: 'robot' });
    await rec.ended;
    expect(robot.actions()).toContainEqual({ op: 'setMotors', left: 50, right: 50 });
    expect(robot.actions().at(-1)).toMatchObject({ op: 'stopAll' });
    robot.loseLink();
    expect(states).toEqual(['connecting', 'ready', 'lost']);
    await host.disconnect();
    expect(backend.closed).toBe(1);
  });

  it('last gasp: the link’s own last gasp is called at once (before any await), then the host shuts down', async () => {
    const robot = new FakeRobot({ link: true });
    const order: string[] = [];
    const backend: RobotBackend = {
      listPorts: async () => [{ path: '/dev/ttyACM0', label: 'Uno', likelyRobot: true }],
      open: async () => ({
        io: robot,
        close: async () => void order.push('closed'),
        lastGasp: async () => void order.push('last gasp'),
      }),
    };
    const { host } = await makeHost({ ...defaultSeams({ wall: instantWall }), robots: backend });
    await host.connect({ port: '/dev/ttyACM0', profile: 'arduino-2wd' });
    const gasp = host.lastGasp();
    expect(order).toEqual(['last gasp']);
    await gasp;
    expect(order).toEqual(['last gasp', 'closed']);
  });

  it('opens only a port the host listed: another path is refused without touching the backend', async () => {
    const opened: string[] = [];
    let ports = [{ path: '/dev/ttyACM0', label: 'Uno', likelyRobot: true }];
    const backend: RobotBackend = {
      listPorts: async () => ports,
      open: async (port) => {
        opened.push(port);
        return { io: new FakeRobot({ link: true }), close: async () => {} };
      },
    };
    const { host } = await makeHost({ ...defaultSeams({ wall: instantWall }), robots: backend });
    for (const port of ['/dev/sda', '/etc/passwd', '\\\\.\\COM1', '/dev/ttyACM0/../ttyS0', '/dev/ttyACM1']) {
      await expect(host.connect({ port, profile: 'arduino-2wd' })).rejects.toMatchObject({ code: 'robot-port-not-listed' });
    }
    expect(opened).toEqual([]);
    // Listed (even if plugged in after the page last asked): opened.
    ports = [...ports, { path: '/dev/ttyACM1', label: 'Uno 2', likelyRobot: true }];
    expect(await host.connect({ port: '/dev/ttyACM1', profile: 'arduino-2wd' })).toMatchObject({ state: 'ready' });
    expect(opened).toEqual(['/dev/ttyACM1']);
  });

  it('puts the reason in the status when connecting fails', async () => {
    const { AppError } = await import('../../app/core/errors');
    const backend: RobotBackend = {
      listPorts: async () => [{ path: 'COM3', label: 'COM3', likelyRobot: true }],
      open: async () => {
        throw new AppError({ code: 'robot-disconnected' });
      },
    };
    const { host } = await makeHost({ ...defaultSeams({ wall: instantWall }), robots: backend });
    expect(await host.connect({ port: 'COM3', profile: 'arduino-2wd' })).toMatchObject({
      state: 'none',
      reason: { code: 'robot-disconnected', messageKey: 'robot-disconnected' },
    });
  });

  it('says the robot bridge is unavailable when none is plugged in, never pretends', async () => {
    const { robots: _bridge, ...withoutRobots } = defaultSeams({ wall: instantWall });
    const { host } = await makeHost(withoutRobots);
    const dispatch = createDispatcher(host, createRequestValidator(), () => {});
    expect(await dispatch('listPorts', undefined)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'feature-unavailable', params: { feature: 'robots' } }),
    });
  });
});

describe('HostService: projects and settings', () => {
  it('reopens the last autosave at start-up', async () => {
    const dataDir = await tempDir();
    const { host } = await makeHost(undefined, dataDir);
    expect(await host.getStartupProject()).toBeNull();
    await host.autosave({ project: newProject('Ma spirale') });
    const { host: restarted } = await makeHost(undefined, dataDir);
    expect(await restarted.getStartupProject()).toMatchObject({ project: { name: 'Ma spirale' }, source: 'autosave' });
  });

  it('opens a file given by the OS first, and tells the UI about later ones', async () => {
    const dir = await tempDir();
    const { host } = await makeHost();
    const file = `${dir}/carre.robokit`;
    await (await import('node:fs/promises')).copyFile('examples/carre.robokit', file);
    await host.openFromOs(file);
    expect(await host.getStartupProject()).toMatchObject({ fileName: 'carre.robokit', source: 'file' });
    const opened: string[] = [];
    host.onDidOpenProject((o) => opened.push(o.project.name));
    await host.openFromOs(file);
    expect(opened).toEqual(['Le carré']);
  });

  it('in the browser: opens uploaded text and saves as a download', async () => {
    const { host } = await makeHost();
    const text = await readFile('examples/carre.robokit', 'utf8');
    expect(await host.openProject({ from: 'text', text, fileName: 'carre.robokit' })).toMatchObject({ source: 'upload' });
    const compact = JSON.stringify(JSON.parse(text));
    await expect(host.openProject({ from: 'text', text: compact.slice(0, compact.length / 2) })).rejects.toMatchObject({ code: 'file-truncated' });
    await expect(host.openProject({ from: 'text', text: '' })).rejects.toMatchObject({ code: 'file-empty' });
    await expect(host.openProject({ from: 'dialog' })).rejects.toMatchObject({ code: 'feature-unavailable' });
    const saved = await host.saveProject({ project: newProject('Mon/carré?') });
    expect(saved).toMatchObject({ status: 'download', fileName: 'Mon carré.robokit' });
    if (saved.status === 'download') expect(parseProject(saved.text).ok).toBe(true);
  });

  it('in Electron: saves through the dialog, then to the same file', async () => {
    const dir = await tempDir();
    const asked: string[] = [];
    const dialogs = {
      chooseOpenPath: async () => null,
      chooseSavePath: async (name: string) => (asked.push(name), `${dir}/${name}`),
    };
    const { host } = await makeHost({ ...defaultSeams({ wall: instantWall }), dialogs });
    expect(await host.saveProject({ project: newProject('Robot') })).toEqual({ status: 'saved', fileName: 'Robot.robokit' });
    expect(await host.saveProject({ project: newProject('Robot 2') })).toEqual({ status: 'saved', fileName: 'Robot.robokit' });
    expect(asked).toEqual(['Robot.robokit']);
    expect(JSON.parse(await readFile(`${dir}/Robot.robokit`, 'utf8'))).toMatchObject({ name: 'Robot 2' });
    expect(await host.openProject({ from: 'dialog' })).toBeNull();
    expect((await host.listVersions()).length).toBeGreaterThan(0);
  });

  it('keeps settings, tells the UI, and survives a damaged settings file', async () => {
    const dataDir = await tempDir();
    const { host } = await makeHost(undefined, dataDir);
    expect(await host.getSettings()).toMatchObject({ locale: 'fr', profile: 'sim' });
    const seen: string[] = [];
    host.onDidChangeSettings((s) => seen.push(s.locale));
    await host.setSettings({ locale: 'en', largeText: true });
    expect(seen).toEqual(['en']);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${dataDir}/settings.json`, JSON.stringify({ locale: 'klingon', largeText: true }));
    const { host: again } = await makeHost(undefined, dataDir);
    expect(await again.getSettings()).toMatchObject({ locale: 'fr', largeText: true });
  });
});
