/**
 * Fifteen robots in one room, the host's side: the roll call names the robots on ports not in use,
 * tells apart two that say the same id, « Identifier » and naming work before connecting (through
 * the roll call) and on the connected robot (through its link); bad names and robots without the
 * RoboKit firmware get one sentence.
 */
import { describe, expect, it } from 'vitest';
import { FakeRobot } from '../core/robot-io/fake-robot';
import { defaultSeams } from '../../app/host/default-seams';
import type { RobotBackend, RobotIdentity, RollCall } from '../../app/host/seams';
import { instantWall, makeHost } from './helpers';

/** Robots on ports, as the roll call would find them; records what was asked of each port. */
class FakeRoom implements RollCall {
  readonly asked: string[] = [];
  /** Ports another program holds: asking them fails. */
  readonly busy = new Set<string>(['/dev/busy']);
  constructor(readonly robots: Map<string, { id: string; name?: string }>) {}
  private who(port: string): RobotIdentity | undefined {
    const r = this.robots.get(port);
    return r ? { ...r } : undefined;
  }
  async whoIsOn(port: string) {
    this.asked.push(`who ${port}`);
    if (this.busy.has(port)) throw new Error('busy');
    return this.who(port);
  }
  async identifyOn(port: string) {
    this.asked.push(`identify ${port}`);
    return this.who(port);
  }
  async nameOn(port: string, name: string) {
    this.asked.push(`name ${port} ${name}`);
    const r = this.robots.get(port);
    if (r) r.name = name;
    return this.who(port);
  }
  async renumberOn(port: string) {
    this.asked.push(`renumber ${port}`);
    const r = this.robots.get(port);
    if (r) r.id = 'NEW00001';
    return this.who(port);
  }
}

const PORTS = ['/dev/ttyACM0', '/dev/ttyACM1', '/dev/ttyUSB0', '/dev/busy'];

function backend(room: FakeRoom, renamed: string[] = []): RobotBackend {
  return {
    listPorts: async () => [...PORTS.map((path) => ({ path, label: `Uno — ${path}`, likelyRobot: true })), { path: '/dev/ttyS0', label: 'ttyS0', likelyRobot: false }],
    open: async (port) => ({
      io: new FakeRobot({ link: true }),
      firmware: () => ({ kind: 'robokit' as const, name: 'RoboKit', version: '1.0.0', robotName: room.robots.get(port)?.name ?? 'Robot', robotId: room.robots.get(port)?.id ?? '?' }),
      identify: async () => void room.asked.push(`identify by link ${port}`),
      rename: async (name: string) => void renamed.push(name),
      close: async () => {},
    }),
    rollCall: room,
  };
}

function room(): FakeRoom {
  return new FakeRoom(
    new Map([
      ['/dev/ttyACM0', { id: 'AAAA0001', name: 'Robot Lila' }],
      ['/dev/ttyACM1', { id: 'AAAA0002', name: 'Robot Tom' }],
      ['/dev/ttyUSB0', { id: 'AAAA0001' }], // same id as Lila: flashed alike, first boot alike
    ]),
  );
}

describe('the roll call', () => {
  it('names the robots on every likely port, renumbers a robot that says an id already seen, and never asks the connected port', async () => {
    const r = room();
    const { host } = await makeHost({ ...defaultSeams({ wall: instantWall }), robots: backend(r) });
    const ports = await host.rollCall();
    const byPath = new Map(ports.map((p) => [p.path, p]));
    expect(byPath.get('/dev/ttyACM0')).toMatchObject({ robotName: 'Robot Lila', robotId: 'AAAA0001' });
    expect(byPath.get('/dev/ttyACM0')!.label).toMatch(/^Robot Lila — /);
    expect(byPath.get('/dev/ttyACM1')).toMatchObject({ robotName: 'Robot Tom', robotId: 'AAAA0002' });
    expect(byPath.get('/dev/ttyUSB0')).toMatchObject({ robotId: 'NEW00001' });
    expect(byPath.get('/dev/ttyS0')!.robotName).toBeUndefined();
    expect(r.asked).not.toContain('who /dev/ttyS0');
    expect(r.asked).toContain('renumber /dev/ttyUSB0');

    await host.connect({ port: '/dev/ttyACM1', profile: 'arduino-2wd' });
    r.asked.length = 0;
    const again = await host.rollCall();
    expect(r.asked).not.toContain('who /dev/ttyACM1');
    expect(again.find((p) => p.path === '/dev/ttyACM1')).toMatchObject({ robotName: 'Robot Tom', inUse: true });
  });

  it('forgets the name of a port where no RoboKit robot answers any more, keeps it for a port it could not open', async () => {
    const r = room();
    r.robots.set('/dev/busy', { id: 'BBBB0001', name: 'Robot Zoé' });
    r.busy.clear();
    const { host } = await makeHost({ ...defaultSeams({ wall: instantWall }), robots: backend(r) });
    await host.rollCall();
    r.robots.delete('/dev/ttyACM0');
    r.busy.add('/dev/busy');
    const ports = await host.rollCall();
    expect(ports.find((p) => p.path === '/dev/ttyACM0')!.robotName).toBeUndefined();
    expect(ports.find((p) => p.path === '/dev/busy')!.robotName).toBe('Robot Zoé');
  });
});

