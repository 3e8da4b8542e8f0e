/**
 * JSON Schema (draft 2020-12 subset, checked with Ajv 8) of `pack.json`, versions 1 and 2 (2 adds `teacher`): the same shape as
 * `types.ts`. Every string, array and number is bounded. `robokitRule` is an annotation naming the
 * rule a `pattern` or a goal's shape stands for, so errors can be said in words (see `schema-errors.ts`).
 */
import { PACK_LIMITS } from './pack-limits';

const segment = '[A-Za-z0-9_][A-Za-z0-9._-]{0,63}';
const folders = `(?:${segment}/){0,${PACK_LIMITS.maxPathDepth - 1}}`;

/** A relative POSIX path inside the pack ending in `ext`: no `..`, no hidden files, no backslash. */
const packPath = (ext: string, rule: string) =>
  ({
    type: 'string',
    maxLength: PACK_LIMITS.maxPathBytes,
    pattern: `^${folders}[A-Za-z0-9_][A-Za-z0-9._-]{0,60}\\.${ext}$`,
    robokitRule: rule,
  }) as const;

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;

const localized = (maxLength: number) =>
  ({
    type: 'object',
    required: ['fr', 'en'],
    additionalProperties: false,
    properties: { fr: text(maxLength), en: text(maxLength) },
  }) as const;

const int = (minimum: number, maximum: number) => ({ type: 'integer', minimum, maximum }) as const;
const num = (minimum: number, maximum: number) => ({ type: 'number', minimum, maximum }) as const;

const BLOCK_TYPE = { type: 'string', maxLength: 64, pattern: '^[a-z][A-Za-z0-9_]{0,63}$', robokitRule: 'block-type' } as const;
const ZONE_NAME = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001f]+$', robokitRule: 'zone-name' } as const;
const COORD = num(-10000, 10000);

const object = (required: readonly string[], properties: Record<string, unknown>) =>
  ({ type: 'object', required, additionalProperties: false, properties }) as const;

const subGoals = { type: 'array', minItems: 1, maxItems: 16, items: { $ref: '#/$defs/goal' } } as const;

export const GOAL_SCHEMA = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  robokitRule: 'goal',
  properties: {
    all: subGoals,
    any: subGoals,
    reachZone: ZONE_NAME,
    endInZone: ZONE_NAME,
    avoidZone: ZONE_NAME,
    visitZonesInOrder: { type: 'array', minItems: 2, maxItems: 20, items: ZONE_NAME },
    neverTouchWall: { const: true },
    followLine: object(['fraction'], { fraction: num(0, 1) }),
    drawShape: object(['points', 'toleranceCm'], {
      points: {
        type: 'array',
        minItems: 2,
        maxItems: 200,
        items: { type: 'array', minItems: 2, maxItems: 2, items: COORD },
      },
      toleranceCm: num(0.5, 50),
      closed: { type: 'boolean' },
    }),
    lightOnFor: object(['seconds'], { seconds: num(0.1, 600) }),
    playTones: object(['atLeast'], { atLeast: int(1, 1000) }),
    withinSeconds: num(0.1, 600),
  },
} as const;

const TOOLBOX_CATEGORY = object(['category', 'blocks'], {
  category: { type: 'string', maxLength: 32, pattern: '^[A-Za-z][A-Za-z0-9_-]{0,31}$', robokitRule: 'category-id' },
  name: localized(40),
  blocks: { type: 'array', minItems: 1, maxItems: 100, items: BLOCK_TYPE },
});

const list = (maxItems: number, items: unknown, minItems = 1) => ({ type: 'array', minItems, maxItems, items }) as const;

/** Teacher notes (pack version 2): every field optional here; `validate-manifest.ts` requires some in v2. */
const TEACHER = object([], {
  objectives: list(12, object(['cycle', 'text'], { cycle: { enum: [2, 3, 4] }, text: localized(400) })),
  prerequisites: list(12, localized(400), 0),
  phases: list(12, object(['title', 'minutes'], { title: localized(120), minutes: int(1, 240) })),
  unplugged: localized(2000),
  debrief: list(12, localized(400)),
  mistakes: list(12, localized(600)),
  easier: localized(1000),
  harder: localized(1000),
});

const LESSON = object(['id', 'title', 'mode', 'minutes', 'toolbox', 'starter', 'steps'], {
  id: { type: 'string', maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]{0,63}$', robokitRule: 'lesson-id' },
  title: localized(120),
  mode: { enum: ['solo', 'pair', 'parent-child'] },
  minutes: int(1, 240),
  toolbox: {
    type: 'array',
    minItems: 1,
    maxItems: 100,
    items: { if: { type: 'string' }, then: BLOCK_TYPE, else: TOOLBOX_CATEGORY },
  },
  starter: packPath('robokit', 'path-project'),
  steps: {
    type: 'array',
    minItems: 1,
    maxItems: 30,
    items: object(['file'], {
      file: object(['fr', 'en'], { fr: packPath('md', 'path-markdown'), en: packPath('md', 'path-markdown') }),
      hint: localized(500),
    }),
  },
  challenge: object(['world', 'goal'], {
    world: packPath('json', 'path-world'),
    goal: { $ref: '#/$defs/goal' },
    seed: int(0, 2147483647),
    timeLimitSeconds: num(1, 600),
    stars: object(['three', 'two'], { three: int(1, 500), two: int(1, 500) }),
  }),
  solution: packPath('robokit', 'path-project'),
  teacher: TEACHER,
});

export const PACK_SCHEMA = {
  $id: 'https://robokit.invalid/schemas/pack-2.json',
  type: 'object',
  required: ['format', 'version', 'id', 'title', 'description', 'authors', 'license', 'ages', 'tags', 'profiles', 'lessons'],
  additionalProperties: false,
  $defs: { goal: GOAL_SCHEMA },
  properties: {
    // `$schema` lets authors point their editor at the schema.
    $schema: { type: 'string', maxLength: 200 },
    format: { const: 'robokit-pack' },
    version: { enum: [1, 2] },
    id: {
      type: 'string',
      maxLength: 100,
      pattern: '^[a-z0-9][a-z0-9-]{0,39}(?:\\.[a-z0-9][a-z0-9-]{0,39}){1,5}$',
      robokitRule: 'pack-id',
    },
    title: localized(120),
    description: localized(2000),
    authors: { type: 'array', minItems: 1, maxItems: 20, items: text(120) },
    license: text(64),
    ages: { type: 'array', minItems: 2, maxItems: 2, items: int(4, 99) },
    tags: {
      type: 'array',
      maxItems: 20,
      uniqueItems: true,
      items: { type: 'string', maxLength: 40, pattern: '^[a-z0-9][a-z0-9-]{0,39}$', robokitRule: 'tag' },
    },
    profiles: {
      type: 'array',
      minItems: 1,
      maxItems: 10,
      uniqueItems: true,
      items: { type: 'string', maxLength: 64, pattern: '^[a-z0-9][a-z0-9._-]{0,63}$', robokitRule: 'profile-id' },
    },
    lessons: { type: 'array', minItems: 1, maxItems: 100, items: LESSON },
  },
} as const;
