// The worker's copy of the packed MNIST files in the Cache API: a later visit, online or off, reads them from here
// instead of the network. The service worker serves the same cache for these URLs (scripts/pwaOptions.ts), so
// the data is downloaded once, by the worker, and never again by a precache.
import type { PackStore } from '../data/mnist';

/** A store over one named cache, or null where the Cache API is missing (insecure origins): then no copy is kept. */
export async function openDataCache(
  name: string,
): Promise<(PackStore & { keepOnly(urls: string[]): Promise<void> }) | null> {
  if (typeof caches === 'undefined') return null;
  let cache: Cache;
  try {
    cache = await caches.open(name);
  } catch {
    return null;
  }
  return {
    async get(url) {
      const response = await cache.match(url);
      return response ? new Uint8Array(await response.arrayBuffer()) : null;
    },
    async put(url, bytes) {
      const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.byteLength) };
      await cache.put(url, new Response(bytes as Uint8Array<ArrayBuffer>, { headers }));
    },
    async delete(url) {
      await cache.delete(url);
    },
    /** Drops the files of earlier builds (other content hashes). */
    async keepOnly(urls) {
      const keep = new Set(urls);
      for (const request of await cache.keys()) {
        if (!keep.has(request.url)) await cache.delete(request);
      }
    },
  };
}
