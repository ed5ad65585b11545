import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Where the renderer's sources live and where the build goes (the local server serves it at `/`). */
export const RENDERER_ROOT = here('./src/renderer');
export const RENDERER_OUT_DIR = here('./dist/renderer');

// One build for the desktop app (loaded from a file) and the web portal (served at `/`):
// relative asset paths work for both, and the app routes with the URL hash, not the path.
// Nothing inline (no eval, no inline script), so a strict content security policy holds.
export default defineConfig({
  root: RENDERER_ROOT,
  base: './',
  plugins: [react()],
  build: {
    outDir: RENDERER_OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  logLevel: 'warn',
});
