import { defineConfig } from 'vitest/config';
import { accordCatalogs } from './scripts/i18n/catalogPlugin.ts';

/**
 * The failover scenarios measure time bounds on three node processes and 300 sockets: they run alone,
 * after the other suites (`npm test` runs vitest.cluster.config.ts second; `npm run test:cluster`
 * runs them by themselves), not beside them.
 */
export const CLUSTER_FAILOVER_TESTS = ['tests/cluster/failover.test.ts'];

export default defineConfig({
  // Client modules that tests import may read the compiled message catalogs.
  plugins: [accordCatalogs()],
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...CLUSTER_FAILOVER_TESTS],
    environment: 'node',
    // Tests that start the server as a process run the bundle: built once, before any test.
    globalSetup: ['tests/buildServer.globalSetup.ts'],
    // Behaviour, not time: a loaded two-core CI machine may run a browser test at half speed.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration and browser tests start servers and Chromium; two cores do not like a crowd.
    maxWorkers: 2,
    env: { LOG_LEVEL: 'silent' },
  },
});
