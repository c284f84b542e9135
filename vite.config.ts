import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { accordCatalogs } from './scripts/i18n/catalogPlugin.ts';

/**
 * Everything the entry imports statically (rolldown's `$initial` tag: the router, the join page and
 * the participant's board in Reflect and Share) goes into the entry chunk itself: one file, no
 * cross-chunk imports and exports, no separate runtime chunk, and no module that only lazy chunks
 * use. In rolldown's automatic chunks (5 files, each compressed on its own) the same code was 2.0 kB
 * bigger gzipped (bench/README.md). Whatever else a page needs is behind `lazy()` or `import()`,
 * and chunks of its own. PARTICIPANT_JS_CEILING_KB (bench/lib/participantFirstLoad.ts)
 * fails when this first load grows.
 */
const INITIAL_CHUNK = { name: 'index', tags: ['$initial' as const] };

/** The client lives in client/; the build goes to dist/client, which the server serves. */
export default defineConfig({
  root: 'client',
  plugins: [accordCatalogs(), react()],
  resolve: {
    // Only Yjs imports lib0/logging (lib0's own modules import it by relative path); see the shim.
    alias: [
      { find: /^lib0\/logging$/, replacement: fileURLToPath(new URL('client/src/vendor/lib0Logging.ts', import.meta.url)) },
    ],
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Every supported browser (es2022) has <link rel="modulepreload">: the polyfill is dead weight.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [INITIAL_CHUNK] },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8787',
      '/healthz': 'http://127.0.0.1:8787',
      '/ws': { target: 'ws://127.0.0.1:8787', ws: true },
    },
  },
});
