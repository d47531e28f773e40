import { defineConfig } from 'vitest/config';

// The end-to-end walks in Debian's Firefox ESR (tests/firefox): each test file drives its own
// Firefox; two files at a time fit the 2-core machines.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // Pages load and the background answers at a real browser's pace, not a unit test's.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
