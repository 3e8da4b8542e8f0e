/**
 * Numbers as people write them: in French the decimal mark is a comma (« 0,5 »), in English a dot.
 * Used by the editor's number fields, the code view and messages, so that a pupil who types « 0,5 »
 * gets half a second, never 5.
 */
import type { Locale } from './messages';

/** `0.5` → « 0,5 » in French, "0.5" in English. */
export function numberText(value: number, locale: Locale): string {
  const text = String(value);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/**
 * What a pupil typed → a number, or null when it is not one. French accepts the comma (and the dot) as
 * the decimal mark and spaces between thousands; English reads commas as thousands separators.
 * A typographic minus (−) counts as a minus.
 */
export function numberFromText(text: string, locale: Locale): number | null {
  let t = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  t = locale === 'fr' ? t.replace(/,/g, '.') : t.replace(/,/g, '');
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