describe('« Identifier » and naming', () => {
  it('before connecting: through the roll call, on the chosen port only', async () => {
    const r = room();
    const { host } = await makeHost({ ...defaultSeams({ wall: instantWall }), robots: backend(r) });
    await host.listPorts();
    await host.identifyRobot({ port: '/dev/ttyACM1' });
    expect(r.asked).toEqual(['identify /dev/ttyACM1']);
    expect(await host.nameRobot({ port: '/dev/ttyACM0', name: '  Robot Léa ' })).toEqual({ name: 'Robot Léa' });
    expect(r.robots.get('/dev/ttyACM0')!.name).toBe('Robot Léa');
    expect((await host.listPorts()).find((p) => p.path === '/dev/ttyACM0')!.label).toMatch(/^Robot Léa — /);
  });

  it('the connected robot: through its link, and the status says the new name', async () => {
    const r = room();
    const renamed: string[] = [];
    const { host } = await makeHost({ ...defaultSeams({ wall: instantWall }), robots: backend(r, renamed) });
    await host.connect({ port: '/dev/ttyACM0', profile: 'arduino-2wd' });
    const statuses: Array<string | undefined> = [];
    host.onDidChangeConnection((s) => statuses.push(s.firmware?.robotName));
    await host.identifyRobot({ port: '/dev/ttyACM0' });
    expect(r.asked).toEqual(['identify by link /dev/ttyACM0']);
    await host.nameRobot({ port: '/dev/ttyACM0', name: 'Robot Max' });
    expect(renamed).toEqual(['Robot Max']);
    expect(statuses).toEqual(['Robot Max']);
  });

  it('refuses a name the robot cannot keep, a port not listed, and a board without the RoboKit firmware, each with a sentence', async () => {
    const r = room();
    const { host } = await makeHost({ ...defaultSeams({ wall: instantWall }), robots: backend(r) });
    await host.listPorts();
    await expect(host.nameRobot({ port: '/dev/ttyACM0', name: 'un nom bien trop long pour un robot' })).rejects.toMatchObject({ code: 'robot-name-invalid' });
    await expect(host.nameRobot({ port: '/dev/ttyACM0', name: 'deux\nlignes' })).rejects.toMatchObject({ code: 'robot-name-invalid' });
    await expect(host.identifyRobot({ port: '/etc/passwd' })).rejects.toMatchObject({ code: 'robot-port-not-listed' });
    await expect(host.identifyRobot({ port: '/dev/ttyS0' })).rejects.toMatchObject({ code: 'robot-not-robokit' });
    expect(r.asked).toEqual(['identify /dev/ttyS0']);
  });
});

describe('one program at a time on a port', () => {
  it('installing the firmware waits until the roll call has let go of the ports', async () => {
    const r = room();
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slowRoom: RollCall = { ...r, whoIsOn: async (port) => (await held, r.whoIsOn(port)), identifyOn: (p) => r.identifyOn(p), nameOn: (p, n) => r.nameOn(p, n), renumberOn: (p) => r.renumberOn(p) };
    const order: string[] = [];
    const { host } = await makeHost({
      ...defaultSeams({ wall: instantWall }),
      robots: { ...backend(r), rollCall: slowRoom },
      firmware: { install: async () => (order.push('install'), { verified: true, bytes: 1, ms: 1 } as never) },
    });
    const call = host.rollCall().then(() => order.push('roll call done'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const install = host.installFirmware({ port: '/dev/ttyACM0', firmware: 'robokit' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]);
    release();
    await Promise.all([call, install]);
    expect(order[0]).toBe('install');
    expect(order).toContain('roll call done');
  });
});
