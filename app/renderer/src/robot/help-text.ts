/**
 * The troubleshooting guide in the robot panel: the advice for a failure (app/core/troubleshooting)
 * on the system this browser runs on, in the panel's language.
 */
import { localized, type Locale } from '../../../core/i18n/messages';
import { troubleshooting, type Platform } from '../../../core/troubleshooting';

export function browserPlatform(userAgent: string = navigator.userAgent): Platform {
  if (/Windows/i.test(userAgent)) return 'win32';
  if (/Mac OS X|Macintosh/i.test(userAgent)) return 'darwin';
  return 'linux';
}

/** Extra sentences for a failure's code; `params` fill placeholders such as {path}. */
export function helpTexts(
  error: unknown,
  locale: Locale,
  boardKind?: string,
): string[] {
  const data = (error as { data?: { code?: string; params?: Record<string, string | number> } } | undefined)?.data;
  if (!data?.code) return [];
  return troubleshooting(data.code, browserPlatform(), boardKind).map((code) => localized(code, data.params ?? {})[locale]);
}
