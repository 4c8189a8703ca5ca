// Node benchmarks run on demand (`npm run bench:bnimpl`), never with the unit tests: long runs on the WASM backend.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['bench/node/*.compare.ts'],
    testTimeout: 60 * 60_000,
    hookTimeout: 60_000,
  },
});
