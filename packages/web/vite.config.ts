import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// Core is consumed as TypeScript source, so the web app never runs a stale core build.
const core = fileURLToPath(new URL('../core/src/index.ts', import.meta.url));
const coreSource = fileURLToPath(new URL('../core/src/', import.meta.url));

/**
 * nhsuk-frontend's compiled CSS points at /assets/images/… (a path on nhs.uk) and loads the
 * Frutiger web fonts from assets.nhs.uk. The strict Content-Security-Policy (default-src 'self')
 * would block the fonts, and their licence is for NHS websites, so their @font-face rules are
 * dropped (the stylesheet falls back to Arial, as NHS services do). The image paths are made
 * relative to the stylesheet so Vite bundles the icons from node_modules with hashed names.
 * Its "@media screen\0" rules are for Internet Explorer only (other browsers ignore them) and
 * the CSS minifier rejects them, so they become "@media not all", which also never applies.
 */
function nhsukStylesheet(): Plugin {
  return {
    name: 'kith:nhsuk-stylesheet',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!/nhsuk-frontend[\\/].*\.css$/.test(file)) return null;
      const css = code
        .replace(/@font-face\s*\{[^}]*\}/g, '')
        .replaceAll('url(/assets/', 'url(./assets/')
        .replaceAll('@media screen\\0', '@media not all');
      return { code: css, map: null };
    },
  };
}

const api = {
  '/api': { target: 'http://localhost:3000', changeOrigin: false },
  // The directory's vocabulary comes from the public Open Referral UK API.
  '/openreferral': { target: 'http://localhost:3000', changeOrigin: false },
};

export default defineConfig({
  root,
  plugins: [react(), nhsukStylesheet()],
  resolve: { alias: { '@kith/core': core } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Never inline assets as data: URIs; the Content-Security-Policy allows images from 'self' only.
    assetsInlineLimit: 0,
    rolldownOptions: {
      treeshake: {
        // Core is pure (no side effects at import), so the browser bundle keeps only the helpers
        // it uses and leaves out the zod schemas the server validates with.
        moduleSideEffects: (id) => !id.startsWith(coreSource),
      },
    },
  },
  server: { port: 5173, strictPort: true, proxy: api },
  preview: { port: 4173, proxy: api },
});
