import { defineConfig } from '@playwright/test';

// Each test launches its own Chromium with the built extension (tests/e2e/extension.ts);
// two workers fit the 2-core machines.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
});
