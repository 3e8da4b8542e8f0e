/**
 * The renderer's Content Security Policy, the same for both hosts except where the API lives:
 * nothing remote, no eval, no plugins, no framing. Inline styles are allowed because Blockly
 * injects its CSS at run time (see docs/security.md); inline scripts are not.
 */
export function rendererCsp(options: { readonly connectSrc: readonly string[] }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    `connect-src ${["'self'", ...options.connectSrc].join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Directives a `<meta>` policy cannot carry (browsers ignore them there, with a warning). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The header's policy as a `<meta http-equiv>` can carry it: the same, less the header-only directives. */
export function metaCsp(policy: string): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !HEADER_ONLY.has(d.split(/\s+/)[0]!))
    .join('; ');
}

const META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/?>/i;

/**
 * The page with its CSP `<meta>` set from the header's policy (one source, `rendererCsp`): replaced
 * if present, else put first in `<head>` (or right after the doctype). The build writes Electron's policy; each host rewrites
 * the page it serves with the policy of its own header, so the two never differ.
 */
export function withMetaCsp(html: string, policy: string): string {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${metaCsp(policy)}" />`;
  if (META.test(html)) return html.replace(META, tag);
  if (/<head>/i.test(html)) return html.replace(/<head>/i, `<head>\n    ${tag}`);
  const doctype = /^\s*<!doctype html>/i.exec(html)?.[0] ?? '';
  return `${doctype}${tag}${html.slice(doctype.length)}`;
}
