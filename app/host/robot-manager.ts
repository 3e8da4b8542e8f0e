/**
 * The robot panel's side of the host: one robot at a time, its connection state for the light
 * (none / connecting / ready / lost), and fifteen robots in one room: the roll call (which robot is
 * on each port), « Identifier » (blink the robot's light) and naming a robot, before connecting too.
 */
import { access } from 'node:fs/promises';
import { AppError } from '../core/errors';
import type { Profile } from '../core/profiles';
import type { RobotIo } from '../core/robot-io';
import type { ConnectionStatus, Locale, PortInfo } from '../shared/api';
import { apiError } from '../shared/api';
import { Emitter } from './emitter';
import { toApiError } from './to-api-error';
import { NAME_MAX_BYTES, validRobotName } from '../../firmware-bridge/src/robot-name';
import type { RobotBackend, RobotIdentity, RobotLink, StoreProgramOptions } from './seams';

export interface Timers {
  delay(ms: number): Promise<void>;
}

export const realTimers: Timers = { delay: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

const GIVEN_PORT = { fr: 'Port indiqué', en: 'Given port' } as const;
const IN_USE = { fr: '(déjà connecté)', en: '(already connected)' } as const;

/**
 * The backend's ports plus ports named when the host was started (`robokit serve --robot-port
 * PATH`): a pseudo-terminal such as the emulated Uno's (`npm run emulate`), or a board the serial
 * port list does not show. Listed first, while the path exists; connecting works as for any port.
 */
export function withExtraPorts(
  backend: RobotBackend,
  paths: readonly string[],
  exists: (path: string) => Promise<boolean> = (path) => access(path).then(() => true, () => false),
): RobotBackend {
  return {
    open: (port, profile, options) => backend.open(port, profile, options),
    ...(backend.rollCall ? { rollCall: backend.rollCall } : {}),
    async listPorts(locale) {
      const [listed, present] = await Promise.all([backend.listPorts(locale), Promise.all(paths.map(exists))]);
      const extra = paths
        .filter((path, i) => present[i] && !listed.some((p) => p.path === path))
        .map((path): PortInfo => ({ path, label: `${GIVEN_PORT[locale]} — ${path}`, likelyRobot: true }));
      return [...extra, ...listed];
    },
  };
}

/**
 * Extra ports named in the environment, for the desktop app (which takes no command-line options):
 * `ROBOKIT_ROBOT_PORTS=/tmp/robokit-uno/app` (several separated like PATH entries).
 */
export function robotPortsFromEnv(env: Readonly<Record<string, string | undefined>>, separator: string): string[] {
  return (env['ROBOKIT_ROBOT_PORTS'] ?? '')
    .split(separator)
    .map((path) => path.trim())
    .filter((path) => path.length > 0);
}

export class RobotManager {
  private readonly changed = new Emitter<ConnectionStatus>();
  readonly onDidChange = this.changed.event;
  private status: ConnectionStatus = { state: 'none' };
  private link: RobotLink | null = null;
  private profile: Profile | null = null;
  private unlisten: (() => void) | undefined;
  /** The paths of the last port list given out. */
  private listed = new Set<string>();
  /** The robot's name last seen on each port (RoboKit firmware). */
  private readonly names = new Map<string, string>();
  /** The robot's id last seen on each port (RoboKit firmware). */
  private readonly ids = new Map<string, string>();
  /** Roll call, identify, rename and connect open ports one at a time (never twice the same port). */
  private portWork: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly backend: RobotBackend,
    private readonly timers: Timers = realTimers,
  ) {}

  get connection(): ConnectionStatus {
    return this.status;
  }

  /** The connected robot, ready to run a program. */
  get ready(): { readonly io: RobotIo; readonly profile: Profile } | null {
    return this.link && this.profile && this.status.state === 'ready' ? { io: this.link.io, profile: this.profile } : null;
  }

  /**
   * The backend's ports, each with the name of the robot this computer last met on it, and the
   * one it is connected to marked « déjà connecté » (fifteen robots in one room).
   */
  async listPorts(locale: Locale): Promise<PortInfo[]> {
    const ports = await this.backend.listPorts(locale);
    this.listed = new Set(ports.map((p) => p.path));
    const used = this.link && this.status.state !== 'none' ? this.status.port : undefined;
    return ports.map((port) => {
      const robotName = this.names.get(port.path);
      const robotId = this.ids.get(port.path);
      const inUse = port.path === used;
      if (!robotName && !inUse && !robotId) return port;
      // The robot's name first: a narrow list cuts the end of a long label, and the name is what a pupil looks for.
      const label = [robotName ? `${robotName} —` : '', port.label, inUse ? IN_USE[locale] : ''].filter(Boolean).join(' ');
      return { ...port, label, ...(robotName ? { robotName } : {}), ...(robotId ? { robotId } : {}), ...(inUse ? { inUse } : {}) };
    });
  }

  /**
   * Asks each port that may hold a robot, except the one this host is connected to, which robot is
   * there (RoboKit firmware: its name and id), then lists the ports with the names. Two robots that
   * say the same id (boards that chose their own at first boot) get told apart: the second gets a
   * new random id. A port that cannot be opened (another program has it) keeps what was known.
   */
  async rollCall(locale: Locale): Promise<PortInfo[]> {
    const rollCall = this.backend.rollCall;
    const ports = await this.listPorts(locale);
    if (!rollCall) return ports;
    const asked = ports.filter((p) => !p.inUse && (p.likelyRobot || p.usbId !== undefined));
    await this.exclusive(async () => {
      const found = await Promise.all(asked.map((p) => rollCall.whoIsOn(p.path).catch(() => null)));
      const seen = new Set<string>(this.connectedId() ? [this.connectedId()!] : []);
      for (const [i, port] of asked.entries()) {
        const said = found[i];
        if (said === null || said === undefined) {
          if (said === undefined) this.remember(port.path, undefined); // no RoboKit robot there now
          continue; // null: could not ask (another program has the port): keep what was known
        }
        const who = seen.has(said.id) ? ((await rollCall.renumberOn(port.path).catch(() => undefined)) ?? said) : said;
        this.remember(port.path, who);
        seen.add(who.id);
      }
    });
    return this.listPorts(locale);
  }

  /**
   * « Identifier »: the robot on `port` blinks and beeps — the connected one through its link, any
   * other before connecting (RoboKit firmware; `robot-not-robokit` when none answers).
   */
  async identifyRobot(port: string): Promise<void> {
    if (this.isConnectedTo(port)) return this.identify();
    await this.requireListed(port);
    const rollCall = this.backend.rollCall;
    if (!rollCall) throw new AppError({ code: 'robot-not-robokit' });
    const who = await this.exclusive(() => rollCall.identifyOn(port));
    if (!who) throw new AppError({ code: 'robot-not-robokit' });
    this.remember(port, who);
  }

  /** Stores a name in the robot on `port` (kept in the robot: RoboKit firmware); resolves with it. */
  async nameRobot(port: string, name: string): Promise<string> {
    const clean = name.trim();
    if (!validRobotName(clean)) throw new AppError({ code: 'robot-name-invalid', params: { max: NAME_MAX_BYTES } });
    if (this.isConnectedTo(port)) {
      if (!this.link?.rename) throw new AppError({ code: 'robot-not-robokit' });
      await this.link.rename(clean);
      this.names.set(port, clean);
      if (this.status.state === 'ready' && this.status.firmware) {
        this.set({ ...this.status, firmware: { ...this.status.firmware, robotName: clean } });
      }
      return clean;
    }
    await this.requireListed(port);
    const rollCall = this.backend.rollCall;
    if (!rollCall) throw new AppError({ code: 'robot-not-robokit' });
    const who = await this.exclusive(() => rollCall.nameOn(port, clean));
    if (!who) throw new AppError({ code: 'robot-not-robokit' });
    this.remember(port, who);
    return clean;
  }

  private isConnectedTo(port: string): boolean {
    return this.link !== null && this.status.state !== 'none' && this.status.port === port;
  }

  private connectedId(): string | undefined {
    return this.status.state === 'ready' ? this.status.firmware?.robotId : undefined;
  }

  private remember(port: string, who: RobotIdentity | undefined): void {
    if (who?.name) this.names.set(port, who.name);
    else this.names.delete(port);
    if (who) this.ids.set(port, who.id);
    else this.ids.delete(port);
  }

  /** Runs `work` once no roll call, identify or rename holds a port (installing the firmware). */
  withPortsFree<T>(work: () => Promise<T>): Promise<T> {
    return this.exclusive(work);
  }

  /** One port operation at a time (a failure does not block the next). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.portWork.then(work, work);
    this.portWork = run.catch(() => undefined);
    return run;
  }

  /**
   * Opens only a port this host listed: a page (or anything that reaches the API) cannot make the
   * host open another device path. A port not in the last list is looked for once more (plugged
   * in since), then refused.
   */
  async connect(port: string, profile: Profile): Promise<ConnectionStatus> {
    if (this.status.state === 'connecting') throw new AppError({ code: 'already-connected' });
    await this.requireListed(port);
    await this.disconnect();
    this.set({ state: 'connecting', port, profile: profile.id });
    try {
      // After a replug the robot is looked for by its id on every port (its port may have a new name).
      const ports = async (): Promise<readonly string[]> => (await this.backend.listPorts('fr')).map((p) => p.path);
      const link = await this.exclusive(() => this.backend.open(port, profile, { ports }));
      this.link = link;
      this.profile = profile;
      const ready = (): ConnectionStatus => {
        const now = link.port?.() ?? port;
        const firmware = link.firmware?.();
        if (firmware?.robotName) this.names.set(now, firmware.robotName);
        if (firmware?.robotId) this.ids.set(now, firmware.robotId);
        if (now !== port) this.listed.add(now);
        return { state: 'ready', port: now, profile: profile.id, ...(firmware ? { firmware } : {}) };
      };
      this.unlisten = link.io.onDidChangeLink?.((state) => {
        const now = link.port?.() ?? port;
        if (state === 'lost') this.set({ state: 'lost', port: now, profile: profile.id, reason: apiError('robot-disconnected') });
        else this.set(ready());
      });
      this.set(ready());
    } catch (e) {
      this.set({ state: 'none', port, profile: profile.id, reason: toApiError(e) });
    }
    return this.status;
  }

  /** Refuses a port this host did not list (after looking once more: it may have been plugged in since). */
  async requireListed(port: string): Promise<void> {
    if (!this.listed.has(port)) await this.listPorts('fr');
    if (!this.listed.has(port)) throw new AppError({ code: 'robot-port-not-listed' });
  }

  async disconnect(): Promise<ConnectionStatus> {
    const link = this.link;
    this.unlisten?.();
    this.unlisten = undefined;
    this.link = null;
    this.profile = null;
    if (link) {
      try {
        await link.close();
      } finally {
        this.set({ state: 'none' });
      }
    }
    return this.status;
  }

  /** Every actuator of the connected robot to a safe state (Stop works even without a run). */
  async stopAll(): Promise<void> {
    await this.link?.io.stopAll();
  }

  /** The host process is failing: the robot's safe state at once (see `RobotLink.lastGasp`). */
  lastGasp(): Promise<void> {
    const link = this.link;
    if (!link) return Promise.resolve();
    return link.lastGasp ? link.lastGasp() : link.io.stopAll();
  }

  /** Stores a bytecode image in the connected robot (« Envoyer dans le robot »). */
  async storeProgram(image: Uint8Array, options: StoreProgramOptions): Promise<void> {
    const link = this.link;
    if (!link || this.status.state !== 'ready') throw new AppError({ code: 'not-connected' });
    if (!link.storeProgram) throw new AppError({ code: 'bytecode-needs-robokit-firmware' });
    await link.storeProgram(image, options);
  }

  /** Blinks the light three times. */
  async identify(): Promise<void> {
    const ready = this.ready;
    if (!ready || !this.link) throw new AppError({ code: 'not-connected' });
    if (this.link.identify) return this.link.identify();
    const light = ready.io.light;
    if (!light) throw new AppError({ code: 'robot-has-no-light' });
    for (let i = 0; i < 3; i++) {
      light.setLight(true);
      await this.timers.delay(250);
      light.setLight(false);
      await this.timers.delay(250);
    }
  }

  private set(status: ConnectionStatus): void {
    this.status = status;
    this.changed.fire(status);
  }
}
