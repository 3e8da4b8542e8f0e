/**
 * Builds the renderer (editor, robot panel, simulator view, chart, code view) into dist/renderer/.
 * `base: './'` keeps every URL relative, so the same build loads from app://robokit/ in Electron and from
 * `robokit serve` over HTTP. Blockly's media (sprites, cursors, sounds) is copied next to the pages:
 * Blockly's default media URL is remote and must never be requested (SPEC §7, no remote content).
 *
 * Build: npx vite build --config app/renderer/vite.config.ts
 */
import { cpSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { rendererCsp, withMetaCsp } from '../shared/csp';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const outDir = resolve(repo, 'dist/renderer');

/** Copies node_modules/blockly/media to `<outDir>/media` after the bundle is written. */
function blocklyMedia(): Plugin {
  let target = outDir;
  return {
    name: 'robokit-blockly-media',
    apply: 'build',
    configResolved(config) {
      target = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      cpSync(resolve(repo, 'node_modules/blockly/media'), resolve(target, 'media'), { recursive: true });
    },
  };
}

/**
 * The page's CSP `<meta>`, written from the same source as Electron's header (`rendererCsp`, less
 * what a meta cannot carry). Each host also rewrites it with its own header's policy when it serves
 * the page (`withMetaCsp`), so header and meta are equal in both (tested).
 */
export function cspMeta(): Plugin {
  return {
    name: 'robokit-csp-meta',
    transformIndexHtml: (html) => withMetaCsp(html, rendererCsp({ connectSrc: [] })),
  };
}

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [cspMeta(), blocklyMedia()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // Blockly alone is ~800 KiB minified; the warning would only be noise.
    chunkSizeWarningLimit: 2000,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        main: resolve(here, 'index.html'),
        bare: resolve(here, 'bare.html'),
      },
    },
  },
});
