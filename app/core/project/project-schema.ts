/** JSON Schema of a `.robokit` project file, version 1 (SPEC §4). */
export const PROJECT_SCHEMA = {
  type: 'object',
  required: ['format', 'version', 'name', 'profile', 'workspace'],
  additionalProperties: true,
  properties: {
    format: { const: 'robokit-project' },
    version: { const: 1 },
    name: { type: 'string', maxLength: 200 },
    profile: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' },
    workspace: {
      type: 'object',
      additionalProperties: true,
      properties: {
        blocks: {
          type: 'object',
          properties: { blocks: { type: 'array', maxItems: 10000 } },
        },
        variables: {
          type: 'array',
          maxItems: 1000,
          items: {
            type: 'object',
            required: ['name', 'id'],
            properties: { name: { type: 'string', maxLength: 200 }, id: { type: 'string', maxLength: 200 } },
          },
        },
      },
    },
    lesson: {
      type: 'object',
      required: ['pack', 'lesson'],
      properties: {
        pack: { type: 'string', maxLength: 200 },
        lesson: { type: 'string', maxLength: 200 },
      },
    },
    updatedAt: { type: 'string', maxLength: 64 },
  },
} as const;
