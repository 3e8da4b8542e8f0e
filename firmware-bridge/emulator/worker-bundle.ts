/**
 * Node cannot run the TypeScript worker directly (vitest only transforms the test thread's
 * modules), so the worker is bundled once per process with esbuild, avr8js included.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { projectRoot } from './paths';

let bundled: Promise<string> | null = null;

export function unoWorkerSource(): Promise<string> {
  bundled ??= bundle().catch((error: unknown) => {
    bundled = null;
    throw error;
  });
  return bundled;
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(projectRoot(), 'firmware-bridge', 'emulator', 'uno-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    sourcemap: 'inline',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no worker bundle');
  return output.text;
}
