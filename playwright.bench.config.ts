// Benchmarks: the same browser setup as the e2e suite, run on demand (`npm run bench:recipe`), never in CI.
// Their own output folder and no traces: an hour-long run must not fail at the end because an e2e run elsewhere
// cleared test-results/ (or on a multi-hundred-megabyte trace).
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: 'bench',
  testMatch: '*.bench.ts',
  timeout: 60 * 60_000,
  outputDir: 'test-results/bench',
  use: { ...base.use, trace: 'off' },
});
