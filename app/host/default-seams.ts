/**
 * The real parts both composition roots (Electron main, `robokit serve`) plug into HostService:
 * the compiler, the run engine (runtime + simulator), the built-in worlds and the Firmata bridge.
 */
import { compile } from '../core/compiler/compile';
import type { HostSeams } from './create-host';
import { createRunEngine, type RunEngineOptions } from './run/run-engine';
import { firmataBackend } from './firmata-backend';
import { firmwareInstaller } from './firmware-installer';
import { builtInWorldCatalog } from './worlds';

export function defaultSeams(options: RunEngineOptions = {}): HostSeams {
  return {
    compile,
    engine: createRunEngine(options),
    worlds: builtInWorldCatalog(),
    robots: firmataBackend(),
    firmware: firmwareInstaller(),
  };
}
