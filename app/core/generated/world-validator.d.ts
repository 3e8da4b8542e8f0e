import type { SchemaValidator } from './schema-validator';

/** WORLD_SCHEMA (simulator/world-schema.ts); Ajv options: strict, first error only, useDefaults, discriminator. */
export declare const validateWorld: SchemaValidator;
