/**
 * JSON Schema of a world file, version 1 (SPEC §4), for Ajv with `discriminator: true` and
 * `useDefaults: true` (optional lists default to empty). Sizes are bounded so that an untrusted
 * world from a lesson pack cannot make the simulator slow; unknown keys are refused so a typo
 * ("raduis") is reported instead of silently ignored.
 */
export const WORLD_LIMITS = {
  maxArenaCm: 2000,
  maxCoordinateCm: 10000,
  maxWalls: 500,
  maxObstacles: 500,
  maxLines: 100,
  /** Points over all lines together (checked after the schema). */
  maxLinePoints: 5000,
  maxZones: 100,
  maxLights: 20,
  maxNameChars: 200,
} as const;

const L = WORLD_LIMITS;
const coordinate = { type: 'number', minimum: -L.maxCoordinateCm, maximum: L.maxCoordinateCm };
const length = { type: 'number', exclusiveMinimum: 0, maximum: L.maxCoordinateCm };
const point = { type: 'array', minItems: 2, maxItems: 2, items: [coordinate, coordinate], additionalItems: false };
const text = { type: 'string', minLength: 1, maxLength: L.maxNameChars };

const rectProps = { type: { const: 'rect' }, x: coordinate, y: coordinate, width: length, height: length };
const circleProps = { type: { const: 'circle' }, x: coordinate, y: coordinate, radius: length };
const localizedText = { type: 'object', required: ['fr', 'en'], additionalProperties: false, properties: { fr: text, en: text } };
/** A zone's `name` is its id (goals name it); `label` is what pupils read (« Arrivée »). */
const zoneExtra = { name: text, label: localizedText, color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' } };

function shapeList(maxItems: number, extra: Record<string, object>, extraRequired: string[]): object {
  const branch = (props: Record<string, object>) => ({
    properties: { ...props, ...extra },
    required: [...Object.keys(props), ...extraRequired],
    additionalProperties: false,
  });
  return {
    type: 'array',
    maxItems,
    default: [],
    items: {
      type: 'object',
      discriminator: { propertyName: 'type' },
      oneOf: [branch(rectProps), branch(circleProps)],
    },
  };
}

export const WORLD_SCHEMA = {
  type: 'object',
  required: ['format', 'version', 'name', 'size', 'robot'],
  additionalProperties: false,
  properties: {
    format: { const: 'robokit-world' },
    version: { const: 1 },
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' },
    name: {
      type: 'object',
      required: ['fr', 'en'],
      additionalProperties: false,
      properties: { fr: text, en: text },
    },
    size: {
      type: 'object',
      required: ['width', 'height'],
      additionalProperties: false,
      properties: {
        width: { type: 'number', minimum: 20, maximum: L.maxArenaCm },
        height: { type: 'number', minimum: 20, maximum: L.maxArenaCm },
      },
    },
    robot: {
      type: 'object',
      required: ['x', 'y', 'heading'],
      additionalProperties: false,
      properties: { x: coordinate, y: coordinate, heading: { type: 'number', minimum: -3600, maximum: 3600 } },
    },
    walls: {
      type: 'array',
      maxItems: L.maxWalls,
      default: [],
      items: {
        type: 'object',
        required: ['from', 'to'],
        additionalProperties: false,
        properties: { from: point, to: point },
      },
    },
    obstacles: shapeList(L.maxObstacles, {}, []),
    lines: {
      type: 'array',
      maxItems: L.maxLines,
      default: [],
      items: {
        type: 'object',
        required: ['points', 'width'],
        additionalProperties: false,
        properties: {
          points: { type: 'array', minItems: 2, maxItems: L.maxLinePoints, items: point },
          width: { type: 'number', exclusiveMinimum: 0, maximum: 50 },
        },
      },
    },
    zones: shapeList(L.maxZones, zoneExtra, ['name']),
    lights: {
      type: 'array',
      maxItems: L.maxLights,
      default: [],
      items: {
        type: 'object',
        required: ['x', 'y', 'intensity'],
        additionalProperties: false,
        properties: { x: coordinate, y: coordinate, intensity: { type: 'number', minimum: 0, maximum: 100 } },
      },
    },
    ambient: { type: 'number', minimum: 0, maximum: 100 },
  },
};
