import { describe, expect, it } from 'vitest';
import { findProfile } from '../../app/core/profiles';
import { firmataBackend } from '../../app/host/firmata-backend';
import { RobotManager } from '../../app/host/robot-manager';
import { FakeBoard, FakeLink } from '../firmware-bridge/fakes/fake-board';
import { FakeRobokitBoard } from '../firmware-bridge/fakes/fake-robokit-board';

/** The system's port list: one Uno. */
const uno = async () => [{ path: '/dev/ttyACM0', vendorId: '2341', productId: '0043' }];

describe('firmataBackend', () => {
  it('lists ports with a friendly name in the pupil’s language, robots first', async () => {
    const backend = firmataBackend({
      lister: async () => [
        { path: '/dev/ttyS0' },
        { path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523', manufacturer: 'QinHeng' },
        { path: '/dev/ttyACM0', vendorId: '2341', productId: '0043' },
      ],
    });
    const ports = await backend.listPorts('fr');
    expect(ports.map((p) => p.path)).toEqual(['/dev/ttyACM0', '/dev/ttyUSB0', '/dev/ttyS0']);
    expect(ports[0]).toMatchObject({ board: 'arduino-uno', likelyRobot: true, usbId: '2341:0043' });
    expect(ports[0]!.label).toMatch(/Arduino Uno — \/dev\/ttyACM0/);
    expect(ports[1]).toMatchObject({ board: 'ch340', manufacturer: 'QinHeng', driverHint: { fr: expect.any(String) } });
    expect(ports[2]).toMatchObject({ likelyRobot: false });
    expect(ports[2]).not.toHaveProperty('board');
    expect((await backend.listPorts('en'))[0]!.label).toMatch(/— \/dev\/ttyACM0$/);
  });

  it('says which firmware answered, its version and the robot’s name (the robot panel shows them)', async () => {
    const board = new FakeRobokitBoard();
    const manager = new RobotManager(firmataBackend({ lister: uno, connect: { timeoutMs: 1000, reconnect: false, openLink: async () => new FakeLink(board) } }));
    const status = await manager.connect('/dev/ttyACM0', findProfile('arduino-2wd')!);
    expect(status).toMatchObject({ state: 'ready', firmware: { kind: 'robokit', name: 'RoboKit', version: '1.0.0', robotName: 'Robot Lila' } });
    await manager.disconnect();
    board.dispose();

    const firmata = new RobotManager(firmataBackend({ lister: uno, connect: { timeoutMs: 1000, reconnect: false, openLink: async () => new FakeLink(new FakeBoard()) } }));
    const old = await firmata.connect('/dev/ttyACM0', findProfile('arduino-2wd')!);
    expect(old).toMatchObject({ state: 'ready', firmware: { kind: 'firmata', name: 'Fake.ino', version: '2.5' } });
    expect(old.firmware).not.toHaveProperty('robotName');
    await firmata.disconnect();
  });

  it('the port list names the robot met on each port and marks the one this computer is connected to', async () => {
    const board = new FakeRobokitBoard();
    const manager = new RobotManager(firmataBackend({ lister: uno, connect: { timeoutMs: 1000, reconnect: false, openLink: async () => new FakeLink(board) } }));
    expect((await manager.listPorts('fr'))[0]).not.toHaveProperty('inUse');
    await manager.connect('/dev/ttyACM0', findProfile('arduino-2wd')!);
    const [connected] = await manager.listPorts('fr');
    expect(connected).toMatchObject({ robotName: 'Robot Lila', inUse: true });
    expect(connected!.label).toMatch(/^Robot Lila — .*\/dev\/ttyACM0 \(déjà connecté\)$/);
    await manager.disconnect();
    const [after] = await manager.listPorts('en');
    expect(after).toMatchObject({ robotName: 'Robot Lila' });
    expect(after).not.toHaveProperty('inUse');
    board.dispose();
  });

  it('refuses to open a simulated profile on a serial port, saying why', async () => {
    await expect(firmataBackend().open('/dev/null', findProfile('sim')!)).rejects.toMatchObject({ code: 'robot-wrong-profile' });
  });
});
