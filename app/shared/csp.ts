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
