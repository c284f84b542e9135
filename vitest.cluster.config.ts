import { defineConfig } from 'vitest/config';
import { CLUSTER_FAILOVER_TESTS } from './vitest.config';

/**
 * Issue 10's failover scenarios: three node processes, 300 sockets, and bounds in seconds (takeover
 * within 7 s, hand-off p99 ≤ 2 s). `npm test` runs them after the other suites, and `npm run
 * test:cluster` by themselves: never beside other servers and browsers, which would share the cores.
 */
export default defineConfig({
  test: {
    include: CLUSTER_FAILOVER_TESTS,
    environment: 'node',
    // Tests that start the server as a process run the bundle: built once, before any test.
    globalSetup: ['tests/buildServer.globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    maxWorkers: 1,
    env: { LOG_LEVEL: 'silent' },
    // CLUSTER_TEST_SELF_PROF_DIR=/tmp/x writes a CPU profile of the test process (its clients, the balancers' thread aside).
    execArgv: process.env.CLUSTER_TEST_SELF_PROF_DIR
      ? ['--cpu-prof', '--cpu-prof-dir', process.env.CLUSTER_TEST_SELF_PROF_DIR]
      : [],
  },
});
