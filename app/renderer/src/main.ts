/**
 * Entry point: picks the transport (Electron's preload bridge, else `robokit serve`'s WebSocket),
 * then starts the app. If the host cannot be reached the page says so in words, never a stack trace.
 */
import { createIpcApi } from '../api/ipc-transport';
import { connectFromPage } from '../api/ws-transport';
import type { RobokitApi } from '../../shared/api';
import { startApp } from './app';
import { markReady } from './bench/marks';
import { pageRoute, type PageRoute } from './projector/routes';
import { h } from './shell/dom';
import { ui } from './shell/ui-text';

function showFatal(root: HTMLElement, key: 'hostLost' | 'unexpected'): void {
  root.replaceChildren(h('div', { class: 'fatal', role: 'alert' }, h('h1', {}, 'RoboKit'), h('p', {}, ui(key, 'fr')), h('p', { lang: 'en' }, ui(key, 'en'))));
}

async function connect(): Promise<{ api: RobokitApi; closed: Promise<unknown> | null }> {
  if (window.robokit) return { api: createIpcApi(window.robokit), closed: null };
  const connection = await connectFromPage();
  return { api: connection.api, closed: connection.closed };
}

async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  let api: RobokitApi;
  let closed: Promise<unknown> | null;
  try {
    ({ api, closed } = await connect());
  } catch {
    showFatal(root, 'hostLost');
    return;
  }
  try {
    await startPage(root, api, pageRoute(window.location.hash));
    markReady();
  } catch (e) {
    console.error(e);
    showFatal(root, 'unexpected');
    return;
  }
  void closed?.then(() => {
    const banner = document.getElementById('banner');
    const text = document.getElementById('banner-text');
    if (!banner || !text) return;
    text.textContent = ui('hostLost', document.documentElement.lang === 'en' ? 'en' : 'fr');
    banner.hidden = false;
  });
}

/** The app, or one of the workshop's pages (loaded only when asked for: the app does not carry them). */
async function startPage(root: HTMLElement, api: RobokitApi, route: PageRoute): Promise<void> {
  if (route.page === 'projector') return (await import('./projector/projector-page')).startProjector(root, api);
  if (route.page === 'certificate') return (await import('./certificate/certificate-page')).startCertificates(root, api, route.team);
  await startApp(root, api);
}

void main();
