/**
 * The workshop's extra pages, in the same bundle as the app (issue #15), chosen by the address's
 * hash: `#projecteur` (the projector view) and `#diplome` (every team's certificate, one a page) or
 * `#diplome/<team id>` (one team's). Everything else is the app itself.
 */
import type { HostInfo, RobokitApi } from '../../../shared/api';

export const PROJECTOR_HASH = '#projecteur';
const CERTIFICATE_HASH = '#diplome';

export type PageRoute =
  | { readonly page: 'app' }
  | { readonly page: 'projector' }
  /** `team`: one team's certificate; absent: every team's. */
  | { readonly page: 'certificate'; readonly team?: string };

export function pageRoute(hash: string): PageRoute {
  if (hash === PROJECTOR_HASH) return { page: 'projector' };
  if (hash === CERTIFICATE_HASH) return { page: 'certificate' };
  if (hash.startsWith(`${CERTIFICATE_HASH}/`)) {
    const team = decodeURIComponent(hash.slice(CERTIFICATE_HASH.length + 1));
    if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(team)) return { page: 'certificate', team };
  }
  return { page: 'app' };
}

/** The certificate page's address (relative to the app's page): one team's, or every team's. */
export function certificateHref(team?: string): string {
  return `./${CERTIFICATE_HASH}${team === undefined ? '' : `/${encodeURIComponent(team)}`}`;
}

/**
 * Opens the projector view: Electron's own window (the host opens it), or a new browser tab to drag
 * onto the projector's screen (`robokit serve`). The tab must open on the click itself, so call this
 * from a click handler.
 */
export function openProjector(api: RobokitApi, host: HostInfo): void {
  if (host.host === 'electron') {
    void api.openProjector();
    return;
  }
  window.open(`./${PROJECTOR_HASH}`, '_blank', 'noopener');
}


/**
 * A team's certificate to print (every team's without `team`): a new tab with the preview in the
 * browser (call it from a click handler); in Electron, where no second tab opens, the print window
 * of the page itself (only the certificates print). Resolves with the sentence to show when there is
 * nothing to print, else null.
 */
export async function openCertificate(api: RobokitApi, host: HostInfo, team?: string): Promise<string | null> {
  if (host.host !== 'electron') {
    window.open(certificateHref(team), '_blank', 'noopener');
    return null;
  }
  return (await import('../certificate/certificate-page')).printCertificates(api, team);
}
