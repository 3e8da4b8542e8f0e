/**
 * JSON Schema of a `.robokitprofile` file, version 1 (docs/profiles.md): a robot as a class wired and
 * measured it — the kit it starts from, how its motors are plugged, what the ruler and the
 * protractor said. Closed objects and a bound on everything: the file may come from any USB key.
 */
import { MAX_MEASUREMENTS, MEASURE_LIMITS } from './calibration';

/** A user profile's id: lower case, digits and dashes (it names a file and travels in projects). */
export const PROFILE_FILE_ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,39}$';

const POWER = { type: 'integer', minimum: 1, maximum: 100 } as const;
const SECONDS = { type: 'number', exclusiveMinimum: 0, maximum: MEASURE_LIMITS.seconds } as const;

const measurements = (amount: 'cm' | 'degrees', max: number) =>
  ({
    type: 'array',
    maxItems: MAX_MEASUREMENTS,
    items: {
      type: 'object',
      required: ['power', 'seconds', amount],
      additionalProperties: false,
      properties: { power: POWER, seconds: SECONDS, [amount]: { type: 'number', exclusiveMinimum: 0, maximum: max } },
    },
  }) as const;

export const PROFILE_FILE_SCHEMA = {
  type: 'object',
  required: ['format', 'version', 'id', 'name', 'kit'],
  additionalProperties: false,
  properties: {
    format: { const: 'robokit-user-profile' },
    version: { const: 1 },
    id: { type: 'string', pattern: PROFILE_FILE_ID_PATTERN },
    name: { type: 'string', minLength: 1, maxLength: 60 },
    kit: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' },
    motors: {
      type: 'object',
      additionalProperties: false,
      properties: {
        swap: { type: 'boolean' },
        invertLeft: { type: 'boolean' },
        invertRight: { type: 'boolean' },
      },
    },
    calibration: {
      type: 'object',
      required: ['drive', 'turn'],
      additionalProperties: false,
      properties: {
        drive: measurements('cm', MEASURE_LIMITS.cm),
        turn: measurements('degrees', MEASURE_LIMITS.degrees),
      },
    },
    updatedAt: { type: 'string', maxLength: 40 },
  },
} as const;
