/** Errors a pupil's program can cause at run time, and how they read in each language. */
import type { Capability } from '../ir';
import { AppError } from '../errors';
import { CAPABILITY_NAMES } from '../i18n/capability-names';
import { message, type Localized, type MessageCode } from '../i18n/messages';

type Params = Readonly<Record<string, string | number>>;

export function pupilError(code: MessageCode, blockId: string, params: Params = {}): AppError {
  return new AppError({ code, blockId, params });
}

/** The part of the robot, or a `sensor-missing` error naming the capability. */
export function need<T>(part: T | undefined, capability: Capability, blockId: string): T {
  if (part === undefined) throw pupilError('sensor-missing', blockId, { capability });
  return part;
}

function isCapability(name: string | number | undefined): name is Capability {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CAPABILITY_NAMES, name);
}

/** The error's text in French and English; a `{capability}` is named in each language. */
export function describeError(code: MessageCode, params: Params = {}): Localized {
  const capability = params['capability'];
  const paramsIn = (locale: 'fr' | 'en'): Params =>
    isCapability(capability) ? { ...params, capability: CAPABILITY_NAMES[capability][locale] } : params;
  return { fr: message(code, 'fr', paramsIn('fr')), en: message(code, 'en', paramsIn('en')) };
}
