/** Pupil-facing text for an error that crossed the API: from the i18n catalog, never a stack trace. */
import { isMessageCode, message, type Locale } from '../../../core/i18n/messages';
import { isApiErrorData, type ApiErrorData } from '../../../shared/api';
import { ui } from './ui-text';

export function apiErrorText(data: ApiErrorData, locale: Locale): string {
  if (data.message) return data.message[locale];
  if (isMessageCode(data.messageKey)) return message(data.messageKey, locale, data.params);
  return ui('unexpected', locale);
}

/** The `ApiErrorData` inside whatever a failed call rejected with, if any. */
export function errorData(error: unknown): ApiErrorData | null {
  if (isApiErrorData(error)) return error;
  if (typeof error === 'object' && error !== null && 'data' in error && isApiErrorData((error as { data: unknown }).data)) {
    return (error as { data: ApiErrorData }).data;
  }
  return null;
}

/** Text for any failure: the catalog's when the host said why, else a kind generic sentence. */
export function failureText(error: unknown, locale: Locale): string {
  const data = errorData(error);
  return data ? apiErrorText(data, locale) : ui('unexpected', locale);
}
