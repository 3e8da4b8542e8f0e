/** The simulator worlds the app offers: the built-in ones (app/core/simulator/worlds). */
import { BUILT_IN_WORLDS } from '../core/simulator/built-in-worlds';
import type { World } from '../core/simulator/world';
import type { WorldCatalog } from './seams';

export function builtInWorldCatalog(worlds: Readonly<Record<string, World>> = BUILT_IN_WORLDS): WorldCatalog {
  return {
    list: () => Object.entries(worlds).map(([id, w]) => ({ id, name: w.name })),
    get: (id) => (Object.prototype.hasOwnProperty.call(worlds, id) ? worlds[id] : undefined),
  };
}
