import { describe, expect, it } from 'vitest';
import { robotPortsFromEnv, withExtraPorts } from '../../app/host/robot-manager';
import type { RobotBackend } from '../../app/host/seams';

describe('robot ports named in the environment (desktop app)', () => {
  it('reads ROBOKIT_ROBOT_PORTS, separated like PATH entries, ignoring blanks', () => {
    expect(robotPortsFromEnv({ ROBOKIT_ROBOT_PORTS: '/tmp/robokit-uno/app: /dev/ttyUSB7 ::' }, ':')).toEqual([
      '/tmp/robokit-uno/app',
      '/dev/ttyUSB7',
    ]);
    expect(robotPortsFromEnv({ ROBOKIT_ROBOT_PORTS: 'COM7;COM9' }, ';')).toEqual(['COM7', 'COM9']);
    expect(robotPortsFromEnv({}, ':')).toEqual([]);
  });

  it('lists them first, while they exist', async () => {
    const backend: RobotBackend = {
      listPorts: async () => [{ path: '/dev/ttyACM0', label: 'Arduino Uno', likelyRobot: true }],
      open: async () => {
        throw new Error('not opened in this test');
      },
    };
    const ports = await withExtraPorts(backend, ['/tmp/here', '/tmp/gone'], async (p) => p === '/tmp/here').listPorts('fr');
    expect(ports.map((p) => p.path)).toEqual(['/tmp/here', '/dev/ttyACM0']);
    expect(ports[0]!.label).toBe('Port indiqué — /tmp/here');
  });
});
