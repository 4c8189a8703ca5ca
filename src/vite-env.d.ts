/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vanillajs" />

/** The packed MNIST files of this build (scripts/vite-plugin-mnist.ts): names in MNIST_DIR and their sizes. */
declare module 'virtual:mnist-files' {
  export const MNIST_DIR: string;
  /** The Cache API cache the worker keeps them in and the service worker serves them from. */
  export const MNIST_CACHE: string;
  export const MNIST_PACKED_FILES: Record<import('./shared/protocol').DataFile, { name: string; bytes: number }>;
}
