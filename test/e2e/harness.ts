/**
 * Browser test rig (SPEC §8): the renderer built with Vite, `robokit serve` started in a child
 * process (its own event loop, as in real use) on a free port with a fresh data folder, and
 * Debian's Chromium driven by playwright-core. Every request
 * the page makes is recorded, so a test can fail on anything not sent to the local server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build as esbuild } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';

export const REPO = resolve(import.meta.dirname, '../..');
/** The tests' own build, so they never disturb a `robokit serve` running from dist/renderer. */
export const RENDERER_DIR = join(REPO, 'dist/e2e/renderer');
export const RESULTS_DIR = join(REPO, 'test-results');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let built: Promise<void> | undefined;

/** Builds the renderer from the current sources into RENDERER_DIR (a few seconds), once per test file. */
export function buildRenderer(): Promise<void> {
  built ??= build({ configFile: join(REPO, 'app/renderer/vite.config.ts'), logLevel: 'error', build: { outDir: RENDERER_DIR } }).then(() => undefined);
  return built;
}

// Inside the repo, so the bundle's external packages resolve from node_modules.
const SERVE_CHILD = join(REPO, `dist/e2e/serve-child-${process.pid}.mjs`);

/** Bundles test/e2e/serve-child.ts (the real serve composition root) for Node. */
async function bundleServe(): Promise<void> {
  await esbuild({
    entryPoints: [join(REPO, 'test/e2e/serve-child.ts')],
    outfile: SERVE_CHILD,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    absWorkingDir: REPO,
    logLevel: 'warning',
  });
}

interface ServeChild {
  readonly url: string;
  readonly origin: string;
  readonly child: ChildProcess;
  /** Asks for a fresh one-time link, as Enter does in `robokit serve`'s terminal. */
  newLink(): Promise<string>;
}

async function startServeChild(dataDir: string, robotPorts: readonly string[]): Promise<ServeChild> {
  await bundleServe();
  const child = spawn(process.execPath, [SERVE_CHILD, RENDERER_DIR, dataDir, ...robotPorts], { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const nextLine = () =>
    new Promise<string>((resolveLine, reject) => {
      lines.once('line', resolveLine);
      child.once('exit', (code) => reject(new Error(`robokit serve exited (${code})`)));
    });
  const { url, origin } = JSON.parse(await nextLine()) as { url: string; origin: string };
  const newLink = async () => {
    const line = nextLine();
    child.stdin!.write('\n');
    return (JSON.parse(await line) as { url: string }).url;
  };
  return { url, origin, child, newLink };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export interface Rig {
  readonly url: string;
  readonly origin: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every URL the page asked for (HTTP and WebSocket). */
  readonly requests: string[];
  /** Requests that went anywhere but the local server. */
  foreignRequests(): string[];
  /** A fresh one-time link from `robokit serve` (Enter in its terminal). */
  newLink(): Promise<string>;
  /** Kills `robokit serve` at once (SIGKILL, as a crash or a power cut would), and waits until it is gone. */
  killHost(): Promise<void>;
  close(): Promise<void>;
}

export interface RigOptions {
  readonly dataDir?: string;
  readonly viewport?: { width: number; height: number };
  readonly locale?: string;
  /** Serial ports the host offers besides the system's (`robokit serve --robot-port`). */
  readonly robotPorts?: readonly string[];
}

export async function startRig(options: RigOptions = {}): Promise<Rig> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'robokit-e2e-data-')));
  const profileDir = await mkdtemp(join(tmpdir(), 'robokit-e2e-chromium-'));
  const { url, origin, child, newLink } = await startServeChild(dataDir, options.robotPorts ?? []);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1366, height: 768 },
    locale: options.locale ?? 'fr-FR',
    serviceWorkers: 'block',
  });
  const requests: string[] = [];
  context.on('request', (req) => requests.push(req.url()));
  context.on('page', (p) => p.on('websocket', (ws) => requests.push(ws.url())));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('websocket', (ws) => requests.push(ws.url()));
  const wsOrigin = origin.replace(/^http:/, 'ws:');
  const local = (u: string): boolean =>
    u.startsWith(`${origin}/`) || u.startsWith(`${wsOrigin}/`) || u.startsWith('data:') || u.startsWith('blob:');
  return {
    url,
    origin,
    context,
    page,
    requests,
    foreignRequests: () => requests.filter((u) => !local(u)),
    newLink,
    killHost: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    close: async () => {
      await context.close().catch(() => undefined);
      await stopChild(child);
      await rm(profileDir, { recursive: true, force: true });
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the app and waits until the main screen answers. */
export async function openApp(rig: Rig): Promise<void> {
  await rig.page.goto(rig.url);
  await rig.page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
}

/**
 * What most browser tests start with: the renderer built, RESULTS_DIR made for screenshots, `robokit
 * serve` and Chromium started (`startRig`), and the app open. Close it in afterAll.
 */
export async function openRig(options: RigOptions = {}): Promise<Rig> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await buildRenderer();
  const rig = await startRig(options);
  try {
    await openApp(rig);
  } catch (error) {
    await rig.close();
    throw error;
  }
  return rig;
}

/** Starts a rig on `options`, opens the app, runs `use`, and closes the rig whatever happens. */
export async function withRig<T>(options: RigOptions, use: (rig: Rig) => Promise<T>): Promise<T> {
  const rig = await startRig(options);
  try {
    await openApp(rig);
    return await use(rig);
  } finally {
    await rig.close();
  }
}
