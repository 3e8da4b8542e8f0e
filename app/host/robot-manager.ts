/**
 * The robot panel's side of the host: one robot at a time, its connection state for the light
 * (none / connecting / ready / lost), and "identify" (blink the robot's light).
 */
import { access } from 'node:fs/promises';
import { AppError } from '../core/errors';
import type { Profile } from '../core/profiles';
import type { RobotIo } from '../core/robot-io';
import type { ConnectionStatus, Locale, PortInfo } from '../shared/api';
import { apiError } from '../shared/api';
import { Emitter } from './emitter';
import { toApiError } from './to-api-error';
import type { RobotBackend, RobotLink } from './seams';

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
    open: (port, profile) => backend.open(port, profile),
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
      const inUse = port.path === used;
      if (!robotName && !inUse) return port;
      const label = [port.label, robotName ? `« ${robotName} »` : '', inUse ? IN_USE[locale] : ''].filter(Boolean).join(' ');
      return { ...port, label, ...(robotName ? { robotName } : {}), ...(inUse ? { inUse } : {}) };
    });
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
      const link = await this.backend.open(port, profile);
      this.link = link;
      this.profile = profile;
      const ready = (): ConnectionStatus => {
        const firmware = link.firmware?.();
        if (firmware?.robotName) this.names.set(port, firmware.robotName);
        return { state: 'ready', port, profile: profile.id, ...(firmware ? { firmware } : {}) };
      };
      this.unlisten = link.io.onDidChangeLink?.((state) => {
        if (state === 'lost') this.set({ state: 'lost', port, profile: profile.id, reason: apiError('robot-disconnected') });
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
