/**
 * Pupil- and teacher-facing messages, French first. Every AppError code and compile diagnostic code
 * has an entry here; `{name}` placeholders are filled from the error's params.
 * Keep sentences short and kind: a ten-year-old reads them.
 */
import { COMPILE_MESSAGES } from './compile-messages';
import { RUNTIME_MESSAGES } from './runtime-messages';
import { FILE_MESSAGES } from './file-messages';
import { ROBOT_MESSAGES } from './robot-messages';
import { PACK_MESSAGES } from './pack-messages';
import { APP_MESSAGES } from './app-messages';
import { FIRMWARE_MESSAGES } from './firmware-messages';
import { BYTECODE_MESSAGES } from './bytecode-messages';
import { WORKSHOP_MESSAGES } from './workshop-messages';
import { PROFILE_MESSAGES } from './profile-messages';
import { fillTemplate } from './typography';


export type Locale = 'fr' | 'en';

export interface Localized {
  readonly fr: string;
  readonly en: string;
}

/** One catalog, one file per area (each area's owner edits its own file). */
export const MESSAGES = {
  ...COMPILE_MESSAGES,
  ...RUNTIME_MESSAGES,
  ...FILE_MESSAGES,
  ...ROBOT_MESSAGES,
  ...PACK_MESSAGES,
  ...APP_MESSAGES,
  ...FIRMWARE_MESSAGES,
  ...BYTECODE_MESSAGES,
  ...WORKSHOP_MESSAGES,
  ...PROFILE_MESSAGES,
};

export type MessageCode = keyof typeof MESSAGES;

export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(MESSAGES, code);
}

/** Values for `{name}` placeholders; a Localized value gives each language its own words. */
export type MessageParams = Readonly<Record<string, string | number | Localized>>;

/**
 * The message for `code` in `locale`, with `{name}` placeholders filled from `params`, `{n|one|other}`
 * plurals chosen, and French typography (no-break spaces) applied to the French text.
 */
export function message(
  code: MessageCode,
  locale: Locale,
  params: MessageParams = {},
): string {
  return fillTemplate(MESSAGES[code][locale], locale, params);
}

/** Both languages, for diagnostics and error events. */
export function localized(code: MessageCode, params: MessageParams = {}): Localized {
  return { fr: message(code, 'fr', params), en: message(code, 'en', params) };
}
