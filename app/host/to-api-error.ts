/** Any failure as it crosses the contract: an AppError keeps its code; anything else is a bug. */
import { AppError } from '../core/errors';
import type { Diagnostic } from '../core/compiler/diagnostics';
import { apiError, type ApiErrorData } from '../shared/api';

export function toApiError(e: unknown): ApiErrorData {
  if (e instanceof AppError) return apiError(e.code, e.params, e.blockId);
  return apiError('internal-error');
}

export function diagnosticToApiError(d: Diagnostic): ApiErrorData {
  return { ...apiError(d.code, {}, d.blockId ?? undefined), message: d.message };
}
