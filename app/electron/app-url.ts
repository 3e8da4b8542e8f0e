/** Is this URL our renderer page (the same file, whatever its query or hash)? */
export function isAppUrl(url: string, appUrl: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(url);
    b = new URL(appUrl);
  } catch {
    return false;
  }
  return a.protocol === 'file:' && b.protocol === 'file:' && a.host === b.host && a.pathname === b.pathname;
}
