/**
 * The session's rules: a strict CSP on every response, no permission ever granted (camera,
 * microphone, notifications, serial from the web, …), no remote request, no downloads.
 */
import type { Session } from 'electron';
import { rendererCsp } from '../shared/csp';
import { APP_HOST, APP_SCHEME } from './app-protocol';

export const ELECTRON_CSP = rendererCsp({ connectSrc: [] });

/** Only the app's own files (`app://robokit/`, never file://) and devtools' internal pages may load. */
export function isLocalRequest(url: string): boolean {
  return url.startsWith(`${APP_SCHEME}://${APP_HOST}/`) || url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:');
}

export function secureSession(session: Session, csp: string = ELECTRON_CSP): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isLocalRequest(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } }),
  );
  session.on('will-download', (event) => event.preventDefault());
}
