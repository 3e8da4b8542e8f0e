/**
 * The real parts both composition roots (Electron main, `robokit serve`) plug into HostService:
 * the compiler, the run engine (runtime + simulator) and the built-in worlds.
 * TODO(bridge): `robots` — the Johnny-Five bridge (firmware-bridge/src) plugs in here once its
 * connection API lands; until then listPorts/connect answer `feature-unavailable`.
 */
import { compile } from '../core/compiler/compile';
import type { HostSeams } from './create-host';
import { createRunEngine, type RunEngineOptions } from './run/run-engine';
import { builtInWorldCatalog } from './worlds';

export function defaultSeams(options: RunEngineOptions = {}): HostSeams {
  return {
    compile,
    engine: createRunEngine(options),
    worlds: builtInWorldCatalog(),
  };
}
