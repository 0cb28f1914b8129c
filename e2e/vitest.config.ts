import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium with the built extension, one file at a time
// (each launches its own browser; the machine has 2 cores).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
