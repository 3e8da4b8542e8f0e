/**
 * Ajv's errors, said in words: one PackError per problem, with the JSON path of the field
 * (« pack.json → lessons[2].minutes : doit être un nombre entier entre 1 et 240 »).
 */
import type { ErrorObject } from 'ajv';
import type { PackMessageCode } from '../i18n/pack-messages';
import { joinPath, packError, pointerToPath, showName, type PackError, type Params } from './pack-error';
import { GOAL_KEYS } from './types';

const TYPE_CODES: Readonly<Record<string, PackMessageCode>> = {
  string: 'pack-field-not-string',
  number: 'pack-field-not-number',
  integer: 'pack-field-not-integer',
  boolean: 'pack-field-not-boolean',
  object: 'pack-field-not-object',
  array: 'pack-field-not-array',
};

const RULE_CODES: Readonly<Record<string, PackMessageCode>> = {
  'pack-id': 'pack-field-pack-id',
  'lesson-id': 'pack-field-lesson-id',
  'path-project': 'pack-field-path-project',
  'path-markdown': 'pack-field-path-markdown',
  'path-world': 'pack-field-path-world',
  'block-type': 'pack-field-block-type',
  tag: 'pack-field-tag',
  'profile-id': 'pack-field-profile-id',
  'zone-name': 'pack-field-zone-name',
  'category-id': 'pack-field-category-id',
};

type Schema = Readonly<Record<string, unknown>>;

/** Errors of one validation, most useful first, without duplicates. */
export function schemaErrors(file: string, errors: readonly ErrorObject[]): PackError[] {
  const out: PackError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const error = describe(file, e);
    if (!error) continue;
    const key = `${error.code}|${error.path ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(error);
  }
  return out;
}

function describe(file: string, e: ErrorObject): PackError | null {
  const path = pointerToPath(e.instancePath);
  const parent = (e.parentSchema ?? {}) as Schema;
  const at = (p: string, code: PackMessageCode, params: Params = {}) => packError(code, { file, path: p }, params);
  const isGoal = parent.robokitRule === 'goal';
  switch (e.keyword) {
    case 'if':
      return null; // the failing branch reports its own error
    case 'required':
      return at(joinPath(path, String(e.params.missingProperty)), 'pack-field-missing');
    case 'additionalProperties': {
      const child = joinPath(path, String(e.params.additionalProperty));
      return isGoal ? at(child, 'pack-goal-unknown', { keys: GOAL_KEYS.join(', ') }) : at(child, 'pack-field-unknown');
    }
    case 'minProperties':
    case 'maxProperties':
      return isGoal ? at(path, 'pack-goal-one-key', { keys: GOAL_KEYS.join(', ') }) : at(path, 'pack-field-invalid');
    case 'type':
      return at(path, TYPE_CODES[String(e.params.type).split(',')[0] ?? ''] ?? 'pack-field-invalid');
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return at(path, parent.type === 'integer' ? 'pack-field-int-range' : 'pack-field-range', {
        min: String(parent.minimum ?? '−∞'),
        max: String(parent.maximum ?? '∞'),
      });
    case 'minLength':
      return at(path, 'pack-field-empty');
    case 'maxLength':
      return at(path, 'pack-field-too-long', { max: Number(e.params.limit) });
    case 'minItems':
      return at(path, 'pack-field-too-few', { min: Number(e.params.limit) });
    case 'maxItems':
      return at(path, 'pack-field-too-many', { max: Number(e.params.limit) });
    case 'uniqueItems':
      return at(path, 'pack-field-duplicate');
    case 'enum':
      return at(path, 'pack-field-enum', { values: (e.params.allowedValues as unknown[]).map(String).join(', ') });
    case 'const':
      return at(path, 'pack-field-const', { value: showName(JSON.stringify(e.params.allowedValue)) });
    case 'pattern':
      return at(path, RULE_CODES[String(parent.robokitRule)] ?? 'pack-field-invalid');
    default:
      return at(path, 'pack-field-invalid');
  }
}
