// The benchmark page (bench/page), built into dist/bench/ next to the app so `vite preview` serves both from one
// origin, with the MNIST files the app's build already holds (the plugin names them here, it does not write them
// again). Built only by `npm run bench`.
import { defineConfig } from 'vite';
import { mnistPlugin } from './scripts/vite-plugin-mnist.ts';

export default defineConfig({
  root: 'bench/page',
  base: '/bench/',
  worker: { format: 'es', plugins: () => [mnistPlugin({ emit: false })] },
  build: {
    outDir: '../../dist/bench',
    emptyOutDir: false,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
});
