import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration and browser tests start servers and Chromium; two cores do not like a crowd.
    maxWorkers: 2,
    env: { LOG_LEVEL: 'silent' },
  },
});
