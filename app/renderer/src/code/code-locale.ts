/**
 * The code view in French: numbers with a decimal comma (« attendre(0,5) ») and, so that a comma is
 * never ambiguous, arguments separated by « ; » as French spreadsheets do (« avancer(50 ; 0,5) »).
 * Only what is shown changes: `robokit compile --format js` still writes JavaScript. Texts and comments
 * are left as they are. Pure, no DOM.
 */
import type { Locale } from '../../../core/i18n/messages';

/** Splits JavaScript source into code and non-code (strings, template literals, comments). */
function segments(source: string): { code: boolean; text: string }[] {
  const out: { code: boolean; text: string }[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number, code: boolean) => {
    if (end > start) out.push({ code, text: source.slice(start, end) });
    start = end;
  };
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    let end = -1;
    if (c === '/' && next === '/') end = source.indexOf('\n', i) < 0 ? source.length : source.indexOf('\n', i);
    else if (c === '/' && next === '*') end = source.indexOf('*/', i + 2) < 0 ? source.length : source.indexOf('*/', i + 2) + 2;
    else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      end = Math.min(j + 1, source.length);
    }
    if (end < 0) {
      i++;
      continue;
    }
    push(i, true);
    push(end, false);
    i = end;
  }
  push(source.length, true);
  return out;
}

export function localizeCode(source: string, locale: Locale): string {
  if (locale !== 'fr') return source;
  return segments(source)
    .map(({ code, text }) => (code ? text.replace(/,\s/g, ' ; ').replace(/(?<![\w.])(\d+)\.(\d+)(?![\w.])/g, '$1,$2') : text))
    .join('');
}
