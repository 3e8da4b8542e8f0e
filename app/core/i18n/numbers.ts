/**
 * Numbers as people write them: in French the decimal mark is a comma (« 0,5 »), in English a dot.
 * Used by the editor's number fields, the code view and messages, so that a pupil who types « 0,5 »
 * gets half a second, never 5.
 */
import type { Locale } from './messages';

/**
 * The one way RoboKit writes a number for people: `0.5` → « 0,5 » in French, "0.5" in English.
 * `maxDecimals` rounds first (« 7,5 s » in a verdict, « 3,33 » said by the robot, never 3.3333333);
 * no « -0 »; infinities as ∞.
 */
export function numberText(value: number, locale: Locale, maxDecimals?: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '-∞';
  const scale = maxDecimals === undefined ? 1 : 10 ** maxDecimals;
  const rounded = maxDecimals === undefined ? value : Math.round(value * scale) / scale;
  const text = String(Object.is(rounded, -0) ? 0 : rounded);
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
