// The service worker and web app manifest (vite-plugin-pwa, Workbox's generateSW): offline after one visit, and
// installable. The page registers the worker itself once the data is in (src/ui/pwa/useServiceWorker.ts), so its
// precache is filled from the HTTP cache, not downloaded a second time.
import type { VitePWAOptions } from 'vite-plugin-pwa';

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
    description: 'Watch Batch Normalization work: two MNIST networks, with and without BN, trained side by side in your browser.',
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
    // The app, its one WASM binary in use (SIMD; src/worker/wasmSetup.ts) and the packed MNIST files; the plugin adds
    // the manifest and its icons. Not the non-SIMD binary (only browsers without SIMD fetch it) nor the benchmark
    // page that `npm run bench` adds to dist/.
    globPatterns: ['**/*.{html,js,css,pack}', 'assets/tfjs-backend-wasm-simd-*.wasm', 'icons/apple-touch-icon-180.png'],
    globIgnores: ['bench/**'],
    // The training images are the largest file (8.7 MB packed).
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    // A link with settings (`./?epochs=2`) opened offline gets the app shell too.
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/\/bench\//],
    cleanupOutdatedCaches: true,
  },
};
