/**
 * JSON Schema of a `.robokitsession` workshop file, version 1 (SPEC §10). Closed objects and a bound
 * on every list and string: the file may come from any USB key. Teams carry a nickname and nothing else.
 */
const ID = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' } as const;
const LESSON_REF = { pack: ID, lesson: ID } as const;

/** A drawing is at most ~1.5 MB of PNG as base64 (the simulator's canvas is far smaller). */
export const MAX_DRAWING_CHARS = 2_000_000;

export const SESSION_SCHEMA = {
  type: 'object',
  required: ['format', 'version', 'id', 'title', 'createdAt', 'route', 'teams', 'tries', 'drawings'],
  additionalProperties: false,
  properties: {
    format: { const: 'robokit-session' },
    version: { const: 1 },
    id: ID,
    title: { type: 'string', maxLength: 100 },
    createdAt: { type: 'string', maxLength: 40 },
    route: {
      type: 'object',
      required: ['minutes', 'swapSeconds', 'steps'],
      additionalProperties: false,
      properties: {
        minutes: { type: 'integer', minimum: 1, maximum: 600 },
        swapSeconds: { type: 'integer', minimum: 0, maximum: 3600 },
        steps: {
          type: 'array',
          minItems: 1,
          maxItems: 50,
          items: {
            type: 'object',
            required: ['pack', 'lesson', 'minutes'],
            additionalProperties: false,
            properties: { ...LESSON_REF, minutes: { type: 'integer', minimum: 1, maximum: 240 }, bonus: { type: 'boolean' } },
          },
        },
      },
    },
    teams: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['id', 'nickname'],
        additionalProperties: false,
        properties: { id: ID, nickname: { type: 'string', minLength: 1, maxLength: 40 } },
      },
    },
    tries: {
      type: 'array',
      maxItems: 10000,
      items: {
        type: 'object',
        required: ['team', 'pack', 'lesson', 'at', 'seconds', 'outcome', 'passed', 'stars', 'pilot', 'swaps'],
        additionalProperties: false,
        properties: {
          team: ID,
          ...LESSON_REF,
          at: { type: 'string', maxLength: 40 },
          seconds: { type: 'number', minimum: 0, maximum: 86400 },
          outcome: { enum: ['checked', 'skipped', 'manual'] },
          passed: { type: 'boolean' },
          stars: { type: 'integer', minimum: 0, maximum: 3 },
          pilot: { enum: ['child', 'parent'] },
          swaps: { type: 'integer', minimum: 0, maximum: 1000 },
        },
      },
    },
    drawings: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        required: ['team', 'pack', 'lesson', 'png'],
        additionalProperties: false,
        properties: {
          team: ID,
          ...LESSON_REF,
          png: { type: 'string', pattern: '^data:image/png;base64,', maxLength: MAX_DRAWING_CHARS },
        },
      },
    },
    current: {
      type: 'object',
      required: ['team', 'step', 'elapsedSeconds'],
      additionalProperties: false,
      properties: {
        team: ID,
        step: { type: 'integer', minimum: 0, maximum: 49 },
        elapsedSeconds: { type: 'number', minimum: 0, maximum: 86400 },
        paused: { type: 'boolean' },
        extraSeconds: { type: 'integer', minimum: 0, maximum: 86400 },
      },
    },
  },
} as const;
