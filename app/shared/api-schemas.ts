/**
 * JSON Schemas of every request's params (plain data). Compiled by `api-validate.ts` on the host
 * side; the IPC and WebSocket layers refuse anything that does not match.
 */
import { PROJECT_SCHEMA } from '../core/project/project-schema';
import type { MethodName } from './api';

/** Profile, world and version ids: short, no path separators. */
const ID = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$' } as const;
const NONE = { type: 'object', maxProperties: 0 } as const;

/** A project text uploaded from the browser; the project parser applies its own limits too. */
export const MAX_PROJECT_TEXT = 20 * 1024 * 1024;

const closed = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});

export const PARAMS_SCHEMAS: Record<MethodName, object> = {
  getHostInfo: NONE,
  listPorts: NONE,
  listProfiles: NONE,
  connect: closed({ port: { type: 'string', minLength: 1, maxLength: 256 }, profile: ID }, ['port', 'profile']),
  disconnect: NONE,
  identify: NONE,
  listWorlds: NONE,
  getWorld: closed({ id: ID }, ['id']),
  run: closed(
    {
      workspace: { type: 'object' },
      profile: ID,
      target: { enum: ['sim', 'robot'] },
      world: ID,
      paused: { type: 'boolean' },
    },
    ['workspace', 'profile', 'target'],
  ),
  pause: NONE,
  resume: NONE,
  step: NONE,
  stop: NONE,
  getStartupProject: NONE,
  openProject: {
    oneOf: [
      closed({ from: { const: 'dialog' } }, ['from']),
      closed(
        {
          from: { const: 'text' },
          text: { type: 'string', maxLength: MAX_PROJECT_TEXT },
          fileName: { type: 'string', maxLength: 255 },
        },
        ['from', 'text'],
      ),
    ],
  },
  saveProject: closed({ project: PROJECT_SCHEMA, saveAs: { type: 'boolean' } }, ['project']),
  autosave: closed({ project: PROJECT_SCHEMA }, ['project']),
  listVersions: NONE,
  restoreVersion: closed({ id: ID }, ['id']),
  getSettings: NONE,
  setSettings: closed({
    locale: { enum: ['fr', 'en'] },
    highContrast: { type: 'boolean' },
    largeText: { type: 'boolean' },
    profile: ID,
    world: { anyOf: [ID, { type: 'null' }] },
  }),
};
