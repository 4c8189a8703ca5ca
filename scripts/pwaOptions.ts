// The service worker and web app manifest (vite-plugin-pwa, Workbox's generateSW): offline after one visit, and
// installable. The page registers it once the data is in (src/ui/hooks/useServiceWorker.ts): the precache then
// revalidates the app's files against the HTTP cache instead of competing with the data for bandwidth.
import type { VitePWAOptions } from 'vite-plugin-pwa';
import { MNIST_CACHE } from './vite-plugin-mnist.ts';

export const APP_COLOR = '#0072b2';

export const pwaOptions: Partial<VitePWAOptions> = {
  // A new version waits until the user says so (the page offers a reload); a silent swap could land mid-run.
  registerType: 'prompt',
  // No inline registration script (the CSP forbids inline scripts): src/ui/pwa/useServiceWorker.ts registers it.
  injectRegister: null,
  // The dev server skips the service worker: it would cache modules that Vite serves fresh on every edit.
  devOptions: { enabled: false },
  manifest: {
    name: 'BatchNorm Lab',
    short_name: 'BN Lab',
    description:
      'Watch Batch Normalization work: two MNIST networks, with and without BN, trained side by side in your browser.',
    lang: 'en',
    // Relative, like everything in the build: the installed app opens where it was installed from.
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#f5f6f8',
    theme_color: APP_COLOR,
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    // The app and its one WASM binary in use (SIMD; src/worker/wasmSetup.ts); the plugin adds the manifest and its
    // icons. Not the non-SIMD binary (only browsers without SIMD fetch it), nor the benchmark page that
    // `npm run bench` adds to dist/, nor the data (below).
    globPatterns: ['**/*.{html,js,css}', 'assets/tfjs-backend-wasm-simd-*.wasm', 'icons/apple-touch-icon-180.png'],
    // Nor TF.js's WebGPU backend (460 kB): the worker fetches it only on a device with a hardware WebGPU adapter
    // (src/core/webgpuBackend.ts); nor the seed lanes' worker (1.9 MB), started only on a CPU with 4 or more cores
    // for a run of several seeds (src/core/seedLaneCount.ts). There the runtime cache below keeps them for offline use.
    globIgnores: ['bench/**', 'assets/webgpuRegister-*.js', 'assets/seedLane.worker-*.js'],
    // The data (10 MB) is cached by the worker as it downloads it (src/worker/dataCache.ts); a precache would fetch
    // it again where the browser's HTTP cache did not keep the file (measured: in a fresh Chromium context the
    // precache fetched the 8.7 MB training images a second time, the smaller files came from the HTTP cache). The
    // service worker answers those URLs from the worker's cache.
    runtimeCaching: [
      { urlPattern: /\/assets\/mnist\/[^/]+\.pack$/, handler: 'CacheFirst', options: { cacheName: MNIST_CACHE } },
      // Content-hashed, so a cached copy is never stale.
      {
        urlPattern: /\/assets\/webgpuRegister-[^/]+\.js$/,
        handler: 'CacheFirst',
        options: { cacheName: 'bnlab-webgpu' },
      },
      {
        urlPattern: /\/assets\/seedLane\.worker-[^/]+\.js$/,
        handler: 'CacheFirst',
        options: { cacheName: 'bnlab-seed-lanes' },
      },
    ],
    // The worker script is the largest precached file (1.9 MB).
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    // A link with settings (`./?epochs=2`) opened offline gets the app shell too.
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/\/bench\//],
    cleanupOutdatedCaches: true,
  },
};
