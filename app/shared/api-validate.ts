/**
 * Request validation for the host side of both transports: plain data first, then the method's
 * JSON Schema. Uses Ajv (code generation): never import this from the renderer.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import { apiError, isMethodName, type ApiErrorData, type MethodName } from './api';
import { PARAMS_SCHEMAS } from './api-schemas';
import { checkPlainData } from './plain-data';

export type ValidatedRequest =
  | { readonly ok: true; readonly method: MethodName; readonly params: unknown }
  | { readonly ok: false; readonly error: ApiErrorData };

export type RequestValidator = (method: unknown, params: unknown) => ValidatedRequest;

export function createRequestValidator(): RequestValidator {
  const ajv = new Ajv({ strict: true, allErrors: false });
  const validators = new Map<MethodName, ValidateFunction>();
  for (const [method, schema] of Object.entries(PARAMS_SCHEMAS)) {
    validators.set(method as MethodName, ajv.compile(schema));
  }

  return (method, params) => {
    if (!isMethodName(method)) {
      return { ok: false, error: apiError('bad-request', { method: String(method).slice(0, 60) }) };
    }
    const data = params === undefined || params === null ? {} : params;
    const problem = checkPlainData(data);
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
