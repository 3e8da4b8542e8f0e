import type { SchemaValidator } from './schema-validator';

/**
 * One validator per method of PARAMS_SCHEMAS (app/shared/api-schemas.ts), by method name; Ajv
 * options: strict, first error only. Keyed by string: the core does not know the API's method names.
 */
export declare const API_VALIDATORS: Readonly<Partial<Record<string, SchemaValidator>>>;
