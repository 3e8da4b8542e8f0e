/**
 * Request validation for the host side of both transports: plain data first, then the method's
 * JSON Schema, checked by validators Ajv generated at build time (scripts/gen-validators.mjs).
 */
import { BugError } from '../core/errors';
import { API_VALIDATORS } from '../core/generated/api-validators';
import type { SchemaValidator } from '../core/generated/schema-validator';
import { apiError, isMethodName, type ApiErrorData, type MethodName } from './api';
import { PARAMS_SCHEMAS } from './api-schemas';
import { checkPlainData } from './plain-data';

export type ValidatedRequest =
  | { readonly ok: true; readonly method: MethodName; readonly params: unknown }
  | { readonly ok: false; readonly error: ApiErrorData };

export type RequestValidator = (method: unknown, params: unknown) => ValidatedRequest;

export function createRequestValidator(): RequestValidator {
  const validators = new Map<MethodName, SchemaValidator>();
  for (const method of Object.keys(PARAMS_SCHEMAS)) {
    const validate = API_VALIDATORS[method];
    if (!validate) throw new BugError(`no generated validator for ${method}: run node scripts/gen-validators.mjs`);
    validators.set(method as MethodName, validate);
  }

  return (method, params) => {
    if (!isMethodName(method)) {
      return { ok: false, error: apiError('bad-request', { method: String(method).slice(0, 60) }) };
    }
    const data = params === undefined || params === null ? {} : params;
    const problem = checkPlainData(data);
    // Too deep: the same sentence as for a file that deep (one nesting limit, see core/nesting.ts).
    if (problem === 'too-deep') return { ok: false, error: apiError('file-too-deep') };
    if (problem) return { ok: false, error: apiError('bad-request', { method, detail: problem }) };
    const validate = validators.get(method)!;
    if (!validate(data)) {
      const first = validate.errors?.[0];
      return {
        ok: false,
        error: apiError('bad-request', {
          method,
          path: first?.instancePath || '/',
          detail: first?.message ?? 'invalid',
        }),
      };
    }
    return { ok: true, method, params: params === undefined || params === null ? undefined : data };
  };
}
