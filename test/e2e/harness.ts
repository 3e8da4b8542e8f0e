/**
 * Browser test rig (SPEC §8): the renderer built with Vite, `robokit serve` started in-process on a
 * free port with a fresh data folder, and Debian's Chromium driven by playwright-core. Every request
 * the page makes is recorded, so a test can fail on anything not sent to the local server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { runServe } from '../../app/host/serve/run-serve';

export const REPO = resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = join(REPO, 'dist/renderer');
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

/** Builds dist/renderer from the current sources (a few seconds). */
export async function buildRenderer(): Promise<void> {
  await build({ configFile: join(REPO, 'app/renderer/vite.config.ts'), logLevel: 'error' });
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
  close(): Promise<void>;
}

export interface RigOptions {
  readonly dataDir?: string;
  readonly viewport?: { width: number; height: number };
  readonly locale?: string;
}

export async function startRig(options: RigOptions = {}): Promise<Rig> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'robokit-e2e-data-')));
  const profileDir = await mkdtemp(join(tmpdir(), 'robokit-e2e-chromium-'));
  const server = await runServe({ port: 0, rendererDir: RENDERER_DIR, dataDir });
  const { url, origin } = server.serve;
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
    close: async () => {
      await context.close().catch(() => undefined);
      await server.stop();
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
