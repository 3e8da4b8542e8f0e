/**
 * French typography applied automatically, and message templates with real plurals.
 *
 * French puts a non-breaking space before « ; : ! ? % » and inside « » (a narrow one before ; ! ?),
 * so a line never starts with « ! » and « 100 % » stays together. Authors type ordinary spaces (or
 * none: « Bravo! »); `frenchTypography` fixes them. It only ever changes spaces: never a colon with
 * no space before it (« 12:30 », « C: »), never inside a `{placeholder}`.
 *
 * Templates: `{name}` is a param; `{count|bloc|blocs}` is the word for that count (French: 0 and 1
 * are singular; English: only 1), so no message needs « bloc(s) ».
 */
import type { Locale, Localized } from './messages';

export const NBSP = '\u00a0';
export const NNBSP = '\u202f';

export function frenchTypography(text: string): string {
  return (
    text
      // a space (or none after a word) before ; ! ? → a narrow no-break space; « ?! » stays together
      .replace(/[ \u00a0\u202f]*([;!?]+)/g, (whole, marks: string, offset: number, all: string) => {
        const before = all[offset - 1];
        if (whole === marks && (before === undefined || /[\s(«“"'’{[/=<>&|:;!?]/.test(before))) return whole;
        if (/[?&=]/.test(marks) && /[A-Za-z0-9]/.test(all[offset + whole.length] ?? '')) return whole; // a URL query
        return NNBSP + marks;
      })
      // a space before : % » → a no-break space (only when the author put a space, or a number before %)
      .replace(/ +([:»])/g, `${NBSP}$1`)
      .replace(/([\d}]) ?%(?![%\d])/g, `$1${NBSP}%`)
      .replace(/ +%%/g, `${NBSP}%%`)
      // « inside: a no-break space after « and before »
      .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
      .replace(/([^\s\u00a0]) *»/g, `$1${NBSP}»`)
  );
}

const PLURAL = /\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g;
const PARAM = /\{(\w+)\}/g;

/** Is `n` singular in `locale`? French: |n| < 2; English: n = 1. */
export function isSingular(n: number, locale: Locale): boolean {
  return locale === 'fr' ? Math.abs(n) < 2 : n === 1;
}

/**
 * Fills a message template: plurals first, then params; French text gets its typography before
 * params go in, so names from packs and files are never changed.
 */
export function fillTemplate(template: string, locale: Locale, params: Readonly<Record<string, string | number | Localized>> = {}): string {
  const value = (key: string): string | number | undefined => {
    const raw = params[key];
    return typeof raw === 'object' ? raw[locale] : raw;
  };
  const chosen = template.replace(PLURAL, (whole, key: string, one: string, other: string) => {
    const raw = value(key);
    const n = typeof raw === 'number' ? raw : Number(String(raw ?? '').replace(',', '.'));
    return raw === undefined || Number.isNaN(n) ? whole : isSingular(n, locale) ? one : other;
  });
  const typed = locale === 'fr' ? frenchTypography(chosen) : chosen;
  return typed.replace(PARAM, (whole, key: string) => (key in params ? String(value(key)) : whole));
}
