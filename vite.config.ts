/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { SECURITY_HEADERS } from './scripts/securityHeaders.ts';
import { mnistPlugin } from './scripts/vite-plugin-mnist.ts';
import { pwaOptions } from './scripts/pwaOptions.ts';

export default defineConfig({
  // Every URL in the build is relative to the page: the same dist/ works at a site's root and under any subpath.
  base: './',
  plugins: [react(), mnistPlugin(), VitePWA(pwaOptions)],
  // The worker is bundled on its own and reads the data files' names from the same virtual module.
  worker: { format: 'es', plugins: () => [mnistPlugin({ emit: false })] },
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
