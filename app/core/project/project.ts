/**
 * `.robokit` project files: parse untrusted text into a validated Project, or say in one sentence
 * what is wrong (a code from the i18n catalog). Never throws.
 */
import { validateProject } from '../generated/project-validator';
import type { MessageCode } from '../i18n/messages';
import { describePackError } from '../lessons/pack-error';
import { schemaErrors } from '../lessons/schema-errors';
import { MAX_NESTING } from '../nesting';
import { guardJsonText } from './json-guard';

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

/** The one nesting limit (see `nesting.ts`): a deeper file is refused before it is parsed. */
export const PROJECT_LIMITS = { maxChars: 20 * 1024 * 1024, maxDepth: MAX_NESTING } as const;

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
  } catch {
    return fail(looksTruncated(text) ? 'file-truncated' : 'file-not-json');
  }
  return checkProject(data);
}

/** A JSON object cut short: it opens with `{` and leaves brackets or a string open. */
export function looksTruncated(text: string): boolean {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{')) return false;
  return openBrackets(trimmed) > 0;
}

/** Brackets still open at the end of the text (strings skipped), or 1 if a string is left open. */
function openBrackets(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString ? Math.max(depth, 1) : depth;
}

/** Validates already-parsed data (e.g. received over IPC). */
export function checkProject(data: unknown): ParseProjectResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('file-wrong-format');
  const record = data as Record<string, unknown>;
  if (record.format !== PROJECT_FORMAT) return fail('file-wrong-format');
  if (typeof record.version === 'number' && record.version > PROJECT_VERSION) {
    return fail('file-future-version', { version: record.version });
  }
  const check = validateProject; // PROJECT_SCHEMA, precompiled by scripts/gen-validators.mjs
  if (!check(data)) {
    // Said in words with the field's path, as for lesson packs: « projet → name : doit être un texte. »
    const first = schemaErrors('projet', check.errors ?? [])[0];
    const path = check.errors?.[0]?.instancePath || '/';
    if (!first) return fail('file-invalid', { path, fr: 'format inattendu.', en: 'unexpected format.' });
    return fail('file-invalid', { path, fr: describePackError(first, 'fr'), en: describePackError(first, 'en') });
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
