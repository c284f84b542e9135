import { defineConfig } from 'vitest/config';

/** The failover scenarios measure time bounds: they run alone afterwards (vitest.cluster.config.ts). */
export const CLUSTER_FAILOVER_TESTS = ['tests/cluster/failover.test.ts'];

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...CLUSTER_FAILOVER_TESTS],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration and browser tests start servers and Chromium; two cores do not like a crowd.
    maxWorkers: 2,
    env: { LOG_LEVEL: 'silent' },
  },
});
