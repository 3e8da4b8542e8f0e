import type { SchemaValidator } from './schema-validator';

/** SESSION_SCHEMA (workshop/session-schema.ts); Ajv options: strict, first error only. */
export declare const validateSession: SchemaValidator;
