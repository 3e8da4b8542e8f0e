/**
 * `.robokit` project files: parse untrusted text into a validated Project, or say in one sentence
 * what is wrong (a code from the i18n catalog). Never throws.
 */
import Ajv from 'ajv';
import type { MessageCode } from '../i18n/messages';
import { guardJsonText } from './json-guard';
import { PROJECT_SCHEMA } from './project-schema';

export const PROJECT_FORMAT = 'robokit-project';
export const PROJECT_VERSION = 1;

/** Blockly's JSON serialization (`Blockly.serialization.workspaces.save`), kept as data. */
export type WorkspaceJson = Record<string, unknown>;

export interface Project {
  readonly format: typeof PROJECT_FORMAT;
  readonly version: typeof PROJECT_VERSION;
  readonly name: string;
  readonly profile: string;
  readonly workspace: WorkspaceJson;
  readonly lesson?: { readonly pack: string; readonly lesson: string };
  readonly updatedAt?: string;
}

export interface ProjectError {
  readonly code: MessageCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export type ParseProjectResult = { ok: true; project: Project } | { ok: false; error: ProjectError };

export const PROJECT_LIMITS = { maxChars: 20 * 1024 * 1024, maxDepth: 2000 } as const;

const validate = new Ajv({ allErrors: false, strict: true }).compile(PROJECT_SCHEMA);

const fail = (code: MessageCode, params: Record<string, string | number> = {}): ParseProjectResult => ({
  ok: false,
  error: { code, params },
});

export function parseProject(text: string): ParseProjectResult {
  const guard = guardJsonText(text, PROJECT_LIMITS);
  if (guard) return fail(guard.code, guard.code === 'file-too-large' ? { size: `${guard.size} octets` } : {});
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const truncated = e instanceof SyntaxError && /end of (JSON )?input|Unterminated/i.test(e.message);
    return fail(truncated ? 'file-truncated' : 'file-not-json');
  }
  return checkProject(data);
}

/** Validates already-parsed data (e.g. received over IPC). */
export function checkProject(data: unknown): ParseProjectResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('file-wrong-format');
  const record = data as Record<string, unknown>;
  if (record.format !== PROJECT_FORMAT) return fail('file-wrong-format');
  if (typeof record.version === 'number' && record.version > PROJECT_VERSION) {
    return fail('file-future-version', { version: record.version });
  }
  if (!validate(data)) {
    const first = validate.errors?.[0];
    const path = first?.instancePath || '/';
    return fail('file-invalid', { path, detail: first?.message ?? 'invalid' });
  }
  return { ok: true, project: data as unknown as Project };
}

/** A new project with just the start block. */
export function newProject(name: string, profile = 'arduino-2wd', now = ''): Project {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name,
    profile,
    workspace: {
      blocks: { languageVersion: 0, blocks: [{ type: 'robokit_start', id: 'start', x: 40, y: 40 }] },
    },
    ...(now ? { updatedAt: now } : {}),
  };
}
