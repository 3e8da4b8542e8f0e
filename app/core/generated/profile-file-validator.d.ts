import type { SchemaValidator } from './schema-validator';

/** PROFILE_FILE_SCHEMA (profile-file/profile-file-schema.ts); Ajv options: strict, first error only. */
export declare const validateProfileFile: SchemaValidator;
