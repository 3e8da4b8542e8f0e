import type { SchemaValidator } from './schema-validator';

/** PACK_SCHEMA (lessons/pack-schema.ts), the schema part only (app/host/packs `validatePack` checks a whole pack); Ajv options: strict, strictNumbers, all errors, verbose (errors carry parentSchema), keyword robokitRule. */
export declare const matchesPackSchema: SchemaValidator;
