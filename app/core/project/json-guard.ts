/**
 * Cheap checks on untrusted JSON text before parsing it: size, binary content and nesting depth.
 * The depth scan is iterative, so a 100,000-deep file is refused without touching the stack.
 */

export type JsonGuardFailure =
  | { readonly code: 'file-empty' }
  | { readonly code: 'file-too-large'; readonly size: number }
  | { readonly code: 'file-not-json' }
  | { readonly code: 'file-too-deep' };

export interface JsonGuardLimits {
  readonly maxChars: number;
  readonly maxDepth: number;
}

/** Depth of `[`/`{` nesting, ignoring brackets inside strings; stops early past `limit`. */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** Control characters other than whitespace mean this is not a text file. */
function looksBinary(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text.slice(0, 4096));
}

export function guardJsonText(text: string, limits: JsonGuardLimits): JsonGuardFailure | null {
  if (text.trim() === '') return { code: 'file-empty' };
  if (text.length > limits.maxChars) return { code: 'file-too-large', size: text.length };
  if (looksBinary(text)) return { code: 'file-not-json' };
  if (jsonDepth(text, limits.maxDepth) > limits.maxDepth) return { code: 'file-too-deep' };
  return null;
}
