/** Is this URL our renderer page (`app://robokit/index.html`, whatever its query or hash)? */
export function isAppUrl(url: string, appUrl: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(url);
    b = new URL(appUrl);
  } catch {
    return false;
  }
  return a.protocol === 'app:' && b.protocol === 'app:' && a.host === b.host && a.pathname === b.pathname;
}
