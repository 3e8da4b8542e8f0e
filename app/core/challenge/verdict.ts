/**
 * What a challenge check says, as plain data: one result per condition, each with a kind sentence
 * in French and English (what went well, or what to try next).
 */
import { message, type Localized, type MessageCode } from '../i18n/messages';
import { numberText } from '../i18n/numbers';
import type { GoalKey } from '../lessons/types';

export interface ConditionResult {
  readonly kind: GoalKey;
  readonly passed: boolean;
  readonly detail: Localized;
  /**
   * Simulated ms at which the condition was met, for `withinSeconds`; `null` when it was not met, or
   * when it is judged on the whole run only (`avoidZone`, `neverTouchWall`, `followLine`).
   */
  readonly doneAtMs: number | null;
  /** The sub-conditions of an `any`, or of an `all` nested in an `any`. */
  readonly conditions?: readonly ConditionResult[];
}

export interface GoalVerdict {
  readonly passed: boolean;
  /** The conditions of the goal: a top-level `all` is flattened into its members. */
  readonly conditions: readonly ConditionResult[];
}

/** A param may differ by language (a zone's display name): give it as `{ fr, en }`. */
export type SayParams = Readonly<Record<string, string | number | Localized>>;

/**
 * The one time a verdict says: when the goal was met (its `withinSeconds` condition's time), else how
 * long the run lasted. So « Défi réussi en 29 s » and « Tout était fait en 29 s » never disagree.
 */
export function goalTimeMs(result: { readonly timeMs: number; readonly conditions: readonly ConditionResult[] }): number {
  const stack = [...result.conditions];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (c.kind === 'withinSeconds' && c.passed && c.doneAtMs !== null) return c.doneAtMs;
    stack.push(...(c.conditions ?? []));
  }
  return result.timeMs;
}

/** A catalog message in both languages; number params are written per language, at most one decimal. */
export function say(code: MessageCode, params: SayParams = {}): Localized {
  const inLocale = (locale: 'fr' | 'en'): Record<string, string> =>
    Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? numberText(v, locale, 1) : typeof v === 'string' ? v : v[locale]]),
    );
  return { fr: message(code, 'fr', inLocale('fr')), en: message(code, 'en', inLocale('en')) };
}

export const seconds = (ms: number): number => ms / 1000;
