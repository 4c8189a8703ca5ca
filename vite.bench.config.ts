// The benchmark page (bench/page), built into dist/bench/ next to the app so `vite preview` serves both from one
// origin, with the MNIST files the app's build already holds. Built only by `npm run bench`.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'bench/page',
  base: '/bench/',
  worker: { format: 'es' },
  build: {
    outDir: '../../dist/bench',
    emptyOutDir: false,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
});
