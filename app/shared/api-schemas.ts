/**
 * JSON Schemas of every request's params (plain data). Compiled by `api-validate.ts` on the host
 * side; the IPC and WebSocket layers refuse anything that does not match.
 */
import { PROFILE_FILE_SCHEMA, PROFILE_FILE_ID_PATTERN } from '../core/profile-file/profile-file-schema';
import { PROJECT_SCHEMA } from '../core/project/project-schema';
import { SESSION_SCHEMA } from '../core/workshop/session-schema';
import type { MethodName } from './api';

/** Profile, world and version ids: short, no path separators. */
const ID = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$' } as const;
const NONE = { type: 'object', maxProperties: 0 } as const;

/** An own robot's id (a `.robokitprofile` in the data folder). */
const PROFILE_FILE_ID = { type: 'string', pattern: PROFILE_FILE_ID_PATTERN } as const;
/** A profile text uploaded from the browser; the profile parser applies its own, smaller limit too. */
export const MAX_PROFILE_TEXT = 1024 * 1024;

/** A project text uploaded from the browser; the project parser applies its own limits too. */
export const MAX_PROJECT_TEXT = 20 * 1024 * 1024;

/** A browser upload travels in parts small enough for one WebSocket message (base64 text). */
export const MAX_PACK_PART_BASE64 = 4 * 1024 * 1024;
/** A whole uploaded `.robokitpack`, all parts together. */
export const MAX_PACK_UPLOAD_BYTES = 50 * 1024 * 1024;

/** Pack and lesson ids as `pack.json` allows them (`fr.exemple.premiers-pas`, `avancer`). */
const PACK_ID = { type: 'string', maxLength: 100, pattern: '^[a-z0-9][a-z0-9-]{0,39}(?:\\.[a-z0-9][a-z0-9-]{0,39}){1,5}$' } as const;
const LESSON_ID = { type: 'string', maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]{0,63}$' } as const;
const LESSON_REF = { packId: PACK_ID, lessonId: LESSON_ID } as const;

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
  rollCall: NONE,
  identifyRobot: closed({ port: { type: 'string', minLength: 1, maxLength: 256 } }, ['port']),
  nameRobot: closed({ port: { type: 'string', minLength: 1, maxLength: 256 }, name: { type: 'string', minLength: 1, maxLength: 100 } }, ['port', 'name']),
  installFirmware: closed({ port: { type: 'string', minLength: 1, maxLength: 256 }, firmware: { enum: ['robokit', 'firmata'] } }, ['port', 'firmware']),
  getProfile: closed({ id: PROFILE_FILE_ID }, ['id']),
  saveProfile: closed({ profile: PROFILE_FILE_SCHEMA }, ['profile']),
  deleteProfile: closed({ id: PROFILE_FILE_ID }, ['id']),
  importProfile: {
    oneOf: [
      closed({ from: { const: 'dialog' } }, ['from']),
      closed({ from: { const: 'text' }, text: { type: 'string', maxLength: MAX_PROFILE_TEXT } }, ['from', 'text']),
    ],
  },
  exportProfile: closed({ id: PROFILE_FILE_ID }, ['id']),
  checkRobotProgram: closed({ workspace: { type: 'object' } }, ['workspace']),
  sendRobotProgram: closed({ workspace: { type: 'object' }, autostart: { type: 'boolean' } }, ['workspace', 'autostart']),
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
  listLessons: NONE,
  importPack: {
    oneOf: [
      closed({ from: { const: 'dialog' } }, ['from']),
      closed(
        {
          from: { const: 'bytes' },
          name: { type: 'string', minLength: 1, maxLength: 255 },
          base64: { type: 'string', maxLength: MAX_PACK_PART_BASE64, pattern: '^[A-Za-z0-9+/]*={0,2}$' },
          uploadId: { type: 'string', pattern: '^[0-9a-f]{32}$' },
          more: { type: 'boolean' },
        },
        ['from', 'name', 'base64'],
      ),
    ],
  },
  openLesson: closed(LESSON_REF, ['packId', 'lessonId']),
  checkLesson: closed({ ...LESSON_REF, workspace: { type: 'object' }, profile: ID }, ['packId', 'lessonId', 'workspace']),
  getLessonSolution: closed(LESSON_REF, ['packId', 'lessonId']),
  getTeacherNotes: closed(LESSON_REF, ['packId', 'lessonId']),
  getTeacherCodeState: NONE,
  setTeacherCode: closed({ code: { type: 'string', maxLength: 200 }, current: { type: 'string', maxLength: 200 } }, ['code']),
  unlockTeacher: closed({ code: { type: 'string', maxLength: 200 } }, ['code']),
  getWorkshop: NONE,
  saveWorkshop: closed({ session: SESSION_SCHEMA }, ['session']),
  startWorkshop: closed({ session: SESSION_SCHEMA, code: { type: 'string', maxLength: 200 } }, ['session', 'code']),
  nextFamily: NONE,
  exportWorkshopFile: closed(
    {
      fileName: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,100}\\.(robokitsession|csv)$' },
      text: { type: 'string', maxLength: 7 * 1024 * 1024 },
    },
    ['fileName', 'text'],
  ),
  endWorkshop: closed({ code: { type: 'string', maxLength: 200 } }, ['code']),
  openProjector: NONE,
  getSettings: NONE,
  setSettings: closed({
    locale: { enum: ['fr', 'en'] },
    highContrast: { type: 'boolean' },
    largeText: { type: 'boolean' },
    profile: ID,
    world: { anyOf: [ID, { type: 'null' }] },
  }),
};
