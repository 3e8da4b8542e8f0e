import type { SchemaValidator } from './schema-validator';

/** PROJECT_SCHEMA (project/project-schema.ts); Ajv options: strict, first error only. */
export declare const validateProject: SchemaValidator;
