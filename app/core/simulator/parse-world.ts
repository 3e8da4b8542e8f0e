/**
 * World files are untrusted (they come in lesson packs): validate with the JSON Schema, fill the
 * defaults (empty lists), then check what a schema cannot say. Never throws; an error names the
 * JSON path (JSON Pointer, "/" for the whole file) of the first problem.
 */
import type { ErrorObject } from 'ajv';
import { validateWorld } from '../generated/world-validator';
import type { MessageCode } from '../i18n/messages';
import { WORLD_LIMITS } from './world-schema';
import type { World } from './world';

export interface WorldError {
  readonly code: MessageCode;
  readonly path: string;
  /** What is wrong, for people (English, from the validator). */
  readonly detail: string;
  /** The validator's own error, when the schema refused the file (a pack author is told it in words). */
  readonly schemaError?: ErrorObject;
}

export type ParseWorldResult = { ok: true; world: World } | { ok: false; error: WorldError };

const fail = (code: MessageCode, path: string, detail: string): ParseWorldResult => ({
  ok: false,
  error: { code, path, detail },
});

export function parseWorld(json: unknown): ParseWorldResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('world-wrong-format', '/', 'a world is a JSON object');
  }
  const record = json as Record<string, unknown>;
  if (record.format !== 'robokit-world') return fail('world-wrong-format', '/format', 'must be "robokit-world"');
  if (typeof record.version === 'number' && record.version > 1) {
    return fail('world-future-version', '/version', `version ${record.version}`);
  }
  const data = plainCopy(json);
  if (data === undefined) return fail('world-wrong-format', '/', 'not plain JSON data');
  const check = validateWorld; // WORLD_SCHEMA, precompiled by scripts/gen-validators.mjs; fills defaults
  if (!check(data)) return schemaError(check.errors?.[0]);
  return checkMeaning(data as World);
}

/** A copy to fill defaults into (the caller's object stays as it was); undefined for cycles. */
function plainCopy(json: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(json)) as unknown;
  } catch {
    return undefined;
  }
}

function schemaError(e: ErrorObject | undefined): ParseWorldResult {
  if (!e) return fail('world-invalid', '/', 'invalid');
  let path = e.instancePath;
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') path += `/${String(p.missingProperty)}`;
  else if (e.keyword === 'additionalProperties') path += `/${String(p.additionalProperty)}`;
  else if (e.keyword === 'discriminator') path += `/${String(p.tag)}`;
  const tooLarge = e.keyword === 'maxItems' || (e.keyword === 'maximum' && /^\/size\//.test(path));
  let detail = e.message ?? 'invalid';
  if (e.keyword === 'additionalProperties') detail = 'unknown property';
  return { ok: false, error: { code: tooLarge ? 'world-too-large' : 'world-invalid', path: path || '/', detail, schemaError: e } };
}

/** Checks the schema cannot express: total line points, a start inside the arena, zone names. */
function checkMeaning(world: World): ParseWorldResult {
  const points = world.lines.reduce((n, l) => n + l.points.length, 0);
  if (points > WORLD_LIMITS.maxLinePoints) {
    return fail('world-too-large', '/lines', `${points} line points (at most ${WORLD_LIMITS.maxLinePoints})`);
  }
  const { x, y } = world.robot;
  if (x < 0 || x > world.size.width) return fail('world-robot-outside', '/robot/x', 'outside the arena');
  if (y < 0 || y > world.size.height) return fail('world-robot-outside', '/robot/y', 'outside the arena');
  const seen = new Set<string>();
  for (const [i, zone] of world.zones.entries()) {
    if (seen.has(zone.name)) return fail('world-invalid', `/zones/${i}/name`, `zone name "${zone.name}" is used twice`);
    seen.add(zone.name);
  }
  return { ok: true, world };
}
