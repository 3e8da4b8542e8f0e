import { describe, expect, it } from 'vitest';
import { firmataBackend } from '../../app/host/firmata-backend';

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

  it('refuses to open a simulated profile on a serial port, saying why', async () => {
    const { findProfile } = await import('../../app/core/profiles');
    await expect(firmataBackend().open('/dev/null', findProfile('sim')!)).rejects.toMatchObject({ code: 'robot-wrong-profile' });
  });
});
