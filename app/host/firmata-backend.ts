/**
 * The robot bridge as the host's RobotBackend: serial ports with a guess of the board, and robots
 * through the firmware bridge's RobotConnection, which detects the firmware (the RoboKit firmware,
 * else StandardFirmata) and says which (reasons for each failure, lost link, reconnect). Loaded on first use, so the host starts without the serial port's native code.
 */
import type { ConnectOptions } from '../../firmware-bridge/src/connection';
import type { PortLister } from '../../firmware-bridge/src/ports';
import type { Locale, PortInfo } from '../shared/api';
import type { RobokitHello } from '../../firmware-bridge/src/robokit-hello';
import type { RobotBackend, RobotIdentity, RollCall } from './seams';

export interface FirmataBackendOptions {
  /** For tests: ports without the serial port module. */
  readonly lister?: PortLister;
  /** For tests: how to open the port (a fake link). */
  readonly connect?: ConnectOptions;
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
    async open(port, profile, extra) {
      const { RobotConnection } = await import('../../firmware-bridge/src/connection');
      const connection = await RobotConnection.connect(port, profile, { ...options.connect, ...(extra?.ports ? { ports: extra.ports } : {}) });
      return {
        io: connection.io,
        port: () => connection.path,
        firmware: () => {
          const f = connection.firmwareInfo;
          if (!f) return undefined;
          return {
            kind: f.kind,
            name: f.name,
            version: f.version,
            ...(f.robotName ? { robotName: f.robotName } : {}),
            ...(f.boardId ? { robotId: f.boardId } : {}),
          };
        },
        identify: () => connection.identify(),
        rename: (name) => connection.rename(name),
        storeProgram: (image, { autostart, onProgress }) => connection.storeProgram(image, { autostart, onProgress }),
        close: () => connection.close(),
        lastGasp: () => connection.lastGasp(),
      };
    },
    rollCall: robokitRollCall(options.connect),
  };
}

/** The RoboKit firmware's roll call (robokit-roll-call.ts), loaded on first use. */
function robokitRollCall(connect: ConnectOptions | undefined): RollCall {
  const options = { ...(connect?.openLink ? { openLink: connect.openLink } : {}), ...(connect?.scheduler ? { scheduler: connect.scheduler } : {}) };
  const identity = (hello: RobokitHello | undefined): RobotIdentity | undefined =>
    hello ? { id: hello.id, ...(hello.name ? { name: hello.name } : {}) } : undefined;
  const rollCall = () => import('../../firmware-bridge/src/robokit-roll-call');
  return {
    whoIsOn: async (port) => identity(await (await rollCall()).whoIsOn(port, options)),
    identifyOn: async (port) => identity(await (await rollCall()).identifyOn(port, options)),
    nameOn: async (port, name) => identity(await (await rollCall()).nameRobotOn(port, name, options)),
    renumberOn: async (port) => identity(await (await rollCall()).renumberRobotOn(port, options)),
  };
}
