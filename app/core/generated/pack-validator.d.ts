import type { SchemaValidator } from './schema-validator';

/** PACK_SCHEMA (lessons/pack-schema.ts); Ajv options: strict, strictNumbers, all errors, verbose (errors carry parentSchema), keyword robokitRule. */
export declare const validatePack: SchemaValidator;
