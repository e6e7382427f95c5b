import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { outputValidatorsPlugin } from './output-validators.ts';

/**
 * The web app's build. Output goes to `web/dist` (served by the local server and uploaded to S3 by CDK).
 * Routes are split into chunks, so the inbox loads only what it shows; the form engine, the diagram and the
 * charts load with the pages that use them.
 */
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [react(), outputValidatorsPlugin()],
  base: '/',
  mode: 'production',
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    assetsDir: 'assets',
    // No inline module-preload polyfill: the CSP allows no inline script.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    // The form validators are compiled at build time on purpose (about a second): no timing warning for that.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
