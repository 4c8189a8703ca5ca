/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { mnistPlugin } from './scripts/vite-plugin-mnist.ts';

export default defineConfig({
  plugins: [react(), mnistPlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // TF.js is large by nature; the worker chunk holds it, the page does not.
    chunkSizeWarningLimit: 4000,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
