import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The modules a participant's first load (join link → name → board in Reflect) needs besides the
 * entry, put in one chunk: split over ten small chunks, each compressed on its own, the same code
 * was 2.3 kB bigger gzipped. Facilitators load all of it too. A module listed here that
 * participants do not need shows up as bytes over PARTICIPANT_JS_KB in
 * tests/e2e/participantBudget.test.ts; a directory pattern would pull in the facilitator's
 * command modules (client/src/sync/facilitationCommands.ts, shared/domain/applyCommand.ts).
 */
const PARTICIPANT_FIRST_LOAD = new RegExp(
  [
    String.raw`node_modules[\\/](react|react-dom|scheduler|yjs|lib0|y-websocket|y-protocols|zustand|fractional-indexing)[\\/]`,
    String.raw`client[\\/]src[\\/](store|vendor)[\\/]`,
    String.raw`client[\\/]src[\\/]sync[\\/](silenceWatchdog|clockOffset|BoardConnection|localOutbox|localState|revealAnnouncements|undoStack|boardSession|commands|useBoardSession|undoableCommands)\.ts$`,
    String.raw`client[\\/]src[\\/](storage|facilitatorLink|router|copy|api)\.ts$`,
    String.raw`client[\\/]src[\\/]components[\\/]TagBadge\.tsx$`,
    String.raw`client[\\/]src[\\/]pages[\\/](JoinPage|JoinForm|home[\\/]OwnWorkshopChoice)\.tsx$`,
    String.raw`shared[\\/](random|limits|phases|fractionalIndex|validate|boardDoc|undoCommands|commands|protocol)\.ts$`,
    String.raw`shared[\\/]records[\\/]`,
    String.raw`shared[\\/]domain[\\/](errors|permissions|state|privateSlice|timerCommands)\.ts$`,
  ].join('|'),
);

/** The client lives in client/; the build goes to dist/client, which the server serves. */
export default defineConfig({
  root: 'client',
  plugins: [react()],
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
        codeSplitting: { groups: [{ name: 'participant', test: (id) => PARTICIPANT_FIRST_LOAD.test(id) }] },
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
