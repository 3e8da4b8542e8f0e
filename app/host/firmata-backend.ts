/**
 * The robot bridge as the host's RobotBackend: serial ports with a guess of the board, and
 * Firmata robots through the firmware bridge's RobotConnection (reasons for each failure, lost
 * link, reconnect). Loaded on first use, so the host starts without the serial port's native code.
 */
import type { PortLister } from '../../firmware-bridge/src/ports';
import type { Locale, PortInfo } from '../shared/api';
import type { RobotBackend } from './seams';

export interface FirmataBackendOptions {
  /** For tests: ports without the serial port module. */
  readonly lister?: PortLister;
}

export function firmataBackend(options: FirmataBackendOptions = {}): RobotBackend {
  return {
    async listPorts(locale: Locale): Promise<PortInfo[]> {
      const { listPorts } = await import('../../firmware-bridge/src/ports');
      const ports = await (options.lister ? listPorts(options.lister) : listPorts());
      return ports.map((p) => ({
        path: p.path,
        label: `${p.board.label[locale]} — ${p.path}`,
        ...(p.board.kind !== 'unknown' ? { board: p.board.kind } : {}),
        likelyRobot: p.board.likelyArduino,
        ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
        ...(p.usbId ? { usbId: p.usbId } : {}),
        ...(p.board.driverHint ? { driverHint: p.board.driverHint } : {}),
      }));
    },
    async open(port, profile) {
      const { RobotConnection } = await import('../../firmware-bridge/src/connection');
      const connection = await RobotConnection.connect(port, profile);
      return {
        io: connection.io,
        identify: () => connection.identify(),
        close: () => connection.close(),
      };
    },
  };
}
