/**
 * The `robokit serve` composition root: host services on this computer's data folder, the web
 * server on 127.0.0.1, a clean stop (robot safe) on Ctrl-C, and the robot stopped if the process
 * fails (`last-gasp.ts`). The CLI calls `runServe`.
 */
import { fileURLToPath } from 'node:url';
import { createHostService } from '../create-host';
import { defaultDataDir } from '../data-dir';
import { defaultSeams } from '../default-seams';
import { installLastGasp } from '../last-gasp';
import { withExtraPorts } from '../robot-manager';
import { startServe, type ServeHandle } from './serve';

export interface RunServeOptions {
  readonly port?: number;
  readonly rendererDir?: string;
  readonly dataDir?: string;
  readonly version?: string;
  /** Serial ports to offer besides those the system lists (`--robot-port`, e.g. the emulated Uno). */
  readonly robotPorts?: readonly string[];
}

/** dist/renderer, next to dist/cli where the bundled command line runs from. */
export function defaultRendererDir(): string {
  return fileURLToPath(new URL('../renderer/', import.meta.url));
}

export async function runServe(options: RunServeOptions = {}): Promise<{ serve: ServeHandle; stop(): Promise<void> }> {
  const seams = defaultSeams();
  const robotPorts = options.robotPorts ?? [];
  const host = createHostService({
    dataDir: options.dataDir ?? defaultDataDir(),
    info: { version: options.version ?? '0.1.0', host: 'serve', fileDialogs: false },
    seams: seams.robots && robotPorts.length > 0 ? { ...seams, robots: withExtraPorts(seams.robots, robotPorts) } : seams,
  });
  // A failure anywhere in this process stops the robot before it goes (Ctrl-C is the CLI's).
  const removeLastGasp = installLastGasp({ stop: () => host.lastGasp() });
  const serve = await startServe({
    api: host,
    rendererDir: options.rendererDir ?? defaultRendererDir(),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  return {
    serve,
    stop: async () => {
      removeLastGasp();
      await host.shutdown();
      await serve.close();
    },
  };
}
