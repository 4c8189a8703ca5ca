/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { SECURITY_HEADERS } from './scripts/securityHeaders.ts';
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
  // The built app is served with a strict CSP and friends (scripts/securityHeaders.ts); the dev server is not, as
  // Vite's dev client and React's refresh need inline scripts.
  preview: { host: '127.0.0.1', port: 4173, headers: { ...SECURITY_HEADERS } },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
