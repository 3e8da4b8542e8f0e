/**
 * A JSON Schema validator Ajv generated ahead of time (scripts/gen-validators.mjs writes the `*.js`
 * next to these declarations; the build and the test setup run it). Same contract as Ajv's
 * ValidateFunction: true when valid, else false with `errors` set; the world validator fills defaults.
 */
import type { ErrorObject } from 'ajv';

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
