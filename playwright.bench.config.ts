// Benchmarks: the same browser setup as the e2e suite, run on demand (`npm run bench:recipe`), never in CI.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({ ...base, testDir: 'bench', testMatch: '*.bench.ts', timeout: 60 * 60_000 });
