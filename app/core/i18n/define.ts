import type { Localized } from './messages';

/** Keeps literal keys while checking every entry has French and English. */
export const defineMessages = <T extends Record<string, Localized>>(t: T): T => t;
