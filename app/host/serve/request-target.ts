/**
 * The path of an HTTP request, read without trusting it: only the origin form (`/path?query`) is
 * accepted. An absolute URL, `*`, a path that reads as an authority (`//a:99999/`, which the URL
 * parser takes for a host and may refuse), or anything the URL parser refuses gives null: 400.
 */
export function requestPath(target: string | undefined): string | null {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(`http://127.0.0.1${target}`).pathname;
  } catch {
    return null;
  }
}
